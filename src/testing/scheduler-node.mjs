// One "app node" for the multi-node scheduler test: opens the database given in argv, registers a
// handler that records each firing, and ticks until a tick finds nothing due. Runs the compiled platform
// (dist/), exactly as `gongshi serve` would. It waits on the test's messages, never on the clock: it
// starts ticking when the test says both nodes are ready (however long each took to start), and on
// PostgreSQL it holds its first claimed task until the test says the other node holds one too, so both
// nodes have claimed at once and each had to skip the other's locked row. (On SQLite a node holding its
// write transaction would only make the other wait, so there is no such meeting there.)
import { createDatabase } from '../../dist/platform/db/database.js';
import { Scheduler } from '../../dist/platform/jobs/scheduler.js';
import { PublishHooks } from '../../dist/platform/context.js';
import { systemClock } from '../../dist/platform/time/clock.js';

const [kind, target, schema, node] = process.argv.slice(2);

/** Resolves when the test sends `word`. */
const told = (word) =>
  new Promise((resolve) => {
    const listen = (message) => {
      if (message !== word) return;
      process.off('message', listen);
      resolve();
    };
    process.on('message', listen);
  });
const go = told('go');
const bothHold = told('both-hold');

const db =
  kind === 'postgres'
    ? createDatabase({ kind: 'postgres', url: target }, { schema, max: 4 })
    : createDatabase({ kind: 'sqlite', file: target });
const scheduler = new Scheduler(
  { db, clock: systemClock, hooks: new PublishHooks() },
  { error: (o, m) => console.error(m, o), info: () => undefined },
);
let first = kind === 'postgres';
scheduler.register('test.fire', async (ctx, task) => {
  await ctx.trx.insertInto('firings').values({ task_id: task.id, node }).execute();
  if (first) {
    first = false;
    process.send('holding');
    await bothHold;
  }
});

process.send('ready');
await go;
while ((await scheduler.tick(50)) > 0);
await db.destroy();
process.disconnect();
