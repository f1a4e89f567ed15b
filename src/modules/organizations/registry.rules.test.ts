// The registry's pure rules, without a database: which organizations the registry keeps, a grade's
// default validity (民政部令第39号: five years less a day) and the grade in force on a date, the history's
// diff, the district rules (GB/T 2260) and the credit code's organization-code warning (GB 11714).
import { describe, expect, it } from 'vitest';
import { orgCodeCheckCharacter, usccCheckCharacter } from '../../platform/validation/uscc.js';
import { defaultValidUntil } from './award-grade.js';
import { diff } from './history.js';
import { districtProblems, usccWarnings } from './registry.checks.js';
import { gradeOn, type RegistryFacts } from './registry.queries.js';
import { isRegistryEntry } from './registry.rules.js';

describe('registry rules', () => {
  it('keeps social organizations only', () => {
    expect(isRegistryEntry({ kind: 'socialOrganization' })).toBe(true);
    for (const kind of ['purchaser', 'bureau', 'agency']) expect(isRegistryEntry({ kind })).toBe(false);
  });

  it('makes a grade valid five years less a day', () => {
    expect(defaultValidUntil('2024-06-01')).toBe('2029-05-31');
    expect(defaultValidUntil('2024-01-01')).toBe('2028-12-31');
    expect(defaultValidUntil('2024-02-29')).toBe('2029-02-28');
  });

  it('finds the grade in force on a date, from its award to its last valid day', () => {
    const g = (grade: number, awardedOn: string, validUntil: string) => ({
      grade,
      awardedOn,
      validUntil,
      reference: '',
      recordedAt: '',
    });
    const facts = { grades: [g(5, '2026-06-01', '2031-05-31'), g(3, '2021-06-01', '2026-05-31')] };
    const on = (date: string) => gradeOn(facts as unknown as RegistryFacts, date)?.grade;
    expect(on('2021-05-31')).toBeUndefined();
    expect(on('2026-05-31')).toBe(3);
    expect(on('2026-06-01')).toBe(5);
    expect(on('2031-06-01')).toBeUndefined();
  });

  it('records only the fields that changed, as [before, after], treating missing as null', () => {
    expect(
      diff(
        { name: 'A', phone: null, domains: '["charity"]' },
        { name: 'B', phone: undefined, domains: '["charity"]', address: 'x' },
      ),
    ).toEqual({ name: ['A', 'B'], address: [null, 'x'] });
    expect(diff({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual({});
  });

  it('requires a known district, and a district (not the city) for a district-level registration', () => {
    expect(districtProblems('district', '110105')).toEqual([]);
    expect(districtProblems('city', '110000')).toEqual([]);
    expect(districtProblems('district', '110000')).toEqual([
      { field: 'districtCode', key: 'validation.districtRequired' },
    ]);
    expect(districtProblems('city', '999999')).toEqual([
      { field: 'districtCode', key: 'validation.districtUnknown', params: { code: '999999' } },
    ]);
  });

  it('warns, without refusing, of a credit code whose organization-code part fails its own check', () => {
    const body8 = '12345678';
    const expected = orgCodeCheckCharacter(body8)!;
    const good17 = `52110108${body8}${expected}`;
    expect(usccWarnings(good17 + usccCheckCharacter(good17))).toEqual([]);
    const actual = expected === '0' ? '1' : '0';
    const bad17 = `52110108${body8}${actual}`;
    expect(usccWarnings(bad17 + usccCheckCharacter(bad17))).toEqual([
      { field: 'uscc', key: 'registry.usccOrgCodeWarning', params: { expected, actual } },
    ]);
    // A code that fails its own check is a refusal elsewhere, not a warning here.
    expect(usccWarnings('91110000600037341N')).toEqual([]);
  });
});
