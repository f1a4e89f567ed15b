// Pages of the opened bids, for the project's department after the opening: the bids and their files,
// the single-source award, and the way forward after a failure.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { sendDocument } from '../../../platform/documents/documents.js';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { handleForm } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Facts,
  FieldScope,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { formatYuan, yuanToFen } from '../../../platform/views/money.js';
import { awardSingleSource } from '../single-source/award-single-source.js';
import { openedBidFile, openedBids } from '../bids/bids.queries.js';
import { METHOD_SETTINGS, type Method } from '../methods.js';
import { projectView } from '../projects/projects.queries.js';
import { AwardBody, RestartBody } from '../procurement.schemas.js';
import { restartAfterFailure } from '../projects/restart-after-failure.js';

export function registerOpenedBidPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

  interface KeeperForms {
    award?: FormState;
    restart?: FormState;
  }

  const showOpened = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: KeeperForms = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    const view = await projectView(db(), id, req.actor);
    const bids = await openedBids(db(), req.actor, id);
    const method = view.method as Method;
    const failedLots = view.lots.filter((l) => l.outcome === 'failed');
    const ways = METHOD_SETTINGS[method].failurePaths;
    const changeTo = ways.find((w) => w.path === 'changeMethod')?.methods ?? [];
    return services.render(
      req,
      reply,
      {
        title: t('bid.openedTitle', { project: view.title }),
        lead: t(`procurement.status.${view.status}`),
        status,
      },
      <>
        <p>
          <a href={`/procurement/projects/${view.id}`}>{t('bid.backToProject')}</a>
        </p>
        {bids.length === 0 ? <p>{t('bid.openedNone')}</p> : null}
        {bids.map((b, i) => (
          <section key={b.id} aria-labelledby={`bid-${i}`}>
            <h2 id={`bid-${i}`}>
              {b.bidders.map((x) => x.name).join(' + ')}
              {b.bidders.length > 1 ? ` (${t('bid.consortiumShort')})` : ''}
            </h2>
            <Facts
              items={[
                [t('bid.verification'), t(`bid.verification.${b.verification ?? 'unreadable'}`)],
                [t('bid.sealedTime'), <BeijingTime at={b.submittedAt} />],
                [t('bid.commitment'), <code>{b.commitment}</code>],
                [
                  t('bid.prices'),
                  b.lots.length === 0
                    ? '—'
                    : b.lots
                        .map((l) => t('bid.lotPrice', { number: l.number, price: formatYuan(l.priceFen) }))
                        .join('；'),
                ],
                [
                  t('bid.creditCommitmentLegend'),
                  b.creditCommitment ? t('bid.creditCommitmentMade') : t('bid.creditCommitmentNone'),
                ],
              ]}
            />
            {b.statement !== null ? (
              <>
                <h3>{t('bid.statement')}</h3>
                <p class="prewrap">{b.statement}</p>
              </>
            ) : null}
            {b.files.length > 0 ? (
              <ul>
                {b.files.map((f) => (
                  <li key={f.sha256}>
                    <a href={f.url} download>
                      {f.name}
                    </a>{' '}
                    ({Math.ceil(f.size / 1024)} KB){' '}
                    <small class="block">
                      SHA-256 <code>{f.sha256}</code>
                    </small>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
        {method === 'singleSource' &&
        view.status === 'opened' &&
        bids.some((b) => b.verification === 'verified') ? (
          <section aria-labelledby="award-heading">
            <h2 id="award-heading">{t('award.title')}</h2>
            <p>{t('award.text')}</p>
            <FieldScope scope="award">
              <ErrorSummary
                form={forms.award}
                labels={{ price: t('award.price'), text: t('award.negotiation') }}
              />
              <Form action={`/procurement/projects/${view.id}/award`} aria-label={t('award.title')}>
                <TextField
                  name="price"
                  label={t('award.price')}
                  inputmode="decimal"
                  form={forms.award ?? emptyForm}
                  required
                />
                <TextAreaField
                  name="text"
                  label={t('award.negotiation')}
                  form={forms.award ?? emptyForm}
                  rows={4}
                  required
                />
                <SubmitButton>{t('award.button')}</SubmitButton>
              </Form>
            </FieldScope>
          </section>
        ) : null}
        {failedLots.length > 0 ? (
          <section aria-labelledby="restart-heading">
            <h2 id="restart-heading">{t('restart.title')}</h2>
            <p>
              {t('restart.failedLots', { lots: failedLots.map((l) => `${l.number} ${l.title}`).join('、') })}
            </p>
            <ul>
              {ways.map((w) => (
                <li key={w.path}>
                  <strong>{t(`restart.path.${w.path}`)}</strong>
                  {w.methods ? `：${w.methods.map((m) => t(`procurement.method.${m}`)).join('、')}` : ''}
                  <small class="block">{w.source}</small>
                </li>
              ))}
            </ul>
            <FieldScope scope="restart">
              <ErrorSummary
                form={forms.restart}
                labels={{
                  path: t('restart.path'),
                  method: t('procurement.method'),
                  approvalReference: t('restart.approvalReference'),
                }}
              />
              <Form action={`/procurement/projects/${view.id}/restart`} aria-label={t('restart.title')}>
                <SelectField
                  name="path"
                  label={t('restart.path')}
                  options={ways.map((w) => ({ value: w.path, label: t(`restart.path.${w.path}`) }))}
                  form={forms.restart ?? emptyForm}
                  required
                />
                {changeTo.length > 0 ? (
                  <>
                    <SelectField
                      name="method"
                      label={t('procurement.method')}
                      options={changeTo.map((m) => ({ value: m, label: t(`procurement.method.${m}`) }))}
                      emptyLabel={t('restart.sameMethod')}
                      form={forms.restart ?? emptyForm}
                    />
                    <TextField
                      name="approvalReference"
                      label={t('restart.approvalReference')}
                      hint={t('restart.approvalHint')}
                      form={forms.restart ?? emptyForm}
                      maxLength={200}
                    />
                  </>
                ) : null}
                <SubmitButton>{t('restart.button')}</SubmitButton>
              </Form>
            </FieldScope>
          </section>
        ) : null}
      </>,
    );
  };

  app.get(
    '/procurement/projects/:id/bids',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) => showOpened(req, reply, req.params.id),
  );

  const FileParams = Type.Object({
    id: Type.String({ minLength: 1, maxLength: 64 }),
    bidId: Type.String({ minLength: 1, maxLength: 64 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  });
  app.get(
    '/procurement/projects/:id/bids/:bidId/files/:sha256',
    { config: { action: 'project.manage' }, schema: { params: FileParams } },
    async (req, reply) => {
      return sendDocument(
        reply,
        await openedBidFile(db(), req.actor, { ...req.params, projectId: req.params.id }),
      );
    },
  );

  const AwardForm = Type.Object(
    {
      price: Type.String({
        minLength: 1,
        maxLength: 16,
        pattern: '^\\d+(\\.\\d{1,2})?$',
        'x-error': 'planning.yuanFormat',
      }),
      text: AwardBody.properties.text,
    },
    { additionalProperties: true },
  );
  app.post(
    '/procurement/projects/:id/award',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: AwardForm,
        show: (form, status) =>
          showOpened(
            req,
            reply,
            req.params.id,
            {
              award: {
                ...form,
                problems: form.problems.map((p) => (p.field === 'priceFen' ? { ...p, field: 'price' } : p)),
              },
            },
            status,
          ),
        run: async (input) => {
          await services.run(req, (ctx) =>
            awardSingleSource(ctx, req.params.id, { priceFen: yuanToFen(input.price), text: input.text }),
          );
          setFlash(reply, 'flash.awardPublished');
          return reply.redirect(`/procurement/projects/${req.params.id}`, 303);
        },
      }),
  );

  app.post(
    '/procurement/projects/:id/restart',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: Type.Object(
          {
            path: RestartBody.properties.path,
            method: Type.Optional(Type.String({ maxLength: 64 })),
            approvalReference: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: true },
        ),
        show: (form, status) => showOpened(req, reply, req.params.id, { restart: form }, status),
        run: async (input) => {
          const method = input.method ? (input.method as Method) : undefined;
          const { id } = await services.run(req, (ctx) =>
            restartAfterFailure(ctx, req.params.id, {
              path: method ? 'changeMethod' : input.path,
              ...(method ? { method } : {}),
              ...(input.approvalReference?.trim()
                ? { approvalReference: input.approvalReference.trim() }
                : {}),
            }),
          );
          setFlash(reply, 'flash.restarted');
          return reply.redirect(`/procurement/projects/${id}`, 303);
        },
      }),
  );
}
