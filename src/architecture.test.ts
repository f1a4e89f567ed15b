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
  // Cycles among modules (depth-first search).
  const state = new Map<string, 'visiting' | 'done'>();
  const walk = (m: string, path: string[]) => {
    if (state.get(m) === 'done') return;
    if (state.get(m) === 'visiting') {
      problems.push(
        `modules import each other in a cycle: ${[...path.slice(path.indexOf(m)), m].join(' → ')}`,
      );
      return;
    }
    state.set(m, 'visiting');
    for (const next of moduleEdges.get(m) ?? []) walk(next, [...path, m]);
    state.set(m, 'done');
  };
  for (const m of moduleEdges.keys()) walk(m, []);
  return problems;
}

describe('dependency rules (architecture rule 1)', () => {
  it('hold for the source tree', () => {
    const files = Object.fromEntries(
      sourceFiles(SRC).map((f) => [relative(SRC, f), readFileSync(f, 'utf8')]),
    );
    expect(Object.keys(files).length).toBeGreaterThan(30);
    expect(boundaryProblems(importGraph(files))).toEqual([]);
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
