// Pages of bids. For a social organization: the bid form (prices per lot, the service statement,
// consortium members, files), the receipt (the form redirects to it; it can be opened again in the same
// browser until the opening — keep-receipt.ts), its own bids with withdrawal. (The
// department's pages after the opening are in opening/opened-bids.pages.tsx.)
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import type { FieldProblem } from '../../../platform/errors.js';
import { refusalOf } from '../../../platform/http/forms.js';
import { RECEIPT_COOKIE } from '../../../platform/http/cookies.js';
import { setFlash } from '../../../platform/http/pages.js';
import {
  BeijingTime,
  CheckboxField,
  CsrfField,
  emptyForm,
  ErrorSummary,
  Facts,
  FieldScope,
  FileField,
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
import { bidFormStanding, myBids } from './bids.queries.js';
import { projectView } from '../projects/projects.queries.js';
import { confirmConsortium, replaceBid, withdrawBid } from './change-bid.js';
import { keepReceipt, keptReceipt } from './keep-receipt.js';
import { CREDIT_COMMITMENT_CONDITIONS } from './credit-commitment.rules.js';
import { MAX_BID_FILES, submitBid, type BidInput, type BidReceipt } from './submit-bid.js';

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
      creditCommitment: t('bid.creditCommitmentLegend'),
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
                <fieldset>
                  <legend>{t('bid.creditCommitmentLegend')}</legend>
                  <p>{t('bid.creditCommitmentLead')}</p>
                  <ol>
                    {CREDIT_COMMITMENT_CONDITIONS.map((c) => (
                      <li key={c.key}>
                        {t(`bid.creditCondition.${c.key}`)} <small>（{c.source}）</small>
                      </li>
                    ))}
                  </ol>
                  <CheckboxField
                    name="creditCommitment"
                    label={t('bid.creditCommitment')}
                    hint={t('bid.creditCommitmentHint')}
                    form={form ?? emptyForm}
                    required
                  />
                </fieldset>
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

  const receiptPath = (bidId: string) => `/procurement/bids/${bidId}/receipt`;

  const showReceipt = (req: FastifyRequest, reply: FastifyReply, receipt: BidReceipt) => {
    const t = translator(req.locale);
    const json = JSON.stringify(receipt, null, 2);
    const href = `data:application/json;base64,${Buffer.from(json).toString('base64')}`;
    return services.render(
      req,
      reply,
      { title: t('bid.receiptTitle'), lead: t('bid.receiptLead') },
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
        <p>{t('bid.receiptPrint')}</p>
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

  // The receipt after the redirect, and whenever the bidder opens it again in the same browser.
  app.get(
    '/procurement/bids/:id/receipt',
    { config: { action: 'bid.submit' }, schema: { params: IdParams } },
    async (req, reply) => {
      const t = translator(req.locale);
      const kept = await keptReceipt(db(), req.actor, req.params.id, req.cookies[RECEIPT_COOKIE]);
      // A receipt holds the bid in clear: never cached, never sent elsewhere.
      reply.header('cache-control', 'no-store');
      if ('receipt' in kept) return showReceipt(req, reply, kept.receipt);
      const gone = kept.missing === 'gone';
      return services.render(
        req,
        reply,
        {
          title: t(gone ? 'bid.receiptGoneTitle' : 'bid.receiptLockedTitle'),
          status: gone ? 410 : 200,
        },
        <>
          <p>{t(gone ? 'bid.receiptGone' : 'bid.receiptLocked')}</p>
          <p>
            <a href="/procurement/bids/mine">{t('nav.bidsMine')}</a>
          </p>
        </>,
      );
    },
  );

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
        creditCommitment: str('creditCommitment') === 'true',
      };
      try {
        const replaces = str('replaces');
        const { receipt, key } = await services.run(req, async (ctx) => {
          const sealed = await (replaces ? replaceBid(ctx, replaces, input) : submitBid(ctx, view.id, input));
          return { receipt: sealed, key: await keepReceipt(ctx, sealed) };
        });
        // Post, redirect, get: a reload shows the receipt again instead of posting the bid twice.
        reply.setCookie(RECEIPT_COOKIE, key, {
          path: receiptPath(receipt.bidId),
          httpOnly: true,
          sameSite: 'strict',
          secure: services.config.cookieSecure,
          expires: new Date(receipt.opensAt),
        });
        return reply.redirect(receiptPath(receipt.bidId), 303);
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
      const committed = body.creditCommitment === 'true';
      await services.run(req, (ctx) => confirmConsortium(ctx, req.params.id, organizationId, committed));
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
                        fields={{ organizationId: b.organization.id, creditCommitment: 'true' }}
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
}
