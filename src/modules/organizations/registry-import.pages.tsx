// Importing the registry from a sheet: the upload, the dry-run report (every row checked, nothing
// written), and the confirmation that writes all rows or none.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { AppError } from '../../platform/errors.js';
import { setFlash } from '../../platform/http/pages.js';
import { beijingDate } from '../../platform/time/dates.js';
import {
  CsrfField,
  emptyForm,
  ErrorSummary,
  fieldId,
  PostButton,
  SubmitButton,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import type { RowProblem } from './import-registry.js';
import { COLUMNS } from './registry-sheet.js';
import { confirmImport, rowProblemsOf, stageImport, type CheckedSheet } from './stage-import.js';
import { problemOf, XLSX_TYPE } from './registry.views.js';

/** The sheet columns an import cannot do without (the registration's required fields). */
const REQUIRED_COLUMNS = new Set([
  'name',
  'orgType',
  'uscc',
  'registrationLevel',
  'districtCode',
  'registrationAuthority',
]);

export function registerRegistryImportPages(app: App, services: AppServices): void {
  const { render } = services;
  const today = () => beijingDate(services.runtime.clock.now());

  // ---- import: upload, dry-run report, confirmation ----

  const showUpload = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const problem = problemOf(form, 'file');
    const hintId = `${fieldId('file')}-hint`;
    return render(
      req,
      reply,
      {
        title: t('registry.import.title'),
        lead: t('registry.import.lead'),
        status,
        crumbs: [{ href: '/registry', label: t('registry.title') }],
      },
      <>
        <ErrorSummary form={form} labels={{ file: t('registry.import.file') }} />
        <form action="/registry/import" method="post" enctype="multipart/form-data" novalidate>
          <CsrfField />
          <div class="field">
            <label for={fieldId('file')}>
              {t('registry.import.file')}
              <span class="required"> ({t('form.required')})</span>
            </label>
            <input
              id={fieldId('file')}
              name="file"
              type="file"
              accept={`.csv,.xlsx,text/csv,${XLSX_TYPE}`}
              required
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? `${hintId} ${fieldId('file')}-error` : hintId}
            />
            <small id={hintId}>{t('registry.import.fileHint')}</small>
            {problem ? (
              <small id={`${fieldId('file')}-error`} class="field-error">
                {t(problem.key, problem.params)}
              </small>
            ) : null}
          </div>
          <SubmitButton>{t('registry.import.check')}</SubmitButton>
        </form>
        <section aria-labelledby="columns-heading">
          <h2 id="columns-heading">{t('registry.import.columns')}</h2>
          <p>{t('registry.import.columnsLead')}</p>
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('registry.import.header')}</th>
                  <th scope="col">{t('registry.import.headerEn')}</th>
                  <th scope="col">{t('registry.import.requiredColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {COLUMNS.map((c) => (
                  <tr key={c.key}>
                    <td>{c.zh}</td>
                    <td>{c.en}</td>
                    <td>{REQUIRED_COLUMNS.has(c.key) ? t('form.required') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul>
            <li>{t('registry.import.valuesType')}</li>
            <li>{t('registry.import.valuesLevel')}</li>
            <li>{t('registry.import.valuesAuthority')}</li>
            <li>{t('registry.import.valuesDomains')}</li>
            <li>{t('registry.import.valuesDates')}</li>
          </ul>
          <p>
            <a href="/registry/export.csv" download>
              {t('registry.import.template')}
            </a>
          </p>
        </section>
      </>,
    );
  };

  const columnLabel = (column: string, locale: string): string => {
    const c = COLUMNS.find((x) => x.key === column);
    return c ? (locale === 'en' ? c.en : c.zh) : column;
  };

  const showReport = (
    req: FastifyRequest,
    reply: FastifyReply,
    checked: Pick<CheckedSheet, 'report' | 'unknownHeaders'> & { pendingId?: string | null },
    status: number,
  ) => {
    const t = translator(req.locale);
    const { report, unknownHeaders } = checked;
    const problems: RowProblem[] = report.problems;
    return render(
      req,
      reply,
      {
        title: t('registry.import.reportTitle'),
        status,
        crumbs: [
          { href: '/registry', label: t('registry.title') },
          { href: '/registry/import', label: t('registry.import.title') },
        ],
      },
      <>
        <p>
          {t('registry.import.summary', {
            rows: report.rows,
            creates: report.creates,
            updates: report.updates,
          })}
        </p>
        {unknownHeaders.length > 0 ? (
          <p class="notice">
            {t('registry.import.unknownHeaders', {
              headers: unknownHeaders.join(t('registry.listSeparator')),
            })}
          </p>
        ) : null}
        {problems.length > 0 ? (
          <section aria-labelledby="problems-heading">
            <div class="error-summary" role="alert">
              <h2 id="problems-heading">{t('registry.import.problemsTitle', { count: problems.length })}</h2>
              <p>{t('registry.import.nothingWritten')}</p>
            </div>
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('registry.import.row')}</th>
                    <th scope="col">{t('registry.import.column')}</th>
                    <th scope="col">{t('registry.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={`${p.row}-${p.column}-${i}`}>
                      <td>{p.row > 0 ? p.row : '—'}</td>
                      <td>{columnLabel(p.column, req.locale)}</td>
                      <td>{t(p.key, p.params)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <a href="/registry/import" role="button">
                {t('registry.import.again')}
              </a>
            </p>
          </section>
        ) : checked.pendingId ? (
          <section aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{t('registry.import.readyTitle')}</h2>
            <p>{t('registry.import.readyLead')}</p>
            <div class="actions">
              <PostButton action={`/registry/import/${checked.pendingId}/confirm`}>
                {t('registry.import.confirm', { rows: report.rows })}
              </PostButton>{' '}
              <a href="/registry/import">{t('registry.import.cancel')}</a>
            </div>
          </section>
        ) : null}
        {report.warnings.length > 0 ? (
          <section aria-labelledby="warnings-heading">
            <h2 id="warnings-heading">
              {t('registry.import.warningsTitle', { count: report.warnings.length })}
            </h2>
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('registry.import.row')}</th>
                    <th scope="col">{t('registry.import.column')}</th>
                    <th scope="col">{t('registry.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.warnings.map((p, i) => (
                    <tr key={`w-${p.row}-${p.column}-${i}`}>
                      <td>{p.row}</td>
                      <td>{columnLabel(p.column, req.locale)}</td>
                      <td>{t(p.key, p.params)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
      </>,
    );
  };

  app.get('/registry/import', { config: { action: 'registry.manage' } }, (req, reply) =>
    showUpload(req, reply, emptyForm),
  );

  app.post('/registry/import', { config: { action: 'registry.manage' } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const file = body.file;
    if (!Buffer.isBuffer(file) || file.length === 0) {
      return showUpload(
        req,
        reply,
        { values: {}, problems: [{ field: 'file', key: 'registry.import.fileRequired' }] },
        422,
      );
    }
    // Multipart key-value bodies carry no file name; the staged file is named for its day and kind.
    const fileName = `registry-upload-${today()}.${file.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv'}`;
    try {
      const staged = await services.run(req, (ctx) => stageImport(ctx, fileName, file));
      return showReport(req, reply, staged, staged.report.problems.length > 0 ? 422 : 200);
    } catch (error) {
      if (error instanceof AppError && error.status === 422 && error.fields.some((f) => f.field === 'file')) {
        return showUpload(req, reply, { values: {}, problems: error.fields }, 422);
      }
      throw error;
    }
  });

  app.post(
    '/registry/import/:pendingId/confirm',
    {
      config: { action: 'registry.manage' },
      schema: { params: Type.Object({ pendingId: Type.String({ minLength: 1, maxLength: 64 }) }) },
    },
    async (req, reply) => {
      let result;
      try {
        result = await services.run(req, (ctx) => confirmImport(ctx, req.params.pendingId));
      } catch (error) {
        // A rule met only while writing: nothing was written; the rows at fault are listed.
        if (error instanceof AppError && error.status === 422 && error.fields.length > 0) {
          const problems = rowProblemsOf(error);
          return showReport(
            req,
            reply,
            {
              report: { rows: 0, creates: 0, updates: 0, problems, warnings: [], committed: false },
              unknownHeaders: [],
            },
            422,
          );
        }
        throw error;
      }
      if (!result.report.committed) return showReport(req, reply, result, 422);
      setFlash(reply, 'flash.imported', { creates: result.report.creates, updates: result.report.updates });
      return reply.redirect('/registry', 303);
    },
  );
}
