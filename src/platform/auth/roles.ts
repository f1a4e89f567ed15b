// Roles and actors live in ../access/roles.ts, below the context and the HTTP layer that need them. This
// path stays for the modules' imports.
export * from '../access/roles.js';
