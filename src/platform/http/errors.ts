// The application errors live in ../errors.ts, below every platform folder (context and views need them
// too). This path stays for the modules' imports.
export * from '../errors.js';
