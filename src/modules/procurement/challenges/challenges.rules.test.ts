// The statutory table of inquiries and challenges, checked against the articles it cites, and its periods
// counted on the official 2026 calendar across the National Day holiday (1–7 October; Sunday 20
// September and Saturday 10 October worked) — hand-checked day by day.
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../../platform/time/calendar.js';
import {
  CHALLENGE_PERIODS,
  CHALLENGE_TRIGGERS,
  effectAllowed,
  mayAffectResult,
  UPHELD_EFFECTS,
  WHO_MAY_CHALLENGE,
} from './challenges.rules.js';

const calendar = new WorkingDayCalendar();
const count = (from: string, period: { days: number; unit: 'workday' | 'calendar' }) =>
  calendar.deadline(from, period.days, period.unit, 'minimum').date;

describe('challenge rules', () => {
  it('periods and their sources: inquiry 3 WD (GPR Art 52), challenge 7 WD (GPL Art 52), answer 7 WD (GPL Art 53), result notice 1 WD (87号令 Art 69), complaint 15 WD (GPL Art 55)', () => {
    expect(CHALLENGE_PERIODS.inquiryAnswer).toMatchObject({ days: 3, unit: 'workday' });
    expect(CHALLENGE_PERIODS.inquiryAnswer.source).toContain('《政府采购法实施条例》第五十二条');
    expect(CHALLENGE_PERIODS.challengeFiling).toMatchObject({ days: 7, unit: 'workday' });
    expect(CHALLENGE_PERIODS.challengeFiling.source).toContain('《政府采购法》第五十二条');
    expect(CHALLENGE_PERIODS.challengeAnswer).toMatchObject({ days: 7, unit: 'workday' });
    expect(CHALLENGE_PERIODS.challengeAnswer.source).toContain('《政府采购法》第五十三条');
    expect(CHALLENGE_PERIODS.resultNotice).toMatchObject({ days: 1, unit: 'workday' });
    expect(CHALLENGE_PERIODS.resultNotice.source).toContain('第六十九条');
    expect(CHALLENGE_PERIODS.complaint).toMatchObject({ days: 15, unit: 'workday' });
    expect(CHALLENGE_PERIODS.complaint.source).toContain('《政府采购法》第五十五条');
    expect(CHALLENGE_TRIGGERS.result.trigger).toBe('computed');
    expect(CHALLENGE_TRIGGERS.documents.source).toContain('第五十三条第（一）项');
    expect(WHO_MAY_CHALLENGE.documents.who).toBe('anyProvider');
    expect(WHO_MAY_CHALLENGE.result.who).toBe('bidder');
  });

  it('a challenge window across the National Day holiday (GPL Art 52): Tuesday 29 September + 7 working days = 14 October', () => {
    // 09-30 (1); 10-01…10-07 holiday; 10-08 (2), 10-09 (3), Saturday 10-10 worked (4), 10-12 (5), 10-13 (6), 10-14 (7).
    expect(count('2026-09-29', CHALLENGE_PERIODS.challengeFiling)).toBe('2026-10-14');
    // An inquiry on Wednesday 30 September: 10-08, 10-09, 10-10 (GPR Art 52).
    expect(count('2026-09-30', CHALLENGE_PERIODS.inquiryAnswer)).toBe('2026-10-10');
    // An award notice on Wednesday 30 September: its 1 working day ends on Thursday 8 October (87号令 Art 69).
    expect(count('2026-09-30', CHALLENGE_PERIODS.resultNotice)).toBe('2026-10-08');
  });

  it('what an upheld challenge may lead to depends on what was challenged (94号令 Art 16)', () => {
    expect(effectAllowed('documents', 'correctDocuments')).toBe(true);
    expect(effectAllowed('documents', 'otherSupplier')).toBe(false);
    expect(effectAllowed('result', 'otherSupplier')).toBe(true);
    expect(effectAllowed('result', 'reviseAndRestart')).toBe(false);
    expect(UPHELD_EFFECTS.otherSupplier.voidsAward).toBe(true);
    expect(UPHELD_EFFECTS.correctDocuments.voidsAward).toBe(false);
  });

  it('a challenge may change the result — and suspends signing (GPR Art 54) — unless it is to the documents before the opening', () => {
    expect(mayAffectResult('documents', 'open')).toBe(false);
    expect(mayAffectResult('documents', 'opened')).toBe(true);
    expect(mayAffectResult('procedure', 'open')).toBe(true);
    expect(mayAffectResult('result', 'awarded')).toBe(true);
  });
});
