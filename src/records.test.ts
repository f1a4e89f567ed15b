// Every published kind is declared (issue 12, item 5): the demo city's every public record fits its
// kind's schema, and renders and summarises in Chinese and English without raw fields — no `…Fen`
// names or amounts in fen, no UTC instants, no untranslated message keys.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement, Fragment } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type Platform } from './app.js';
import { seedDemo } from './demo/seed.js';
import { loadConfig } from './platform/config.js';
import {
  contentProblems,
  declaredKinds,
  recordSummary,
  renderRecordContent,
} from './platform/publish/record-kinds.js';
import { ManualClock } from './platform/time/clock.js';
import { translator, type Locale } from './platform/views/i18n.js';
import { describeEachDatabase } from './testing/databases.js';

/** Every kind a use-case publishes (`kind: X_KIND` constants and the notice kinds). */
const PUBLISHED_KINDS = [
  'announcement',
  'awardNotice',
  'bidCommitment',
  'bidOpening',
  'calendarYear',
  'catalogue',
  'challengeAnswer',
  'correctionNotice',
  'creditListRemoval',
  'creditListing',
  'creditRecord',
  'failureNotice',
  'inquiryAnswer',
  'needsSurveySummary',
  'organizationProfile',
  'panelDraw',
  'panelDrawCommitment',
  'plannedSpending',
  'plannedSpendingWithdrawn',
  'procurementIntention',
  'resultNotice',
  'singleSourceNotice',
  'singleSourceObjection',
  'singleSourceObjectionAnswer',
  'tenderNotice',
  'terminationNotice',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** What must not reach a reader: field names, UTC instants, keys a translation missed. */
const RAW = [
  /[a-z]Fen\b/,
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
  /\b(record|procurement|credit|planning)\.[a-z]+\.[a-zA-Z]/,
];

describeEachDatabase('published records of the demo city', (db) => {
  let platform: Platform;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongshi-records-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    platform = await createPlatform(config, { db: db().db, clock: new ManualClock('2026-11-26T02:00:00Z') });
    await seedDemo(platform);
  }, 180_000);
  afterAll(async () => {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('declares every kind the code publishes', () => {
    expect(declaredKinds()).toEqual(expect.arrayContaining(PUBLISHED_KINDS));
    // A kind added as a `*_KIND = '…'` constant (the modules' convention) is caught here too.
    const constants = sourceFiles(join(import.meta.dirname))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\b[A-Z_]*KIND\s*=\s*'([a-z][A-Za-z0-9]+)'/g)])
      .map((m) => m[1]!);
    expect(constants.length).toBeGreaterThan(10);
    expect(constants.filter((k) => !declaredKinds().includes(k))).toEqual([]);
  });

  it('fit their schemas, and read in Chinese and English without raw fields', async () => {
    const rows = await db()
      .db.kysely.selectFrom('public_records')
      .select(['id', 'kind', 'content'])
      .execute();
    expect(rows.length).toBeGreaterThan(50);
    const seen = new Set<string>();
    for (const row of rows) {
      const content = JSON.parse(row.content) as unknown;
      expect(contentProblems(row.kind, content), `${row.kind} ${row.id}`).toEqual([]);
      seen.add(row.kind);
      for (const locale of ['zh-CN', 'en'] as Locale[]) {
        const t = translator(locale);
        const view = renderRecordContent(row.kind, content, t, locale);
        expect(view, `${row.kind} renders`).toBeDefined();
        const html = renderToString(createElement(Fragment, null, view));
        // Text only: attributes (a <time>'s machine-readable dateTime, links) may hold ids and instants.
        const text = html.replace(/<[^>]*>/g, ' ');
        const summary = recordSummary(row.kind, content, t)!;
        expect(summary.trim(), `${row.kind} summary`).not.toBe('');
        for (const pattern of RAW) {
          expect(text, `${row.kind} ${locale} page`).not.toMatch(pattern);
          expect(summary, `${row.kind} ${locale} summary`).not.toMatch(pattern);
        }
      }
    }
    // The demo publishes all but the kinds SAMPLES below stand in for.
    expect([...seen, ...Object.keys(SAMPLES)].sort()).toEqual(PUBLISHED_KINDS);
  });
});

/** Content of the kinds the demo does not publish, as their use-cases publish it. */
const SAMPLES: Record<string, unknown> = {
  calendarYear: {
    year: 2027,
    reference: '国办发明电〔2026〕7号',
    holidays: [{ date: '2027-01-01', name: '元旦' }],
    workdays: [{ date: '2027-02-14', name: '春节调休' }],
  },
  creditListRemoval: {
    organization: { id: 'o-1', name: '朝阳区阳光社工事务所', uscc: '52110105MJ0123456R' },
    list: 'anomaly',
    entries: [{ trigger: 'annualReportMissed', listedOn: '2025-06-30', listingRecordId: 'r-1' }],
    removedOn: '2026-11-26',
    reason: '已补报年度工作报告。',
  },
  plannedSpendingWithdrawn: {
    department: { id: 'd-1', name: '朝阳区民政局' },
    year: 2026,
    projectName: '社区养老',
    reason: '并入其他项目。',
  },
};

describe('kinds the demo does not publish', () => {
  for (const [kind, content] of Object.entries(SAMPLES)) {
    it(`${kind} fits its schema and reads without raw fields`, () => {
      expect(contentProblems(kind, content)).toEqual([]);
      for (const locale of ['zh-CN', 'en'] as Locale[]) {
        const t = translator(locale);
        const html = renderToString(
          createElement(Fragment, null, renderRecordContent(kind, content, t, locale)),
        );
        for (const pattern of RAW) expect(html.replace(/<[^>]*>/g, ' ')).not.toMatch(pattern);
        expect(recordSummary(kind, content, t)).toBeTruthy();
      }
    });
  }
});
