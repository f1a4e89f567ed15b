// Where each bundled year of the working-day calendar comes from, in words people know: the State
// Council General Office's notice on the year's holiday arrangements (国务院办公厅关于 YYYY 年部分节假日
// 安排的通知), with its number and date where they are recorded here (each checked against the
// notice as published in 国务院公报 or by Xinhua). Older years name the notice without them.

export interface StateCouncilNotice {
  /** 国办发明电〔YYYY〕N号 */
  number: string;
  /** The date the notice bears. */
  date: string;
}

export const STATE_COUNCIL_NOTICES: Readonly<Record<number, StateCouncilNotice>> = {
  2023: { number: '国办发明电〔2022〕16号', date: '2022-12-08' },
  2024: { number: '国办发明电〔2023〕7号', date: '2023-10-25' },
  2025: { number: '国办发明电〔2024〕12号', date: '2024-11-12' },
  2026: { number: '国办发明电〔2025〕7号', date: '2025-11-04' },
};

export function noticeTitle(year: number): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知`;
}

/** `国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）`. */
export function noticeReference(year: number): string {
  const notice = STATE_COUNCIL_NOTICES[year];
  if (!notice) return noticeTitle(year);
  const [y, m, d] = notice.date.split('-').map(Number);
  return `${noticeTitle(year)}（${notice.number}，${y}年${m}月${d}日）`;
}
