// Architecture rule 1: dependencies point one way (modules → platform); a module imports another only
// through its index.ts; modules never import each other in a cycle. Checked on the real source tree,
// and the checker itself is checked on made-up trees so that this test can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** file (relative to src, with .ts/.tsx) → the files it imports (relative to src). */
export function importGraph(files: Record<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const known = new Set(Object.keys(files));
  for (const [file, text] of Object.entries(files)) {
    const targets: string[] = [];
    const re =
      /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
    for (const m of text.matchAll(re)) {
      const spec = (m[1] ?? m[2])!;
      const base = relative('/src', resolve('/src', dirname(file), spec));
      const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base];
      const hit = candidates.find((c) => known.has(c));
      targets.push(hit ?? base);
    }
    graph.set(file, targets);
  }
  return graph;
}

const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(file)?.[1];

export function boundaryProblems(graph: Map<string, string[]>): string[] {
  const problems: string[] = [];
  const moduleEdges = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const isTest = /\.test\.tsx?$/.test(file) || file.startsWith('testing/');
    for (const target of targets) {
      if (file.startsWith('platform/') && !isTest && !target.startsWith('platform/')) {
        problems.push(`${file} (platform) imports ${target}: the platform knows no module`);
      }
      const from = moduleOf(file);
      const to = moduleOf(target);
      if (to && from !== to) {
        if (target !== `modules/${to}/index.ts`)
          problems.push(`${file} imports ${target}: use modules/${to}/index.ts`);
        if (from) {
          if (!moduleEdges.has(from)) moduleEdges.set(from, new Set());
          moduleEdges.get(from)!.add(to);
        }
      }
    }
  }
  problems.push(...cyclesOf(moduleEdges, 'modules'));
  return problems;
}

/** Cycles in a graph of named parts (depth-first search), each reported once per entry point. */
function cyclesOf(edges: Map<string, Set<string>>, what: string): string[] {
  const problems: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const walk = (m: string, path: string[]) => {
    if (state.get(m) === 'done') return;
    if (state.get(m) === 'visiting') {
      problems.push(
        `${what} import each other in a cycle: ${[...path.slice(path.indexOf(m)), m].join(' → ')}`,
      );
      return;
    }
    state.set(m, 'visiting');
    for (const next of edges.get(m) ?? []) walk(next, [...path, m]);
    state.set(m, 'done');
  };
  for (const m of edges.keys()) walk(m, []);
  return problems;
}

