// JSON API of the procurement methods' settings and statutory timelines (public).
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { ErrorBody, isoDate, Nullable, oneOf } from '../../platform/http/schema-helpers.js';
import { translate } from '../../platform/views/i18n.js';
import { METHOD_SETTINGS, METHODS } from './methods.js';
import { timelineFor } from './timeline.queries.js';

const errors = { 422: ErrorBody };

const Period = Type.Object({
  rule: Type.String(),
  days: Type.Integer(),
  unit: Type.String(),
  source: Type.String(),
});

export const TimelineQuery = Type.Object({
  method: oneOf(METHODS),
  noticeDate: isoDate(),
  deadline: Type.Optional(isoDate()),
  clarificationDate: Type.Optional(isoDate()),
});

export function registerProcurementRoutes(app: App, services: AppServices): void {
  app.get(
    '/api/v1/procurement/methods',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['procurement'],
        summary:
          'Every procurement method with its statutory periods, fewest responses and panel, with sources',
        response: {
          200: Type.Array(
            Type.Object({
              method: Type.String(),
              periods: Type.Array(Period),
              minResponses: Type.Object({
                value: Type.Integer(),
                source: Type.String(),
                forServices: Type.Optional(Type.Object({ value: Type.Integer(), source: Type.String() })),
              }),
              panel: Nullable(
                Type.Object({
                  min: Type.Integer(),
                  odd: Type.Boolean(),
                  expertShare: Type.Number(),
                  source: Type.String(),
                }),
              ),
              pricesPublicAtOpening: Type.Boolean(),
              source: Type.String(),
            }),
          ),
        },
      },
    },
    () => METHODS.map((method) => ({ method, ...METHOD_SETTINGS[method] })),
  );

  app.get(
    '/api/v1/procurement/timeline',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['procurement'],
        summary:
          'The statutory timeline of a method from the day its notice is issued; checks a proposed deadline and a clarification',
        querystring: TimelineQuery,
        response: {
          200: Type.Object({
            method: Type.String(),
            noticeDate: Type.String(),
            steps: Type.Array(
              Type.Object({ ...Period.properties, date: Type.String(), provisional: Type.Boolean() }),
            ),
            earliestDeadline: Nullable(Type.String()),
            earliestAward: Nullable(Type.String()),
            deadline: Nullable(Type.String()),
            movedFrom: Nullable(Type.String()),
            provisionalDates: Type.Array(Type.String()),
            problems: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const timeline = await timelineFor(services.runtime.db.kysely, req.query.method, req.query);
      return {
        ...timeline,
        problems: timeline.problems.map((p) => ({
          field: p.field,
          message: translate(req.locale, p.key, p.params),
        })),
      };
    },
  );
}
