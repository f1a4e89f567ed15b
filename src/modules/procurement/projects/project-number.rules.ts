// The project number (项目编号) every notice of a project carries (issue 13 §1). The scheme, documented
// in docs/guide/purchasers.md:
//
//   <district code>-<year>-<method code>-<sequence>      e.g. 110102-2026-GK-0007
//
// - district code: the six-digit administrative division code of the department (GB/T 2260), 110000 for
//   a city department;
// - year: the Beijing calendar year in which the project was opened;
// - method code: the pinyin initials Chinese procurement practice uses for the method (公开招标 GK,
//   邀请招标 YQ, 竞争性谈判 TP, 竞争性磋商 CS, 询价 XJ, 单一来源 DY);
// - sequence: the number of projects opened in that district, year and method so far, four digits
//   (more when needed). Numbers are never reused: a terminated or failed project keeps its number, and a
//   project that follows it gets a new one.
import type { Method } from '../methods.js';

export const METHOD_CODES: Record<Method, string> = {
  openTender: 'GK',
  invitedTender: 'YQ',
  competitiveNegotiation: 'TP',
  competitiveConsultation: 'CS',
  requestForQuotation: 'XJ',
  singleSource: 'DY',
};

/** The city's code, for departments that belong to no district. */
export const CITY_CODE = '110000';

/** The counter a project draws its sequence from: one per district, year and method. */
export function numberScope(districtCode: string | null, year: number, method: Method): string {
  return `${districtCode ?? CITY_CODE}-${year}-${METHOD_CODES[method]}`;
}

export function projectNumber(scope: string, sequence: number): string {
  return `${scope}-${String(sequence).padStart(4, '0')}`;
}
