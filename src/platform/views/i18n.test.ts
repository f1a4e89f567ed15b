// Architecture rule 11: every user-facing string has a key, zh-CN is complete and English is complete.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { features } from '../../features.js';
import { catalogue, registerMessages, translate } from './i18n.js';

for (const f of features) if (f.messages) registerMessages(f.messages);

const SRC = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('message catalogues', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    const zh = catalogue('zh-CN');
    const en = catalogue('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const zh = catalogue('zh-CN');
    const en = catalogue('en');
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh)) expect(names(en[key]!), key).toEqual(names(zh[key]!));
  });

  it('hold every key the code names literally', () => {
    const zh = catalogue('zh-CN');
    const missing = new Set<string>();
    const patterns = [
      /\bt\('([a-zA-Z0-9_.]+)'/g,
      /\b(?:key|labelKey):\s*'([a-zA-Z0-9_]+\.[a-zA-Z0-9_.]+)'/g,
      /(?:notFound|forbidden|fieldError|conflict)\([^)]*?'([a-z]+\.[a-zA-Z0-9_.]+)'/g,
      /new AppError\(\s*\d+,\s*'[a-z_]+',\s*'([a-zA-Z0-9_.]+)'/g,
      /setFlash\(reply, '([a-zA-Z0-9_.]+)'/g,
    ];
    for (const file of files(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const re of patterns)
        for (const m of text.matchAll(re))
          if (!(m[1]! in zh)) missing.add(`${m[1]} (${file.slice(SRC.length + 1)})`);
    }
    expect([...missing]).toEqual([]);
  });

  it('hold the keys built from identifiers (roles, kinds, audit actions, errors)', async () => {
    const { ROLES, ORGANIZATION_KINDS, ORGANIZATION_LEVELS, SOCIAL_ORGANIZATION_TYPES } =
      await import('../access/roles.js');
    const zh = catalogue('zh-CN');
    const keys = [
      ...ROLES.flatMap((r) => [`role.${r}`, `role.${r}.description`]),
      ...ORGANIZATION_KINDS.map((k) => `org.kind.${k}`),
      ...ORGANIZATION_LEVELS.map((l) => `org.level.${l}`),
      ...SOCIAL_ORGANIZATION_TYPES.map((t) => `org.orgType.${t}`),
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => `weekday.${d}`),
    ];
    const audit = new Set<string>();
    for (const file of files(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /audit\(\s*ctx,\s*(?:[^,]*\?\s*)?'([a-zA-Z.]+)'(?:\s*:\s*'([a-zA-Z.]+)')?/g,
      )) {
        audit.add(m[1]!);
        if (m[2]) audit.add(m[2]);
      }
    }
    expect(audit.size).toBeGreaterThan(10);
    keys.push(...[...audit].map((a) => `audit.action.${a}`));
    expect(keys.filter((k) => !(k in zh))).toEqual([]);
  });

  it('fill in parameters', () => {
    expect(translate('zh-CN', 'calendar.unknownYear', { year: 2027 })).toContain('2027');
    expect(translate('en', 'pager.position', { page: 2, pages: 5, total: 90 })).toBe(
      'Page 2 of 5 (90 items)',
    );
  });
});
