// What the contracts stage reads of an award: per lot the supplier, the amount and the day the contract
// is due (GPL Art 46: 30 days from the notice of award). Read-only.
import type { Executor } from '../../../platform/db/database.js';
import { awardsOf } from '../evaluation/evaluation.repository.js';

export async function awardsForContracts(db: Executor, projectId: string) {
  return (await awardsOf(db, projectId))
    .filter((a) => a.bid_id !== null && a.result_record_id !== null)
    .map((a) => ({
      projectId: a.project_id,
      lot: a.lot,
      bidId: a.bid_id!,
      organizationId: a.organization_id!,
      amountFen: a.amount_fen!,
      contractDueOn: a.contract_due_on!,
      resultRecordId: a.result_record_id!,
    }));
}
