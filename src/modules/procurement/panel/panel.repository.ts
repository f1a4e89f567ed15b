// The evaluation panel's tables (migration 2026-12-02-21) and the statements on them.
import type { Executor } from '../../../platform/db/database.js';

export const PANEL_STATES = ['drawing', 'seated', 'reported', 'dissolved'] as const;
export type PanelStatus = (typeof PANEL_STATES)[number];

export const PANEL_MEMBER_STATES = ['invited', 'confirmed', 'declined', 'recused'] as const;
export type PanelMemberStatus = (typeof PANEL_MEMBER_STATES)[number];

export interface EvaluationPanelTable {
  id: string;
  project_id: string;
  round: number;
  status: PanelStatus;
  size: number;
  expert_seats: number;
  representative_user_id: string | null;
  seed_commitment: string;
  commitment_record_id: string;
  /** Secret until the result notice reveals it. */
  seed: string;
  beacon: string | null;
  drawn_at: string | null;
  revealed_at: string | null;
  reveal_record_id: string | null;
  created_at: string;
  created_by: string | null;
}

export interface PanelMemberTable {
  id: string;
  panel_id: string;
  expert_id: string;
  /** The expert's place in the draw's order (1 = drawn first). */
  position: number;
  status: PanelMemberStatus;
  declaration: string | null;
  responded_at: string | null;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    evaluation_panels: EvaluationPanelTable;
    panel_members: PanelMemberTable;
  }
}

/** The sitting panel of a project (its latest round that is not dissolved), if any. */
export async function currentPanel(
  db: Executor,
  projectId: string,
): Promise<EvaluationPanelTable | undefined> {
  return db
    .selectFrom('evaluation_panels')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('status', '!=', 'dissolved')
    .orderBy('round', 'desc')
    .executeTakeFirst();
}

/** Who sits on a panel and may score: its confirmed experts, with the user each signs in as. */
export async function confirmedMembers(
  db: Executor,
  panelId: string,
): Promise<{ memberId: string; expertId: string; userId: string; name: string; position: number }[]> {
  return db
    .selectFrom('panel_members as m')
    .innerJoin('experts as e', 'e.id', 'm.expert_id')
    .select([
      'm.id as memberId',
      'e.id as expertId',
      'e.user_id as userId',
      'e.name as name',
      'm.position as position',
    ])
    .where('m.panel_id', '=', panelId)
    .where('m.status', '=', 'confirmed')
    .orderBy('m.position')
    .execute();
}
