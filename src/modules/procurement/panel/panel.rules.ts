// The evaluation panel's statutory rules as data (issue 13 §2; domain guide §7): how many members a
// panel has and how many of them are experts drawn from the pool, by method and budget; which ties to a
// bidder oblige an expert to stand aside, and how far back they count. Pure: no database, no clock.
import type { Method } from '../methods.js';
import { METHOD_SETTINGS } from '../methods.js';

const GPR = '《政府采购法实施条例》';
const ORDER87 = '《政府采购货物和服务招标投标管理办法》（财政部令第87号）';

/** The name of the published algorithm (docs/draw.md); a new algorithm gets a new name. */
export const DRAW_ALGORITHM = 'gongshi-draw-v1' as const;

/** A tender panel of at least 7 when the budget reaches this (87号令 第四十七条), in fen. */
export const LARGE_TENDER_BUDGET = {
  fen: 1_000_000_000,
  min: 7,
  source: `${ORDER87}第四十七条（采购预算金额在1000万元以上的，评标委员会成员人数应当为7人以上单数）`,
} as const;

/** The panel rule that applies to a method and budget: members, expert seats, and their sources. */
export interface PanelSize {
  size: number;
  expertSeats: number;
  min: number;
  source: string;
}

/**
 * The smallest lawful panel for a method and budget: odd, at least the method's minimum (7 for a tender
 * of 10 million yuan or more), of which at least two thirds are experts from the pool; the platform seats
 * experts only (the purchaser's representative is optional and counted outside the draw), so every seat
 * is an expert seat. Null for a method without a panel (single source negotiates directly).
 */
export function panelSizeFor(method: Method, budgetFen: number): PanelSize | null {
  const rule = METHOD_SETTINGS[method].panel;
  if (!rule) return null;
  const tender = method === 'openTender' || method === 'invitedTender';
  const large = tender && budgetFen >= LARGE_TENDER_BUDGET.fen;
  const min = large ? LARGE_TENDER_BUDGET.min : rule.min;
  return {
    size: min,
    expertSeats: Math.ceil(min * rule.expertShare),
    min,
    source: large ? LARGE_TENDER_BUDGET.source : rule.source,
  };
}

/** Whether a panel of `size` with `expertSeats` experts keeps the method's rule; the problem key if not. */
export function panelSizeProblem(
  method: Method,
  budgetFen: number,
  size: number,
  expertSeats: number,
): { key: string; params: Record<string, string | number> } | null {
  const rule = METHOD_SETTINGS[method].panel;
  const least = panelSizeFor(method, budgetFen);
  if (!rule || !least) return { key: 'panel.noPanel', params: {} };
  if (size < least.min || (rule.odd && size % 2 === 0))
    return { key: 'panel.sizeRule', params: { min: least.min, source: least.source } };
  if (expertSeats > size || expertSeats < Math.ceil(size * rule.expertShare))
    return { key: 'panel.expertShareRule', params: { source: rule.source } };
  return null;
}

/** Ties to a supplier that oblige an expert to stand aside (GPR 第九条), each with its source. */
export const RECUSAL_TIES = {
  employment: {
    lookBackYears: 3,
    source: `${GPR}第九条第一款第（一）项（参加采购活动前3年内与供应商存在劳动关系）`,
  },
  boardSeat: {
    lookBackYears: 3,
    source: `${GPR}第九条第一款第（二）项（参加采购活动前3年内担任供应商的董事、监事）`,
  },
  control: {
    lookBackYears: 3,
    source: `${GPR}第九条第一款第（三）项（参加采购活动前3年内是供应商的控股股东或者实际控制人）`,
  },
  closeFamily: {
    lookBackYears: null,
    source: `${GPR}第九条第一款第（四）项（与供应商的法定代表人或者负责人有夫妻、直系血亲、三代以内旁系血亲或者近姻亲关系）`,
  },
  other: {
    lookBackYears: null,
    source: `${GPR}第九条第一款第（五）项（与供应商有其他可能影响政府采购活动公平、公正进行的关系）`,
  },
} as const;
export type RecusalTie = keyof typeof RECUSAL_TIES;

/** Random selection from the pool (GPR 第三十九条); a supplier may ask for recusal (GPR 第九条第二款). */
export const DRAW_SOURCE = `${GPR}第三十九条（评审专家从政府采购评审专家库中随机抽取）`;
export const RECUSAL_REQUEST_SOURCE = `${GPR}第九条第二款（供应商认为评审专家与其他供应商有利害关系的，可以申请其回避）`;

/** Whether a declared tie still obliges recusal on `onDate`: it began by then and ended within the look-back. */
export function tieCounts(
  kind: RecusalTie,
  tie: { startedOn: string | null; endedOn: string | null },
  onDate: string,
): boolean {
  if (tie.startedOn !== null && tie.startedOn > onDate) return false;
  if (tie.endedOn === null) return true;
  const years = RECUSAL_TIES[kind].lookBackYears;
  if (years === null) return true; // family and other ties count whenever they were declared
  return tie.endedOn >= minusYears(onDate, years);
}

/** `date` (YYYY-MM-DD) less whole years; 29 February becomes 28 February. */
export function minusYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
