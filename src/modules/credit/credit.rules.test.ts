// The credit module's pure rules: dates counted in years, which organizations have credit records,
// the serious list's two-year clock and the sources shown next to a listing.
import { describe, expect, it } from 'vitest';
import { addYears, hasCreditRecord, LIST_TRIGGERS, CATEGORIES } from './credit.rules.js';
import type { CreditListEntryTable } from './credit.repository.js';
import { seriousClock, triggerSource } from './list-organization.js';

const entry = (overrides: Partial<CreditListEntryTable>): CreditListEntryTable => ({
  id: 'e',
  organization_id: 'o',
  list: 'serious',
  status: 'listed',
  trigger: 'judgmentDebtor',
  basis_record_id: null,
  basis_entry_id: null,
  listed_on: '2026-01-01',
  removed_on: null,
  removal_reason: null,
  removed_by: null,
  listing_record_id: 'r',
  removal_record_id: null,
  ...overrides,
});

describe('credit rules', () => {
  it('adds years to a date, 29 February becoming 1 March', () => {
    expect(addYears('2026-11-26', 2)).toBe('2028-11-26');
    expect(addYears('2026-11-26', -3)).toBe('2023-11-26');
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
  });

  it('keeps credit records of social organizations and agencies only', () => {
    expect(hasCreditRecord({ kind: 'socialOrganization' })).toBe(true);
    expect(hasCreditRecord({ kind: 'agency' })).toBe(true);
    expect(hasCreditRecord({ kind: 'purchaser' })).toBe(false);
    expect(hasCreditRecord({ kind: 'bureau' })).toBe(false);
  });

  it('lets the serious list be left two years after its latest active trigger', () => {
    expect(seriousClock([])).toBeUndefined();
    expect(seriousClock([entry({ list: 'anomaly' })])).toBeUndefined();
    expect(
      seriousClock([
        entry({ listed_on: '2026-01-01' }),
        entry({ listed_on: '2027-05-31' }),
        // Removed entries and anomaly entries do not restart the clock.
        entry({ listed_on: '2027-09-01', status: 'removed', removed_on: '2027-10-01' }),
        entry({ list: 'anomaly', listed_on: '2027-12-01' }),
      ]),
    ).toBe('2029-05-31');
  });

  it('names the source of every trigger, record category or list rule', () => {
    expect(triggerSource('anomaly2Years')).toBe(LIST_TRIGGERS.anomaly2Years.source);
    expect(triggerSource('warning')).toBe(CATEGORIES.warning.source);
    expect(triggerSource('gossip')).toBe('');
  });
});
