// One "app node" for the multi-node scheduler test: opens the database given in argv, registers a
// handler that records each firing, and ticks until nothing is due. Runs the compiled platform (dist/),
// exactly as `gongshi serve` would.
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase } from '../../dist/platform/db/database.js';
import { Scheduler } from '../../dist/platform/jobs/scheduler.js';
import { PublishHooks } from '../../dist/platform/publish/hooks.js';
import { systemClock } from '../../dist/platform/time/clock.js';

const [kind, target, schema, node] = process.argv.slice(2);
const db =
  kind === 'postgres'
    ? createDatabase({ kind: 'postgres', url: target }, { schema, max: 4 })
    : createDatabase({ kind: 'sqlite', file: target });
const scheduler = new Scheduler(
  { db, clock: systemClock, hooks: new PublishHooks() },
  { error: (o, m) => console.error(m, o), info: () => undefined },
);
scheduler.register('test.fire', async (ctx, task) => {
  await ctx.trx.insertInto('firings').values({ task_id: task.id, node }).execute();
  // Hold the claim for a moment, so the other node really has to skip it.
  await sleep(2);
});
let idle = 0;
while (idle < 3) {
  const fired = await scheduler.tick(50);
  idle = fired === 0 ? idle + 1 : 0;
  await sleep(5);
}
await db.destroy();
