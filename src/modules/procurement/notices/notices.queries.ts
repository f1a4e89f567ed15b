// Read side of notices: the public list of published notices, and the projects open for responses.
import type { Executor } from '../../../platform/db/database.js';
import { openOpportunities } from '../projects/projects.repository.js';
import { listNotices, type NoticeFilter } from './notices.repository.js';

export async function noticeList(db: Executor, filter: NoticeFilter) {
  const { items, total } = await listNotices(db, filter);
  return {
    total,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      noticeDate: n.notice_date,
      deadline: n.deadline,
      movedFrom: n.moved_from,
      publishedAt: n.published_at,
      recordId: n.public_record_id,
      project: {
        id: n.project_id,
        title: n.title,
        method: n.method,
        status: n.status,
        budgetFen: n.budget_fen,
        districtCode: n.district_code,
        department: n.department_name,
      },
    })),
  };
}

/**
 * Projects open for responses on `today` (deadline not passed), soonest deadline first; a single source
 * or invited tender only for its supplier (among `supplierIds`).
 */
export function opportunities(db: Executor, filter: Parameters<typeof openOpportunities>[1]) {
  return openOpportunities(db, filter);
}
