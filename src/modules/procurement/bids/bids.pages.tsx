// Pages of bids. For a social organization: the bid form (prices per lot, the service statement,
// consortium members, files), the receipt shown once after sealing, its own bids with withdrawal. For
// the department after the opening: the opened bids, their files, the single-source award and the way
// forward after a failure.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { sendDocument } from '../../../platform/documents/documents.js';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import type { FieldProblem } from '../../../platform/http/errors.js';
import { handleForm, refusalOf } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import {
  BeijingTime,
  CsrfField,
  emptyForm,
  ErrorSummary,
  Facts,
  FieldScope,
  FileField,
  Form,
  PostButton,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../../platform/views/components.js';
import { formatBeijing } from '../../../platform/time/dates.js';
import { translator } from '../../../platform/views/i18n.js';
import { formatYuan, yuanToFen } from '../../../platform/views/money.js';
import { awardSingleSource } from '../single-source/award-single-source.js';
import { bidFormStanding, myBids, openedBidFile, openedBids } from './bids.queries.js';
import { METHOD_SETTINGS, type Method } from '../methods.js';
import { projectView } from '../projects/projects.queries.js';
import { AwardBody, RestartBody } from '../procurement.schemas.js';
import { restartAfterFailure } from '../projects/restart-after-failure.js';
import {
  confirmConsortium,
  MAX_BID_FILES,
  replaceBid,
  submitBid,
  withdrawBid,
  type BidInput,
  type BidReceipt,
} from './submit-bid.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const FILE_FIELDS = MAX_BID_FILES;
const YUAN = /^\d{1,12}(\.\d{1,2})?$/;

/** A problem of the use-case (lots.0.priceFen, files.1, consortium.2) as the form field it concerns. */
function formField(field: string, lotNumbers: number[]): string {
  const lot = /^lots\.(\d+)/.exec(field);
  if (lot) return `price${lotNumbers[Number(lot[1])] ?? 1}`;
  if (field === 'lots') return `price${lotNumbers[0] ?? 1}`;
  const file = /^files\.(\d+)/.exec(field);
  if (file) return `file${Number(file[1]) + 1}`;
  if (field.startsWith('consortium')) return 'consortium';
  return field;
}

export function registerBidPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  const showBidForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form?: FormState,
    status = 200,
  ) => {
    const t = translator(req.locale);
    const view = await projectView(db(), id, req.actor);
    const { taking, organizations, own, current, refusal } = await bidFormStanding(
      db(),
      services.runtime.clock.now(),
      req.actor,
      view.id,
    );
    const labels: Record<string, string> = {
      organizationId: t('bid.organization'),
      statement: t('bid.statement'),
      consortium: t('bid.consortium'),
      ...Object.fromEntries(
        view.lots.map((l) => [`price${l.number}`, t('bid.priceFor', { number: l.number })]),
      ),
      ...Object.fromEntries(
        [...Array(FILE_FIELDS).keys()].map((i) => [`file${i + 1}`, t('bid.file', { n: i + 1 })]),
      ),
    };
    return services.render(
      req,
      reply,
      {
        title: t('bid.title', { project: view.title }),
        lead: t(`procurement.method.${view.method}`),
        status,
      },
      <>
        <Facts
          items={[
            [
              t('procurement.responseDeadline'),
              view.deadline ? t('procurement.deadlineIs', { date: view.deadline }) : '—',
            ],
            [t('bid.opensAt'), <BeijingTime at={view.opensAt} />],
            [t('procurement.budget'), formatYuan(view.budgetFen)],
          ]}
        />
        <p>
          <a href={`/procurement/projects/${view.id}`}>{t('bid.backToProject')}</a>
        </p>
        <section aria-labelledby="sealing-heading">
          <h2 id="sealing-heading">{t('bid.sealingTitle')}</h2>
          <p>{t('bid.sealingText', { opensAt: view.opensAt ? formatBeijing(view.opensAt) : '—' })}</p>
        </section>
        {own.length > 0 ? (
          <section aria-labelledby="own-heading">
            <h2 id="own-heading">{t('bid.ownTitle')}</h2>
            <ul>
              {own.map((b) => (
                <li key={b.id}>
                  {b.organizationName} · {t(`bid.role.${b.member_role}`)} ·{' '}
                  <BeijingTime at={b.submitted_at} />
                  <small class="block">
                    {t('bid.commitment')} <code>{b.commitment}</code> ·{' '}
                    <a href={`/records/${b.commitment_record_id}`}>
                      {t('bid.logEntry', { index: b.log_index })}
                    </a>
                  </small>
                  {taking && b.member_role === 'lead' ? (
                    <PostButton action={`/procurement/bids/${b.id}/withdraw`} secondary>
                      {t('bid.withdraw')}
                    </PostButton>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {refusal ? (
          <p role="status">{t(refusal.key, refusal.params)}</p>
        ) : (
          <section aria-labelledby="bid-heading">
            <h2 id="bid-heading">{current ? t('bid.replaceTitle') : t('bid.submitTitle')}</h2>
            {current ? <p>{t('bid.replaceText')}</p> : null}
            <FieldScope scope="">
              <ErrorSummary form={form} labels={labels} />
              <form
                action={`/procurement/projects/${view.id}/bid`}
                method="post"
                enctype="multipart/form-data"
                aria-label={current ? t('bid.replaceTitle') : t('bid.submitTitle')}
                novalidate
              >
                <CsrfField />
                {current ? <input type="hidden" name="replaces" value={current.id} /> : null}
                {organizations.length > 1 ? (
                  <SelectField
                    name="organizationId"
                    label={t('bid.organization')}
                    options={organizations.map((m) => ({
                      value: m.id,
                      label: m.name,
                    }))}
                    form={form ?? emptyForm}
                    required
                  />
                ) : (
                  <p>
                    {t('bid.organization')}
                    {t('form.labelSeparator')}
                    <strong>{organizations[0]!.name}</strong>
                  </p>
                )}
                <fieldset>
                  <legend>{t('bid.pricesLegend')}</legend>
                  {view.lots.map((l) => (
                    <TextField
                      key={l.number}
                      name={`price${l.number}`}
                      label={t('bid.priceFor', { number: l.number })}
                      hint={t('bid.priceHint', { title: l.title, budget: formatYuan(l.budgetFen) })}
                      inputmode="decimal"
                      form={form ?? emptyForm}
                    />
                  ))}
                </fieldset>
                <TextAreaField
                  name="statement"
                  label={t('bid.statement')}
                  hint={t('bid.statementHint')}
                  form={form ?? emptyForm}
                  rows={8}
                  required
                />
                {view.method !== 'singleSource' ? (
                  <TextAreaField
                    name="consortium"
                    label={t('bid.consortium')}
                    hint={t('bid.consortiumHint')}
                    form={form ?? emptyForm}
                    rows={2}
                  />
                ) : null}
                <p>{t('bid.filesHint', { max: MAX_BID_FILES })}</p>
                {[...Array(FILE_FIELDS).keys()].map((i) => (
                  <FileField
                    key={i}
                    name={`file${i + 1}`}
                    label={t('bid.file', { n: i + 1 })}
                    form={form ?? emptyForm}
                  />
                ))}
                <SubmitButton>{current ? t('bid.replaceButton') : t('bid.submitButton')}</SubmitButton>
              </form>
            </FieldScope>
          </section>
        )}
      </>,
    );
  };

  const showReceipt = (req: FastifyRequest, reply: FastifyReply, receipt: BidReceipt) => {
    const t = translator(req.locale);
    const json = JSON.stringify(receipt, null, 2);
    const href = `data:application/json;base64,${Buffer.from(json).toString('base64')}`;
    return services.render(
      req,
      reply,
      { title: t('bid.receiptTitle'), lead: t('bid.receiptLead'), status: 201 },
      <>
        <p role="status">
          <strong>{t('bid.sealedAt', { opensAt: formatBeijing(receipt.opensAt) })}</strong>
        </p>
        <Facts
          items={[
            [t('bid.commitment'), <code>{receipt.commitment}</code>],
            [
              t('bid.logEntryLabel'),
              <a href={`/records/${receipt.record.recordId}`}>
                {t('bid.logEntry', { index: receipt.record.logIndex })}
              </a>,
            ],
            [t('bid.sealedTime'), <BeijingTime at={receipt.content.sealedAt} />],
            [t('bid.opensAt'), <BeijingTime at={receipt.opensAt} />],
          ]}
        />
        <p>
          <a href={href} download={`receipt-${receipt.bidId}.json`}>
            {t('bid.downloadReceipt')}
          </a>
        </p>
        <p>{t('bid.receiptKeep')}</p>
        <details>
          <summary>{t('bid.receiptJson')}</summary>
          <pre>{json}</pre>
        </details>
        <p>
          <a href={`/procurement/bids/mine`}>{t('nav.bidsMine')}</a> ·{' '}
          <a href={`/procurement/projects/${receipt.projectId}`}>{t('bid.backToProject')}</a>
        </p>
      </>,
    );
  };

  app.get(
    '/procurement/projects/:id/bid',
    { config: { action: 'bid.submit' }, schema: { params: IdParams } },
    (req, reply) => showBidForm(req, reply, req.params.id),
  );

  app.post(
    '/procurement/projects/:id/bid',
    { config: { action: 'bid.submit' }, bodyLimit: 16 * 1024 * 1024, schema: { params: IdParams } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const str = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
      const view = await projectView(db(), req.params.id, req.actor);
      const problems: FieldProblem[] = [];
      const lots: BidInput['lots'] = [];
      for (const l of view.lots) {
        const raw = str(`price${l.number}`).trim().replace(/,/g, '');
        if (raw === '') continue;
        if (!YUAN.test(raw)) problems.push({ field: `price${l.number}`, key: 'planning.yuanFormat' });
        else if (yuanToFen(raw) < 1)
          problems.push({ field: `price${l.number}`, key: 'validation.minimum', params: { limit: 0.01 } });
        else lots.push({ number: l.number, priceFen: yuanToFen(raw) });
      }
      if (lots.length === 0 && problems.length === 0)
        problems.push({ field: `price${view.lots[0]?.number ?? 1}`, key: 'bid.noPrice' });
      const statement = str('statement').trim();
      if (!statement) problems.push({ field: 'statement', key: 'validation.required' });
      if (statement.length > 20_000)
        problems.push({ field: 'statement', key: 'validation.maxLength', params: { limit: 20_000 } });
      const consortium = str('consortium')
        .slice(0, 1000)
        .split(/[\s,，;；]+/)
        .map((x) => x.trim())
        .filter(Boolean);
      const files: NonNullable<BidInput['files']> = [];
      const names = req.uploadNames ?? {};
      for (let i = 1; i <= FILE_FIELDS; i++) {
        const bytes = body[`file${i}`];
        if (Buffer.isBuffer(bytes) && bytes.length > 0)
          files.push({ name: names[`file${i}`] ?? `file${i}`, bytes });
      }
      const values = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf'),
      ) as Record<string, string>;
      if (problems.length > 0) return showBidForm(req, reply, view.id, { values, problems }, 422);
      const input: BidInput = {
        organizationId: str('organizationId') || undefined,
        lots,
        statement,
        consortium,
        files,
      };
      try {
        const replaces = str('replaces');
        const receipt = await services.run(req, (ctx) =>
          replaces ? replaceBid(ctx, replaces, input) : submitBid(ctx, view.id, input),
        );
        return showReceipt(req, reply, receipt);
      } catch (thrown) {
        const { error, problems: refused } = refusalOf(thrown);
        const lotNumbers = lots.map((l) => l.number);
        const fields = refused.map((p) => ({ ...p, field: formField(p.field, lotNumbers) }));
        return showBidForm(req, reply, view.id, { values, problems: fields }, error.status);
      }
    },
  );

  app.post(
    '/procurement/bids/:id/withdraw',
    { config: { action: 'bid.submit' }, schema: { params: IdParams } },
    async (req, reply) => {
      await services.run(req, (ctx) => withdrawBid(ctx, req.params.id));
      setFlash(reply, 'flash.bidWithdrawn');
      return reply.redirect('/procurement/bids/mine', 303);
    },
  );

  app.post(
    '/procurement/bids/:id/confirm',
    { config: { action: 'bid.submit' }, schema: { params: IdParams } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const organizationId = typeof body.organizationId === 'string' ? body.organizationId : undefined;
      await services.run(req, (ctx) => confirmConsortium(ctx, req.params.id, organizationId));
      setFlash(reply, 'flash.consortiumConfirmed');
      return reply.redirect('/procurement/bids/mine', 303);
    },
  );

  app.get('/procurement/bids/mine', { config: { action: 'bid.submit' } }, async (req, reply) => {
    const t = translator(req.locale);
    const bids = await myBids(db(), req.actor);
    const now = services.runtime.clock.now().getTime();
    return services.render(
      req,
      reply,
      { title: t('nav.bidsMine'), lead: t('bid.mineLead') },
      bids.length === 0 ? (
        <p>
          {t('bid.mineNone')} <a href="/procurement/opportunities">{t('nav.opportunities')}</a>
        </p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('bid.project')}</th>
                <th scope="col">{t('bid.organization')}</th>
                <th scope="col">{t('bid.statusLabel')}</th>
                <th scope="col">{t('bid.sealedTime')}</th>
                <th scope="col">{t('bid.commitment')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('bid.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bids.map((b) => (
                <tr key={`${b.id}-${b.organization.id}`}>
                  <td>
                    <a href={`/procurement/projects/${b.project.id}`}>{b.project.title}</a>
                    <small class="block">
                      {t(`procurement.method.${b.project.method}`)} ·{' '}
                      {t(`procurement.status.${b.project.status}`)}
                    </small>
                  </td>
                  <td>
                    {b.organization.name} · {t(`bid.role.${b.role}`)}
                    {b.confirmed ? null : <small class="block">{t('bid.pending')}</small>}
                  </td>
                  <td>{t(`bid.status.${b.status}`)}</td>
                  <td>
                    <BeijingTime at={b.submittedAt} />
                  </td>
                  <td>
                    <code>{b.commitment.slice(0, 16)}…</code>
                    <small class="block">
                      <a href={`/records/${b.commitmentRecordId}`}>
                        {t('bid.logEntry', { index: b.logIndex })}
                      </a>
                    </small>
                  </td>
                  <td>
                    {b.status === 'sealed' &&
                    !b.confirmed &&
                    b.project.status === 'open' &&
                    b.project.opensAt !== null &&
                    now < Date.parse(b.project.opensAt) ? (
                      <PostButton
                        action={`/procurement/bids/${b.id}/confirm`}
                        fields={{ organizationId: b.organization.id }}
                      >
                        {t('bid.confirm')}
                      </PostButton>
                    ) : null}
                    {b.status === 'sealed' &&
                    b.role === 'lead' &&
                    b.project.status === 'open' &&
                    b.project.opensAt !== null &&
                    now < Date.parse(b.project.opensAt) ? (
                      <>
                        <a href={`/procurement/projects/${b.project.id}/bid`}>{t('bid.replaceTitle')}</a>{' '}
                        <PostButton action={`/procurement/bids/${b.id}/withdraw`} secondary>
                          {t('bid.withdraw')}
                        </PostButton>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ),
    );
  });

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
