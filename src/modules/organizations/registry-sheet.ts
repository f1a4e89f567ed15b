// The registry as a sheet (CSV or Excel): one column layout for export and import, so an exported file
// can be edited and imported back. Headers are Chinese (English headers are accepted too).
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import type { SOCIAL_ORGANIZATION_TYPES } from '../../platform/access/roles.js';
import { decodeUtf8 } from '../../platform/http/text-input.js';
import { SERVICE_DOMAINS } from './registry.rules.js';

export interface SheetColumn {
  key: string;
  zh: string;
  en: string;
}

export const COLUMNS: SheetColumn[] = [
  { key: 'name', zh: '名称', en: 'Name' },
  { key: 'nameEn', zh: '英文名称', en: 'English name' },
  { key: 'orgType', zh: '类型', en: 'Type' },
  { key: 'uscc', zh: '统一社会信用代码', en: 'Unified social credit code' },
  { key: 'registrationLevel', zh: '登记级别', en: 'Registration level' },
  { key: 'districtCode', zh: '所在区代码', en: 'District code' },
  { key: 'registrationAuthority', zh: '登记管理机关', en: 'Registration authority' },
  { key: 'foundedOn', zh: '成立日期', en: 'Founded on' },
  { key: 'legalRepresentative', zh: '法定代表人', en: 'Legal representative' },
  { key: 'contactName', zh: '联系人', en: 'Contact' },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone' },
  { key: 'contactEmail', zh: '电子邮箱', en: 'Contact e-mail' },
  { key: 'address', zh: '地址', en: 'Address' },
  { key: 'serviceDomains', zh: '服务领域', en: 'Service domains' },
  { key: 'services', zh: '服务内容', en: 'Services' },
];

/** Words a sheet may use for the coded columns, Chinese or identifiers. */
export const TYPE_WORDS: Record<string, (typeof SOCIAL_ORGANIZATION_TYPES)[number]> = {
  社会团体: 'association',
  基金会: 'foundation',
  社会服务机构: 'serviceAgency',
  民办非企业单位: 'serviceAgency',
  association: 'association',
  foundation: 'foundation',
  serviceAgency: 'serviceAgency',
};
export const TYPE_LABELS: Record<(typeof SOCIAL_ORGANIZATION_TYPES)[number], string> = {
  association: '社会团体',
  foundation: '基金会',
  serviceAgency: '社会服务机构',
};
export const LEVEL_WORDS: Record<string, 'city' | 'district'> = {
  市级: 'city',
  区级: 'district',
  city: 'city',
  district: 'district',
};
export const LEVEL_LABELS = { city: '市级', district: '区级' } as const;
export const DOMAIN_WORDS: Record<string, (typeof SERVICE_DOMAINS)[number]> = {
  民生保障: 'livelihood',
  社会治理: 'governance',
  行业管理: 'industry',
  公益慈善: 'charity',
  社区服务: 'community',
  城乡社区服务: 'community',
  其他: 'other',
  ...Object.fromEntries(SERVICE_DOMAINS.map((d) => [d, d])),
};
export const DOMAIN_LABELS: Record<(typeof SERVICE_DOMAINS)[number], string> = {
  livelihood: '民生保障',
  governance: '社会治理',
  industry: '行业管理',
  charity: '公益慈善',
  community: '城乡社区服务',
  other: '其他',
};

export type SheetRow = Record<string, string>;

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a UTF-8 byte-order mark is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

// A cell that starts like a formula would be run by a spreadsheet program (CSV injection); an
// apostrophe makes it text. Reading a sheet takes the apostrophe off again, so export → import is exact.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(raw: string): string {
  const value = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function unguarded(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function toCsv(rows: string[][]): string {
  // The byte-order mark makes Excel open the file as UTF-8.
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    // Dates read from Excel come as ISO instants at midnight UTC.
    return /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value) ? value.slice(0, 10) : value.trim();
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export class SheetFormatError extends Error {
  constructor(
    readonly key: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(key);
  }
}

/** Reads an uploaded sheet (CSV or .xlsx, told apart by content) into header-keyed rows. */
export async function readSheet(bytes: Buffer): Promise<{ rows: SheetRow[]; unknownHeaders: string[] }> {
  let table: string[][];
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
    let sheets: { data: unknown[][] }[];
    try {
      sheets = await readXlsxFile(bytes);
    } catch {
      throw new SheetFormatError('registry.import.notASheet');
    }
    table = (sheets[0]?.data ?? []).map((r) => r.map(cellText));
  } else {
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      // Decoded again with U+FFFD in place of the bad bytes, to name the first row that holds some.
      const at = parseCsv(bytes.toString('utf8')).findIndex((r) => r.some((c) => c.includes('\uFFFD')));
      throw new SheetFormatError('registry.import.notUtf8', { row: Math.max(at, 0) + 1 });
    }
    table = parseCsv(text);
  }
  const [header, ...body] = table;
  if (!header) throw new SheetFormatError('registry.import.empty');
  const byHeader = new Map<string, string>();
  for (const c of COLUMNS) {
    byHeader.set(c.zh, c.key);
    byHeader.set(c.en.toLowerCase(), c.key);
    byHeader.set(c.key.toLowerCase(), c.key);
  }
  const keys = header.map((h) => byHeader.get(h.trim()) ?? byHeader.get(h.trim().toLowerCase()));
  const unknownHeaders = header.filter((_h, i) => keys[i] === undefined && header[i]!.trim() !== '');
  if (!keys.includes('uscc') || !keys.includes('name'))
    throw new SheetFormatError('registry.import.missingColumns');
  const rows = body.map((cells) => {
    const row: SheetRow = {};
    keys.forEach((k, i) => {
      if (k !== undefined) row[k] = unguarded((cells[i] ?? '').trim());
    });
    return row;
  });
  return { rows, unknownHeaders };
}

export function sheetHeader(): string[] {
  return COLUMNS.map((c) => c.zh);
}

export async function toXlsx(rows: string[][]): Promise<Buffer> {
  const data = rows.map((r, i) =>
    r.map((value) => ({ value, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) })),
  );
  // writeXlsxFile answers at once; its toBuffer() is the asynchronous part.
  return writeXlsxFile(data, { sheet: '社会组织' }).toBuffer();
}
