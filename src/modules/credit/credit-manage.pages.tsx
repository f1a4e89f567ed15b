// The civil-affairs page of an organization's credit: entering credit records (a fine typed in yuan,
// turned into fen by yuanToFen) and taking the organization off a list.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { oneOf } from '../../platform/http/schema-helpers.js';
import { beijingDate } from '../../platform/time/dates.js';
import { yuanToFen } from '../../platform/views/money.js';
import {
  emptyForm,
  ErrorSummary,
  FieldScope,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { STAFF_CATEGORIES } from './credit.rules.js';
import { creditView } from './credit.queries.js';
import { CreditRecordBody, RemovalBody } from './credit.schemas.js';
import { enterCreditRecord } from './enter-credit-record.js';
import { removeFromList } from './remove-from-list.js';
import { IdParams } from './credit.views.js';

export function registerCreditManagePages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const now = () => services.runtime.clock.now();

  // ---- civil affairs: credit records and lists ----

  const RecordForm = Type.Object(
    {
      category: oneOf(STAFF_CATEGORIES),
      description: Type.String({ minLength: 1, maxLength: 1000 }),
      source: Type.String({ minLength: 1, maxLength: 200 }),
      evidence: Type.Optional(Type.String({ maxLength: 1000 })),
      eventDate: CreditRecordBody.properties.eventDate,
      effectiveDate: CreditRecordBody.properties.effectiveDate,
      expiresOn: CreditRecordBody.properties.expiresOn,
      fineYuan: Type.Optional(
        Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,2})?$', 'x-error': 'credit.fineYuanFormat' }),
      ),
    },
    { additionalProperties: false },
  );

  const showManage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: { record?: FormState; removal?: FormState } = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    const view = await creditView(db(), id, now());
    const recordForm = forms.record ?? {
      values: { eventDate: beijingDate(now()) },
      problems: [],
    };
    const removalForm = forms.removal ?? emptyForm;
    const anomaly = view.listHistory.filter((e) => e.list === 'anomaly' && e.removedOn === null);
    const serious = view.listHistory.filter((e) => e.list === 'serious' && e.removedOn === null);
    // One removal form per anomaly entry and one for the serious list: each has its own field ids, and
    // a refused removal is shown again in the form it came from.
    const removalScope = (list: string | undefined, entryId: string | undefined) =>
      list === 'serious' ? 'removal-serious' : `removal-${entryId ?? ''}`;
    const refusedScope = removalScope(removalForm.values.list, removalForm.values.entryId);
    const removalFormOf = (scope: string) => (scope === refusedScope ? removalForm : emptyForm);
    return services.render(
      req,
      reply,
      {
        title: t('creditManage.title', { name: view.name }),
        status,
        crumbs: [
          { href: '/registry', label: t('nav.registry') },
          { href: `/registry/${id}`, label: view.name },
        ],
        lead: t('creditManage.lead'),
      },
      <>
        <p>
          <a href={`/organizations/${id}`}>{t('creditManage.publicProfile')}</a>
        </p>
        <section aria-labelledby="lists-now">
          <h2 id="lists-now">{t('creditManage.lists')}</h2>
          <FieldScope scope={refusedScope}>
            <ErrorSummary
              form={removalForm}
              labels={{
                reason: t('creditManage.reason'),
                entryId: t('creditManage.entry'),
                list: t('directory.list'),
              }}
            />
          </FieldScope>
          {anomaly.length === 0 && serious.length === 0 ? <p>{t('creditManage.notListed')}</p> : null}
          {anomaly.map((e) => (
            <article key={e.recordId}>
              <p>
                <strong>{t('credit.list.anomaly')}</strong> · {t(`credit.trigger.${e.trigger}`)} ·{' '}
                {t('credit.listedOn')} {e.listedOn}
              </p>
              <Form action={`/registry/${id}/credit/removals`} aria-label={t('creditManage.removeAnomaly')}>
                <input type="hidden" name="list" value="anomaly" />
                <input type="hidden" name="entryId" value={e.entryId} />
                <FieldScope scope={removalScope('anomaly', e.entryId)}>
                  <TextField
                    name="reason"
                    label={t('creditManage.reason')}
                    hint={t('creditManage.reasonAnomaly')}
                    form={removalFormOf(removalScope('anomaly', e.entryId))}
                    required
                  />
                </FieldScope>
                <SubmitButton secondary>{t('creditManage.removeAnomaly')}</SubmitButton>
              </Form>
            </article>
          ))}
          {serious.length > 0 ? (
            <article>
              <p>
                <strong>{t('credit.list.serious')}</strong> ·{' '}
                {serious.map((e) => t(`credit.trigger.${e.trigger}`)).join(t('registry.listSeparator'))}
              </p>
              <p>{t('creditManage.seriousFrom', { date: view.seriousRemovableFrom ?? '—' })}</p>
              <Form action={`/registry/${id}/credit/removals`} aria-label={t('creditManage.removeSerious')}>
                <input type="hidden" name="list" value="serious" />
                <FieldScope scope={removalScope('serious', undefined)}>
                  <TextField
                    name="reason"
                    label={t('creditManage.reason')}
                    hint={t('creditManage.reasonSerious')}
                    form={removalFormOf(removalScope('serious', undefined))}
                    required
                  />
                </FieldScope>
                <SubmitButton secondary>{t('creditManage.removeSerious')}</SubmitButton>
              </Form>
            </article>
          ) : null}
        </section>
        <section aria-labelledby="new-record">
          <h2 id="new-record">{t('creditManage.newRecord')}</h2>
          <p class="muted">{t('creditManage.deadline')}</p>
          <ErrorSummary
            form={recordForm}
            labels={{
              category: t('credit.category'),
              description: t('credit.description'),
              source: t('credit.source'),
              evidence: t('credit.evidence'),
              eventDate: t('credit.eventDate'),
              effectiveDate: t('credit.effectiveDate'),
              expiresOn: t('credit.expiresOn'),
              fineYuan: t('credit.fineYuan'),
              fineFen: t('credit.fineYuan'),
            }}
          />
          <Form action={`/registry/${id}/credit/records`}>
            <SelectField
              name="category"
              label={t('credit.category')}
              form={recordForm}
              emptyLabel={t('form.choose')}
              options={STAFF_CATEGORIES.map((c) => ({ value: c, label: t(`credit.category.${c}`) }))}
              hint={t('creditManage.categoryHint')}
              required
            />
            <TextAreaField
              name="description"
              label={t('credit.description')}
              form={recordForm}
              rows={3}
              required
            />
            <div class="grid">
              <TextField
                name="source"
                label={t('credit.source')}
                hint={t('creditManage.sourceHint')}
                form={recordForm}
                required
              />
              <TextField
                name="fineYuan"
                label={t('credit.fineYuan')}
                hint={t('creditManage.fineHint')}
                inputmode="decimal"
                form={recordForm}
              />
            </div>
            <div class="grid">
              <TextField
                name="eventDate"
                type="date"
                label={t('credit.eventDate')}
                form={recordForm}
                required
              />
              <TextField
                name="effectiveDate"
                type="date"
                label={t('credit.effectiveDate')}
                form={recordForm}
              />
              <TextField name="expiresOn" type="date" label={t('credit.expiresOn')} form={recordForm} />
            </div>
            <TextField
              name="evidence"
              label={t('credit.evidence')}
              hint={t('creditManage.evidenceHint')}
              form={recordForm}
            />
            <SubmitButton>{t('creditManage.enter')}</SubmitButton>
          </Form>
        </section>
      </>,
    );
  };

  app.get(
    '/registry/:id/credit',
    { config: { action: 'credit.manage' }, schema: { params: IdParams } },
    (req, reply) => showManage(req, reply, req.params.id),
  );

  app.post(
    '/registry/:id/credit/records',
    { config: { action: 'credit.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: RecordForm,
        show: (form, status) => showManage(req, reply, req.params.id, { record: form }, status),
        run: async (input) => {
          const { fineYuan, evidence, ...rest } = input;
          const fineFen = fineYuan === undefined ? undefined : yuanToFen(fineYuan);
          const row = await services.run(req, (ctx) =>
            enterCreditRecord(ctx, req.params.id, {
              ...rest,
              ...(evidence ? { evidence } : {}),
              ...(fineFen !== undefined ? { fineFen } : {}),
            }),
          );
          setFlash(reply, row.late === 1 ? 'flash.creditRecordLate' : 'flash.creditRecord');
          return reply.redirect(`/registry/${req.params.id}/credit`, 303);
        },
      }),
  );

  app.post(
    '/registry/:id/credit/removals',
    { config: { action: 'credit.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: RemovalBody,
        show: (form, status) => showManage(req, reply, req.params.id, { removal: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => removeFromList(ctx, req.params.id, input));
          setFlash(reply, 'flash.listRemoved');
          return reply.redirect(`/registry/${req.params.id}/credit`, 303);
        },
      }),
  );
}
