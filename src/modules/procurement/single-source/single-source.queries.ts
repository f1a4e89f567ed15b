// Read side of single source: the requests waiting for the finance bureau.
import type { Executor } from '../../../platform/db/database.js';
import { pendingSingleSource } from './single-source.repository.js';

/** Single-source requests waiting for the finance bureau, oldest first. */
export function pendingApprovals(db: Executor) {
  return pendingSingleSource(db);
}
