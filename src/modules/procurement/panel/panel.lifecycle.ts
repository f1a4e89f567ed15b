// The evaluation panel's lifecycles, as data (architecture rule 4). A panel is created `drawing` when the
// purchaser commits the seed; the draw invites experts and the panel is `seated` once every expert seat
// is confirmed (a decline or a recusal reopens a seat: back to `drawing` until the next one confirms);
// the evaluation helper moves it to `reported`. A member is `invited`, then `confirmed` or `declined`;
// a confirmed member may be `recused` on a bidder's request the purchaser grants.
import { conflict } from '../../../platform/errors.js';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.js';
import { PANEL_MEMBER_STATES, PANEL_STATES } from './panel.repository.js';

export const panelLifecycle = defineLifecycle({
  name: 'evaluationPanel',
  table: 'evaluation_panels',
  states: PANEL_STATES,
  initial: ['drawing'],
  final: ['dissolved'],
  labels: 'panel.status',
  transitions: {
    seat: {
      from: ['drawing'],
      to: 'seated',
      by: 'panel.respond',
      means: 'Every expert seat is confirmed by an expert who declared no conflict.',
    },
    reopen: {
      from: ['seated'],
      to: 'drawing',
      by: 'project.manage',
      means: 'A member was recused: the next expert in the draw’s order is invited.',
    },
    report: { from: ['seated'], to: 'reported', by: 'project.manage' },
    dissolve: { from: ['drawing', 'seated'], to: 'dissolved', by: 'project.manage' },
  },
  refuse: (current) => conflict('panel_state', 'panel.wrongState', { status: `@panel.status.${current}` }),
});

export const panelMemberLifecycle = defineLifecycle({
  name: 'panelMember',
  table: 'panel_members',
  states: PANEL_MEMBER_STATES,
  initial: ['invited'],
  final: ['declined', 'recused'],
  labels: 'panel.member.status',
  transitions: {
    confirm: { from: ['invited'], to: 'confirmed', by: 'panel.respond' },
    decline: { from: ['invited'], to: 'declined', by: 'panel.respond' },
    recuse: {
      from: ['invited', 'confirmed'],
      to: 'recused',
      by: 'project.manage',
      means: 'The purchaser granted a bidder’s recusal request (GPR Art 9 ¶2).',
    },
  },
  refuse: () => conflict('invitation_answered', 'panel.invitationAnswered'),
});
