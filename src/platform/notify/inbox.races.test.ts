// Opening a message several times at once marks it read once (src/testing/races.ts).
import { describeRaces, type RaceScenario } from '../../testing/races.js';
import { sendMessage } from './messages.js';

const scenarios: RaceScenario[] = [
  {
    route: 'POST /inbox/:id/open',
    // Opening a message that is already read opens it again (a reader may follow its link twice); it
    // stays read by the first reader, at the first time.
    outcome: 'idempotent',
    async prepare(h) {
      const user = await h.user('purchaserStaff');
      await h.run((ctx) =>
        sendMessage(ctx, { organizationId: user.organizationId!, subjectKey: 'flash.saved', link: '/inbox' }),
      );
      const message = await h.platform.db.kysely
        .selectFrom('messages')
        .select('id')
        .where('organization_id', '=', user.organizationId)
        .executeTakeFirstOrThrow();
      return { method: 'POST', url: `/inbox/${message.id}/open`, form: { agentOf: user, fields: {} } };
    },
  },
];

describeRaces('inbox', scenarios);
