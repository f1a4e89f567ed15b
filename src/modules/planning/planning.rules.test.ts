// The pure rules of planning, without a database: the 30-day lead time and its urgent exemption
// (财库〔2020〕10号 二（三）), the 30% share (京财综〔2017〕2254号 三.2) and the price comparison (S16).
import { describe, expect, it } from 'vitest';
import { median, monthly, shareOf, shareRow, SHARE_TARGET } from './planning.rules.js';
import { earliestProcurement, leadTimeProblems, urgentReasonOf } from './save-intention.js';

const amounts = (purchaseFen: number, socialOrgFen: number) => ({ purchaseFen, socialOrgFen });

describe('lead time', () => {
  it('asks for 30 calendar days, across a month and a year', () => {
    expect(earliestProcurement('2026-11-26')).toBe('2026-12-26');
    expect(earliestProcurement('2026-12-15')).toBe('2027-01-14');
  });

  it('accepts the earliest day, refuses the day before naming both fields', () => {
    expect(leadTimeProblems('2026-12-26', '2026-11-26', null)).toEqual([]);
    const problems = leadTimeProblems('2026-12-25', '2026-11-26', null);
    expect(problems.map((p) => [p.field, p.key])).toEqual([
      ['procurementFrom', 'planning.tooSoon'],
      ['urgentReason', 'planning.urgentReasonNeeded'],
    ]);
    expect(problems[0]!.params).toMatchObject({ earliest: '2026-12-26', days: 30 });
  });

  it('with an urgent reason, needs only a start not in the past and a reason of 10 characters', () => {
    const reason = '突发公共卫生事件，需立即开展上门服务';
    expect(leadTimeProblems('2026-11-26', '2026-11-26', reason)).toEqual([]);
    expect(leadTimeProblems('2026-11-25', '2026-11-26', reason).map((p) => p.field)).toEqual([
      'procurementFrom',
    ]);
    // Characters, not bytes or UTF-16 units: nine Chinese characters are too few.
    expect(leadTimeProblems('2026-12-01', '2026-11-26', '九个汉字太少了呀呀').map((p) => p.key)).toEqual([
      'planning.urgentReasonShort',
    ]);
  });

  it('records no reason for blank text', () => {
    expect(urgentReasonOf({ urgentReason: '   ' })).toBeNull();
    expect(urgentReasonOf({})).toBeNull();
    expect(urgentReasonOf({ urgentReason: ' 急需 ' })).toBe('急需');
  });
});

describe('the 30% share', () => {
  it('is social ÷ purchase to four decimals, none without spending', () => {
    expect(shareOf(1, 3)).toBe(0.3333);
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(30, 100)).toBe(SHARE_TARGET.value);
  });

  it('counts a department by its contracts as soon as it has any, by its plan until then', () => {
    const byPlan = { planned: amounts(1000, 400), contracted: amounts(0, 0) };
    const byContracts = { planned: amounts(1000, 1000), contracted: amounts(500, 100) };
    const city = shareRow('110000', '北京市', 'Beijing', '110000', [byPlan, byContracts]);
    expect(city).toMatchObject({
      purchaseSpendingFen: 1500,
      socialOrgSpendingFen: 500,
      share: 0.3333,
      meetsTarget: true,
      basis: 'mixed',
      planned: amounts(2000, 1400),
      contracted: amounts(500, 100),
    });
    expect(shareRow('d', 'd', null, null, [byContracts])).toMatchObject({
      share: 0.2,
      meetsTarget: false,
      basis: 'contracts',
    });
    expect(shareRow('d', 'd', null, null, [])).toMatchObject({
      share: null,
      meetsTarget: null,
      basis: 'plan',
    });
  });
});

describe('price comparison', () => {
  it('compares budgets per month of contract', () => {
    expect(monthly(1_200_000, 12)).toBe(100_000);
    expect(monthly(100, 0)).toBe(100);
    expect(monthly(1000, 3)).toBe(333);
  });

  it('takes the median, rounded to whole fen', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(3);
  });
});
