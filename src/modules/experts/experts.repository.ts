// The expert pool's tables (migrations.ts) and the statements on them.
import type { Executor } from '../../platform/db/database.js';

export const EXPERT_STATES = ['active', 'suspended', 'retired'] as const;
export type ExpertStatus = (typeof EXPERT_STATES)[number];

export const TIE_KINDS = ['employment', 'boardSeat', 'control', 'closeFamily', 'other'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export interface ExpertTable {
  id: string;
  user_id: string;
  name: string;
  employer: string;
  title: string | null;
  status: ExpertStatus;
  unavailable_until: string | null;
  joined_on: string;
  created_at: string;
  created_by: string | null;
}

export interface ExpertSpecialtyTable {
  expert_id: string;
  domain: string;
}

export interface ExpertTieTable {
  id: string;
  expert_id: string;
  organization_id: string;
  kind: TieKind;
  started_on: string | null;
  ended_on: string | null;
  note: string | null;
  declared_at: string;
  declared_by: string | null;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    experts: ExpertTable;
    expert_specialties: ExpertSpecialtyTable;
    expert_ties: ExpertTieTable;
  }
}

export async function findExpertOfUser(db: Executor, userId: string): Promise<ExpertTable | undefined> {
  return db.selectFrom('experts').selectAll().where('user_id', '=', userId).executeTakeFirst();
}
