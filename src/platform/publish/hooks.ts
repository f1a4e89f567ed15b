// Hooks that modules register at start (the portal's search index, notifications), run inside publish()'s
// transaction. Declared in ../context.ts, since every use-case context carries them and the context must not
// import publish/; re-exported here, where publish() and the modules look for them.
export { PublishHooks, type PublishHook, type PublishedRecord } from '../context.js';
