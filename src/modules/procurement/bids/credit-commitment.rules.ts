// The credit commitment (信用承诺) a supplier declares in its bid (issue 13 §1): the conditions of GPL
// 第二十二条第一款 as a signed declaration, each with its source, instead of certificates. It is part of
// the sealed, committed bid content, so it cannot be changed after the deadline, and the award checks it
// again (with the organization's credit and eligibility then). For a consortium the lead declares for
// itself; each member declares for itself when it confirms taking part (GPL 第二十四条: every party must
// meet 第二十二条).
const GPL22 = '《政府采购法》第二十二条第一款';

export const CREDIT_COMMITMENT_TERMS = 'gpl22-v1';

/** The conditions declared, in the article's order. */
export const CREDIT_COMMITMENT_CONDITIONS = [
  { key: 'civilLiability', source: `${GPL22}第（一）项` },
  { key: 'reputationAndAccounts', source: `${GPL22}第（二）项` },
  { key: 'equipmentAndSkills', source: `${GPL22}第（三）项` },
  { key: 'taxAndSocialSecurity', source: `${GPL22}第（四）项` },
  {
    key: 'noMajorViolation',
    source: `${GPL22}第（五）项；《政府采购法实施条例》第十七条第一款第（四）项、第十九条`,
  },
  { key: 'otherLegal', source: `${GPL22}第（六）项` },
] as const;

export const CREDIT_COMMITMENT_SOURCE = `${GPL22}；《政府采购法实施条例》第十七条`;

/**
 * What the sealed content records of the declaration (the user who made it is in the audit log, not in
 * content that the opening record may disclose).
 */
export interface CreditCommitment {
  terms: typeof CREDIT_COMMITMENT_TERMS;
  conditions: string[];
}

export function creditCommitment(): CreditCommitment {
  return { terms: CREDIT_COMMITMENT_TERMS, conditions: CREDIT_COMMITMENT_CONDITIONS.map((c) => c.key) };
}
