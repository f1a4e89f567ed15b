// Eligibility's reasons and preferences in the reader's language, for the API and the pages alike.
import type { FastifyRequest } from 'fastify';
import { translator } from '../../platform/views/i18n.js';
import type { Eligibility } from './eligibility.js';

/** Reasons in the reader's language, with links to the published records they rest on. */
export function explain(req: FastifyRequest, result: Pick<Eligibility, 'reasons' | 'preferences'>) {
  const t = translator(req.locale);
  return {
    reasons: result.reasons.map((r) => ({
      rule: r.rule,
      outcome: r.outcome,
      message: t(r.key, r.params),
      source: r.source,
      record: r.record ? { ...r.record, url: `/records/${r.record.id}` } : null,
      until: r.until ?? null,
    })),
    preferences: result.preferences.map((p) => ({
      rule: p.rule,
      message: t(p.key, p.params),
      source: p.source,
      until: p.until ?? null,
    })),
  };
}
