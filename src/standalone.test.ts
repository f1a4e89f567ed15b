// The project stands alone: a clone of it has everything its documents and code point to. Nothing
// tracked may point outside the repository to the workspace it was started in.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

// Spelt in pieces so that this file does not match itself.
const SHARED = ['shared', ''].join('/');
const OUTSIDE = new RegExp(`\\.\\./${SHARED}|(^|[^\\w-])${SHARED}docs\\b`);

export function pointersOutside(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    text.split('\n').forEach((line, i) => {
      if (OUTSIDE.test(line)) out.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return out;
}

describe('the project stands alone', () => {
  it('has no tracked file pointing outside the repository', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f !== '' && f !== 'package-lock.json' && !/\.(png|ico|woff2?|pdf|xlsx)$/.test(f));
    expect(tracked.length).toBeGreaterThan(100);
    const files: Record<string, string> = {};
    for (const file of tracked) files[file] = readFileSync(join(ROOT, file), 'utf8');
    expect(pointersOutside(files)).toEqual([]);
  });

  it('catches a pointer to the workspace’s shared documents', () => {
    const found = pointersOutside({
      'README.md': `See ${['..', 'shared', 'docs', 'domain.md'].join('/')}.`,
      'src/a.ts': `// (see ${['shared', 'docs', 'policy'].join('/')})`,
      'docs/ok.md': 'Shared documents of the platform: docs/domain.md.',
    });
    expect(found).toHaveLength(2);
  });
});