/** The platform's folders (a file at its root counts as its own part) must not import in a cycle. */
export function platformCycles(graph: Map<string, string[]>): string[] {
  const part = (file: string) => /^platform\/([^/]+?)(?:\.tsx?)?(?:\/|$)/.exec(file)?.[1];
  const edges = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const from = part(file);
    if (!from) continue;
    for (const target of targets) {
      const to = part(target);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return cyclesOf(edges, 'platform folders');
}

describe('dependency rules (architecture rule 1)', () => {
  it('hold for the source tree', () => {
    const files = Object.fromEntries(
      sourceFiles(SRC).map((f) => [relative(SRC, f), readFileSync(f, 'utf8')]),
    );
    expect(Object.keys(files).length).toBeGreaterThan(30);
    expect(boundaryProblems(importGraph(files))).toEqual([]);
    expect(platformCycles(importGraph(files))).toEqual([]);
  });

  it('catch platform folders importing each other in a cycle', () => {
    const graph = importGraph({
      'platform/http/server.ts': "import { x } from '../auth/sessions.js';",
      'platform/auth/sessions.ts': "import { AppError } from '../http/errors.js';",
      'platform/http/errors.ts': "import { y } from '../context.js';",
      'platform/context.ts': '',
    });
    expect(platformCycles(graph)).toEqual([
      'platform folders import each other in a cycle: http → auth → http',
    ]);
  });

  it('catch a platform file that imports a module', () => {
    const graph = importGraph({
      'platform/http/x.ts': "import { a } from '../../modules/credit/index.js';",
      'modules/credit/index.ts': '',
    });
    expect(boundaryProblems(graph)).toEqual([
      'platform/http/x.ts (platform) imports modules/credit/index.ts: the platform knows no module',
    ]);
  });

  it('catch a module reaching past another module’s index.ts', () => {
    const graph = importGraph({
      'modules/procurement/submit-bid.ts': "import type { X } from '../credit/eligibility.js';",
      'modules/credit/eligibility.ts': '',
      'modules/credit/index.ts': '',
    });
    expect(boundaryProblems(graph)).toEqual([
      'modules/procurement/submit-bid.ts imports modules/credit/eligibility.ts: use modules/credit/index.ts',
    ]);
  });

  it('catch modules importing each other in a cycle', () => {
    const graph = importGraph({
      'modules/a/index.ts': "export * from '../b/index.js';",
      'modules/b/index.ts': "import { c } from '../c/index.js';",
      'modules/c/index.ts': "const x = await import('../a/index.js');",
    });
    expect(boundaryProblems(graph)).toEqual(['modules import each other in a cycle: a → b → c → a']);
  });
});

// Rule 2: a page or a route calls its module's use-cases and queries, never a repository.
const HANDLER = /\.(pages|routes|feature)\.tsx?$|\.routes\.tsx$/;

export function repositoryImports(graph: Map<string, string[]>): string[] {
  const problems: string[] = [];
  for (const [file, targets] of graph) {
    if (!HANDLER.test(file)) continue;
    for (const target of targets)
      if (/\.repository\.ts$/.test(target)) problems.push(`${file} imports ${target}`);
  }
  return problems;
}

// Rule 4: only transition() writes a status column once a row exists.
export function statusWrites(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    // A migration may fill a new status column for the rows that exist (a backfill, once).
    if (isTestFile(file) || file.startsWith('platform/lifecycle/') || isMigration(file)) continue;
    for (const m of text.matchAll(/\.updateTable\(([\s\S]*?)\.execute(?:TakeFirst(?:OrThrow)?)?\(/g)) {
      const chain = m[1]!;
      if (/\.set\(\s*\{[^}]*\bstatus\s*:/.test(chain) || /\.set\(\s*['"]status['"]/.test(chain))
        problems.push(`${file}: ${lineOf(text, m.index)} sets a status outside transition()`);
    }
    for (const m of text.matchAll(/\bupdate\s+\S+\s+set\s+(?:[^;`]*,\s*)?status\s*=/gi))
      problems.push(`${file}: ${lineOf(text, m.index)} sets a status outside transition()`);
  }
  return problems;
}

// Rule 10: what differs between SQLite and PostgreSQL lives in platform/db.
export function dialectBranches(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    if (isTestFile(file) || file.startsWith('platform/db/')) continue;
    const re =
      /\bdialect\s*[!=]==?\s*['"]|['"](?:postgres|sqlite)['"]\s*[!=]==?\s*[\w.]*dialect\b|switch\s*\([\w.]*dialect\)/g;
    for (const m of text.matchAll(re))
      problems.push(`${file}: ${lineOf(text, m.index)} branches on the dialect`);
  }
  return problems;
}

/** Source files over `limit` lines that the architecture page does not list with a reason. */
export function oversizeFiles(files: Record<string, string>, exceptions: Set<string>, limit = 500): string[] {
  return Object.entries(files)
    .filter(([file, text]) => text.split('\n').length > limit && !exceptions.has(file))
    .map(([file, text]) => `${file} has ${text.split('\n').length} lines`);
}

function isMigration(file: string): boolean {
  return /(^|\/)migrations(\.ts|\/)/.test(file);
}

function isTestFile(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || file.startsWith('testing/');
}

function lineOf(text: string, index: number): string {
  return `line ${text.slice(0, index).split('\n').length}`;
}

/** The files the architecture page's "File size" table lets stay long: `| \`src/…\` | lines | why |`. */
function sizeExceptions(): Set<string> {
  const page = readFileSync(join(SRC, '..', 'docs', 'architecture.md'), 'utf8');
  const section = page.slice(page.indexOf('## File size'));
  return new Set([...section.matchAll(/^\|\s*`src\/([^`]+)`\s*\|/gm)].map((m) => m[1]!));
}

describe('the house rules a machine can check', () => {
  const files = Object.fromEntries(sourceFiles(SRC).map((f) => [relative(SRC, f), readFileSync(f, 'utf8')]));

  it('hold for the source tree', () => {
    expect(repositoryImports(importGraph(files))).toEqual([]);
    expect(statusWrites(files)).toEqual([]);
    expect(dialectBranches(files)).toEqual([]);
    expect(oversizeFiles(files, sizeExceptions())).toEqual([]);
  });

  it('catch a page that imports a repository', () => {
    const graph = importGraph({
      'modules/a/a.pages.tsx': "import { findA } from './a.repository.js';",
      'modules/a/a.repository.ts': '',
      'modules/a/a.queries.ts': "import { findA } from './a.repository.js';",
    });
    expect(repositoryImports(graph)).toEqual(['modules/a/a.pages.tsx imports modules/a/a.repository.ts']);
  });

  it('catch a status written outside transition()', () => {
    const text = [
      "await trx.updateTable('bids').set({ ended_at: at, status: 'withdrawn' }).where('id', '=', id).execute();",
      "await trx.updateTable('bids').set({ ended_at: at }).where('status', '=', 'sealed').execute();",
      "await trx.updateTable('bids').set('status', 'opened').executeTakeFirst();",
      "await sql`update surveys set closed_at = ${at}, status = 'closed'`.execute(trx);",
    ].join('\n');
    expect(
      statusWrites({ 'modules/a/a.repository.ts': text, 'platform/lifecycle/lifecycle.ts': text }),
    ).toEqual([
      'modules/a/a.repository.ts: line 1 sets a status outside transition()',
      'modules/a/a.repository.ts: line 3 sets a status outside transition()',
      'modules/a/a.repository.ts: line 4 sets a status outside transition()',
    ]);
  });

  it('catch a dialect branch outside platform/db', () => {
    const text =
      "const t = ctx.dialect === 'postgres' ? 'bytea' : 'blob';\nif ('sqlite' !== db.dialect) x();";
    expect(dialectBranches({ 'modules/a/migrations.ts': text, 'platform/db/locks.ts': text })).toEqual([
      'modules/a/migrations.ts: line 1 branches on the dialect',
      'modules/a/migrations.ts: line 2 branches on the dialect',
    ]);
  });

  it('catch a long file the architecture page does not excuse', () => {
    const long = 'x\n'.repeat(600);
    expect(oversizeFiles({ 'a.ts': long, 'b.ts': long, 'c.ts': 'x' }, new Set(['b.ts']))).toEqual([
      'a.ts has 601 lines',
    ]);
  });
});
