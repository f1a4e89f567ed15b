// The database's tables as Kysely sees them. Platform tables are declared here; each domain module
// declares its own tables by augmenting `Database` from its repository file:
//
//   declare module '../../platform/db/schema.js' {
//     interface Database { credit_records: CreditRecordTable }
//   }
//
// Conventions (both databases): ids are text (UUIDv7), instants are ISO-8601 UTC text
// (`2026-11-26T08:00:00.000Z`, so text order is time order), calendar dates are `YYYY-MM-DD` text,
// money is integer fen in `bigint` columns, flags are integers 0/1, JSON is canonical text.

export interface UserTable {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  locale: string;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface OrganizationTable {
  id: string;
  name: string;
  name_en: string | null;
  kind: 'purchaser' | 'socialOrganization' | 'agency' | 'bureau';
  level: 'city' | 'district' | 'street' | null;
  parent_id: string | null;
  district_code: string | null;
  uscc: string | null;
  org_type: 'association' | 'foundation' | 'serviceAgency' | null;
  status: 'active' | 'inactive';
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  user_id: string;
  organization_id: string;
  role: string;
  created_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: string;
  ip: string | null;
  request_id: string | null;
}

export interface CalendarYearTable {
  year: number;
  holidays: string;
  workdays: string;
  reference: string;
  entered_by: string;
  entered_at: string;
  updated_at: string;
}

export interface PublicRecordTable {
  id: string;
  kind: string;
  subject_id: string;
  title: string;
  content: string;
  content_hash: string;
  published_at: string;
  published_by: string | null;
  log_index: number;
  supersedes: string | null;
}

export interface LogEntryTable {
  idx: number;
  leaf: string;
  leaf_hash: string;
  chain_hash: string;
}

/** A complete subtree of the Merkle tree above the leaves: level L ≥ 1 covers leaves [idx·2^L, (idx+1)·2^L). */
export interface LogNodeTable {
  level: number;
  idx: number;
  hash: string;
}

/** A signed tree head (STH): the root of the first `tree_size` leaves, signed with the log key. */
export interface LogTreeHeadTable {
  tree_size: number;
  timestamp: number;
  root_hash: string;
  signature: string;
  key_id: string;
}

export interface ScheduledTaskTable {
  id: string;
  kind: string;
  subject_id: string;
  next_check_at: string;
  interval_seconds: number | null;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  last_error: string | null;
  last_run_at: string | null;
  created_at: string;
}

/** A submission already taken (see migrations/2026-12-02-01-submissions.ts). */
export interface SubmissionTable {
  actor_key: string;
  submission_key: string;
  created_at: string;
}

export interface Database {
  users: UserTable;
  organizations: OrganizationTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  calendar_years: CalendarYearTable;
  public_records: PublicRecordTable;
  log_entries: LogEntryTable;
  log_nodes: LogNodeTable;
  log_tree_heads: LogTreeHeadTable;
  scheduled_tasks: ScheduledTaskTable;
  submissions: SubmissionTable;
}
