// can() and defineActions live in ../access/policy.ts, below the HTTP layer and the navigation that need
// them. This path stays for the modules' imports.
export * from '../access/policy.js';
