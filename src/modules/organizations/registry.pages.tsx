// The registry pages for civil-affairs staff: the list with search and filters, registering an
// organization, its entry (facts, annual reports, compliance, grades, roster, history) with the forms
// that change it, and import/export of the registry as CSV or Excel. Readers see the data; only
// registry managers see the forms.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type, type Static } from 'typebox';
import { can } from '../../platform/auth/policy.js';
import { SOCIAL_ORGANIZATION_TYPES } from '../../platform/auth/roles.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { AppError, type FieldProblem } from '../../platform/http/errors.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import {
  dropEmptyQuery,
  hrefWith,
  oneOf,
  PageParam,
  pageWindow,
} from '../../platform/http/schema-helpers.js';
import { beijingDate } from '../../platform/time/dates.js';
import { allDivisions, findDistrict } from '../../platform/validation/districts.js';
import { checkUscc, usccProblemMessage } from '../../platform/validation/uscc.js';
import { usccWarnings } from './registry.checks.js';
import {
  BeijingTime,
  CsrfField,
  emptyForm,
  ErrorSummary,
  Facts,
  fieldId,
  FieldScope,
  Form,
  Pager,
  PostButton,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
  type Option,
} from '../../platform/views/components.js';
import { hasMessage, translator, type Translate } from '../../platform/views/i18n.js';
import { awardGrade } from './award-grade.js';
import type { RowProblem } from './import-registry.js';
import { addPerson, endPersonRole } from './manage-roster.js';
import { recordAnnualReport } from './record-annual-report.js';
import { recordCompliance } from './record-compliance.js';
import { registerOrganization } from './register-organization.js';
import {
  authorityChoices,
  findRegistry,
  gradeOn,
  registryEntry,
  registrySheetRows,
} from './registry.queries.js';
import { COMPLIANCE_KINDS, INSPECTION_RESULTS, ROSTER_POSITIONS, SERVICE_DOMAINS } from './registry.rules.js';
import {
  AnnualReportBody,
  ComplianceBody,
  GradeBody,
  PersonBody,
  RegistrationBody,
  RegistrationUpdateBody,
} from './registry.schemas.js';
import { COLUMNS, toCsv, toXlsx } from './registry-sheet.js';
import { confirmImport, rowProblemsOf, stageImport, type CheckedSheet } from './stage-import.js';
import { updateRegistration } from './update-registration.js';

const PAGE_SIZE = 25;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The sheet columns an import cannot do without (the registration's required fields). */
const REQUIRED_COLUMNS = new Set([
  'name',
  'orgType',
  'uscc',
  'registrationLevel',
  'districtCode',
  'registrationAuthority',
]);

type Authority = Awaited<ReturnType<typeof authorityChoices>>[number];

/** The forms of an entry page, each shown again with its problems after a refused POST. */
interface EntryForms {
  edit?: FormState;
  report?: FormState;
  compliance?: FormState;
  grade?: FormState;
  person?: FormState;
}

function registrationLabels(t: Translate): Record<string, string> {
  return {
    name: t('org.name'),
    nameEn: t('org.nameEn'),
    orgType: t('org.orgType'),
    uscc: t('org.uscc'),
    registrationLevel: t('registry.registrationLevel'),
    districtCode: t('org.district'),
    registrationAuthorityId: t('registry.registrationAuthority'),
    foundedOn: t('registry.foundedOn'),
    legalRepresentative: t('registry.legalRepresentative'),
    contactName: t('registry.contactName'),
    contactPhone: t('registry.contactPhone'),
    contactEmail: t('registry.contactEmail'),
    address: t('registry.address'),
    serviceDomains: t('registry.serviceDomains'),
    services: t('registry.services'),
    status: t('org.status'),
  };
}

/** What a change in the history names, by the field the use-cases record. */
const CHANGE_FIELD_LABELS: Record<string, string> = {
  name: 'org.name',
  name_en: 'org.nameEn',
  org_type: 'org.orgType',
  uscc: 'org.uscc',
  level: 'registry.registrationLevel',
  district_code: 'org.district',
  status: 'org.status',
  registration_authority_id: 'registry.registrationAuthority',
  founded_on: 'registry.foundedOn',
  legal_representative: 'registry.legalRepresentative',
  contact_name: 'registry.contactName',
  contact_phone: 'registry.contactPhone',
  contact_email: 'registry.contactEmail',
  address: 'registry.address',
  service_domains: 'registry.serviceDomains',
  services: 'registry.services',
  year: 'registry.report.year',
  result: 'registry.report.inspectionResult',
  kind: 'registry.statement.kind',
  compliant: 'registry.statement.compliant',
  grade: 'registry.grade.grade',
  awardedOn: 'registry.grade.awardedOn',
  validUntil: 'registry.grade.validUntil',
  position: 'registry.person.position',
};

function districtName(code: string | null | undefined, locale: string): string {
  if (!code) return '—';
  const d = findDistrict(code);
  return d ? (locale === 'en' ? d.nameEn : d.name) : code;
}

function districtOptions(locale: string): Option[] {
  return allDivisions().map((d) => ({
    value: d.code,
    label: `${locale === 'en' ? d.nameEn : d.name} (${d.code})`,
  }));
}

function localName(o: { name: string; nameEn: string | null }, locale: string): string {
  return locale === 'en' && o.nameEn ? o.nameEn : o.name;
}

function domainList(t: Translate, domains: readonly string[]): string {
  return domains.length === 0
    ? '—'
    : domains.map((d) => t(`registry.domain.${d}`)).join(t('registry.listSeparator'));
}

/** The checked service domains of a submitted form (one checked box arrives as a string). */
function domainsOf(body: unknown): string[] {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).serviceDomains : undefined;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return list.filter((d): d is string => typeof d === 'string' && d.trim() !== '');
}

/** Makes `serviceDomains` an array before the schema sees it, and keeps it for showing the form again. */
function normaliseDomains(req: FastifyRequest): void {
  if (req.body && typeof req.body === 'object') {
    (req.body as Record<string, unknown>).serviceDomains = domainsOf(req.body);
  }
}

function withDomains(form: FormState, body: unknown): FormState {
  return { ...form, values: { ...form.values, serviceDomains: domainsOf(body).join(',') } };
}

/** The credit-code check, so a bad code is reported together with the form's other problems. */
function usccPrecheck(values: Record<string, string>): FieldProblem[] {
  const code = values.uscc?.trim();
  if (!code) return [];
  const check = checkUscc(code);
  if (check.ok || !check.problem) return [];
  const { key, params } = usccProblemMessage(check.problem);
  return [{ field: 'uscc', key, params }];
}

function problemOf(form: FormState | undefined, field: string): FieldProblem | undefined {
  return form?.problems.find((p) => p.field === field);
}

/** The service domains as a group of checkboxes. */
function DomainChoices(props: { form: FormState; t: Translate }) {
  const { form, t } = props;
  const checked = new Set((form.values.serviceDomains ?? '').split(',').filter(Boolean));
  const problem = problemOf(form, 'serviceDomains');
  const hintId = `${fieldId('serviceDomains')}-hint`;
  return (
    <fieldset
      id={fieldId('serviceDomains')}
      aria-describedby={problem ? `${hintId} ${fieldId('serviceDomains')}-error` : hintId}
    >
      <legend>{t('registry.serviceDomains')}</legend>
      {SERVICE_DOMAINS.map((d) => (
        <label key={d}>
          <input type="checkbox" name="serviceDomains" value={d} checked={checked.has(d)} />
          {t(`registry.domain.${d}`)}
        </label>
      ))}
      <small id={hintId}>{t('registry.serviceDomainsHint')}</small>
      {problem ? (
        <small id={`${fieldId('serviceDomains')}-error`} class="field-error">
          {t(problem.key, problem.params)}
        </small>
      ) : null}
    </fieldset>
  );
}

/** Every field of a registration (RegistrationBody), plus the status when editing. */
function RegistrationFields(props: {
  form: FormState;
  t: Translate;
  locale: string;
  authorities: Authority[];
  mode: 'new' | 'edit';
}) {
  const { form, t, locale } = props;
  return (
    <>
      <ErrorSummary form={form} labels={registrationLabels(t)} />
      <div class="grid">
        <TextField name="name" label={t('org.name')} form={form} maxLength={200} required />
        <TextField name="nameEn" label={t('org.nameEn')} form={form} maxLength={200} />
      </div>
      <div class="grid">
        <TextField
          name="uscc"
          label={t('org.uscc')}
          form={form}
          hint={t('registry.usccHint')}
          maxLength={30}
          required
        />
        <SelectField
          name="orgType"
          label={t('org.orgType')}
          form={form}
          emptyLabel={t('form.choose')}
          options={SOCIAL_ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`org.orgType.${o}`) }))}
          required
        />
      </div>
      <div class="grid">
        <SelectField
          name="registrationLevel"
          label={t('registry.registrationLevel')}
          form={form}
          emptyLabel={t('form.choose')}
          options={(['city', 'district'] as const).map((l) => ({ value: l, label: t(`org.level.${l}`) }))}
          required
        />
        <SelectField
          name="districtCode"
          label={t('org.district')}
          form={form}
          emptyLabel={t('form.choose')}
          hint={t('registry.districtHint')}
          options={districtOptions(locale)}
          required
        />
      </div>
      <div class="grid">
        <SelectField
          name="registrationAuthorityId"
          label={t('registry.registrationAuthority')}
          form={form}
          emptyLabel={t('form.choose')}
          hint={t('registry.registrationAuthorityHint')}
          options={props.authorities.map((a) => ({ value: a.id, label: localName(a, locale) }))}
          required
        />
        <TextField name="foundedOn" type="date" label={t('registry.foundedOn')} form={form} />
      </div>
      <div class="grid">
        <TextField
          name="legalRepresentative"
          label={t('registry.legalRepresentative')}
          form={form}
          maxLength={50}
        />
        <TextField name="contactName" label={t('registry.contactName')} form={form} maxLength={50} />
      </div>
      <div class="grid">
        <TextField
          name="contactPhone"
          type="tel"
          inputmode="tel"
          label={t('registry.contactPhone')}
          form={form}
          hint={t('registry.contactPhoneHint')}
          maxLength={30}
        />
        <TextField
          name="contactEmail"
          type="email"
          label={t('registry.contactEmail')}
          form={form}
          maxLength={254}
        />
      </div>
      <TextField name="address" label={t('registry.address')} form={form} maxLength={200} />
      <DomainChoices form={form} t={t} />
      <TextAreaField name="services" label={t('registry.services')} form={form} rows={4} />
      {props.mode === 'edit' ? (
        <SelectField
          name="status"
          label={t('org.status')}
          form={form}
          hint={t('registry.statusHint')}
          options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`org.status.${s}`) }))}
        />
      ) : null}
    </>
  );
}

/**
 * A form shown folded unless it has problems to show. Its field ids carry the scope, so that fields of
 * the same name in the entry page's other forms (年度, 姓名 / 机构名称) keep their own labels.
 */
function FoldedForm(props: {
  summary: string;
  scope: string;
  form: FormState | undefined;
  children: ComponentChildren;
}) {
  return (
    <details open={(props.form?.problems.length ?? 0) > 0}>
      <summary role="button" class="secondary outline">
        {props.summary}
      </summary>
      <FieldScope scope={props.scope}>{props.children}</FieldScope>
    </details>
  );
}

export function registerRegistryPages(app: App, services: AppServices): void {
  const { render } = services;
  const db = () => services.runtime.db.kysely;
  const today = () => beijingDate(services.runtime.clock.now());

  // ---- the list ----

  app.get(
    '/registry',
    {
      config: { action: 'registry.read' },
      preValidation: dropEmptyQuery,
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          type: Type.Optional(oneOf(SOCIAL_ORGANIZATION_TYPES)),
          district: Type.Optional(Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' })),
          page: PageParam,
        }),
      },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const page = req.query.page ?? 1;
      const q = req.query.q?.trim() || undefined;
      const { type, district } = req.query;
      const { items, total } = await findRegistry(db(), {
        q,
        orgType: type,
        districtCode: district,
        ...pageWindow(page, PAGE_SIZE),
      });
      const href = (p: number) => hrefWith('/registry', { q, type, district, page: p });
      const manager = can(req.actor, 'registry.manage');
      return render(
        req,
        reply,
        { title: t('registry.title'), lead: t('registry.lead') },
        <>
          <div class="actions">
            {manager ? (
              <>
                <a href="/registry/new" role="button">
                  {t('registry.new')}
                </a>{' '}
                <a href="/registry/import" role="button" class="secondary">
                  {t('registry.import')}
                </a>{' '}
              </>
            ) : null}
            <a href="/registry/export.csv" role="button" class="secondary outline" download>
              {t('registry.exportCsv')}
            </a>{' '}
            <a href="/registry/export.xlsx" role="button" class="secondary outline" download>
              {t('registry.exportXlsx')}
            </a>
          </div>
          <Form action="/registry" method="get" class="filters" aria-label={t('form.filter')}>
            <div class="grid">
              <TextField name="q" type="search" label={t('registry.search')} value={q} />
              <SelectField
                name="type"
                label={t('org.orgType')}
                value={type}
                emptyLabel={t('form.any')}
                options={SOCIAL_ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`org.orgType.${o}`) }))}
              />
              <SelectField
                name="district"
                label={t('org.district')}
                value={district}
                emptyLabel={t('form.any')}
                options={districtOptions(req.locale)}
              />
            </div>
            <SubmitButton secondary>{t('form.filter')}</SubmitButton>
          </Form>
          <div class="table-scroll">
            <table class="striped">
              <caption>{t('registry.count', { total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('org.name')}</th>
                  <th scope="col">{t('org.uscc')}</th>
                  <th scope="col">{t('org.orgType')}</th>
                  <th scope="col">{t('org.district')}</th>
                  <th scope="col">{t('registry.foundedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <a href={`/registry/${o.id}`}>{localName(o, req.locale)}</a>
                      {o.status === 'inactive' ? <small> · {t('org.status.inactive')}</small> : null}
                    </td>
                    <td>{o.uscc ? <code>{o.uscc}</code> : '—'}</td>
                    <td>{o.orgType ? t(`org.orgType.${o.orgType}`) : '—'}</td>
                    <td>{districtName(o.districtCode, req.locale)}</td>
                    <td>{o.foundedOn ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {items.length === 0 ? <p>{t('registry.none')}</p> : null}
          <Pager page={page} pageSize={PAGE_SIZE} total={total} href={href} />
        </>,
      );
    },
  );

  // ---- registering an organization ----

  const showNew = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const authorities = await authorityChoices(db());
    return render(
      req,
      reply,
      {
        title: t('registry.new'),
        lead: t('registry.newLead'),
        status,
        crumbs: [{ href: '/registry', label: t('registry.title') }],
      },
      <Form action="/registry">
        <RegistrationFields form={form} t={t} locale={req.locale} authorities={authorities} mode="new" />
        <SubmitButton>{t('registry.register')}</SubmitButton>
      </Form>,
    );
  };

  app.get('/registry/new', { config: { action: 'registry.manage' } }, (req, reply) =>
    showNew(req, reply, emptyForm),
  );

  app.post('/registry', { config: { action: 'registry.manage' } }, (req, reply) => {
    normaliseDomains(req);
    return handleForm(req, {
      schema: RegistrationBody,
      precheck: usccPrecheck,
      show: (form, status) => showNew(req, reply, withDomains(form, req.body), status),
      run: async (input) => {
        const { id } = await services.run(req, (ctx) => registerOrganization(ctx, input));
        setFlash(reply, 'flash.registered');
        return reply.redirect(`/registry/${id}`, 303);
      },
    });
  });

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

  // ---- export ----

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/registry/export.${format}`, { config: { action: 'registry.read' } }, async (_req, reply) => {
      const rows = await registrySheetRows(db());
      const fileName = `registry-${today()}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(rows));
      return reply.type(XLSX_TYPE).send(await toXlsx(rows));
    });
  }

  // ---- one organization's entry ----

  const showEntry = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    forms: EntryForms = {},
    status = 200,
  ) => {
    const t = translator(req.locale);
    const locale = req.locale;
    const [entry, authorities] = await Promise.all([registryEntry(db(), id), authorityChoices(db())]);
    const manager = can(req.actor, 'registry.manage');
    const authorityName = new Map(authorities.map((a) => [a.id, localName(a, locale)]));
    const org = entry.organization;
    const profile = entry.profile;
    const on = today();
    const inForce = gradeOn(entry, on);
    const editForm = forms.edit ?? {
      values: {
        name: org.name,
        nameEn: org.nameEn ?? '',
        orgType: org.orgType ?? '',
        uscc: org.uscc ?? '',
        registrationLevel: org.level ?? '',
        districtCode: org.districtCode ?? '',
        registrationAuthorityId: profile?.registrationAuthorityId ?? '',
        foundedOn: profile?.foundedOn ?? '',
        legalRepresentative: profile?.legalRepresentative ?? '',
        contactName: profile?.contactName ?? '',
        contactPhone: profile?.contactPhone ?? '',
        contactEmail: profile?.contactEmail ?? '',
        address: profile?.address ?? '',
        serviceDomains: (profile?.serviceDomains ?? []).join(','),
        services: profile?.services ?? '',
        status: org.status,
      },
      problems: [],
    };
    const reportForm = forms.report ?? { values: { year: String(Number(on.slice(0, 4)) - 1) }, problems: [] };
    const complianceForm = forms.compliance ?? {
      values: { year: String(Number(on.slice(0, 4)) - 1), compliant: 'true' },
      problems: [],
    };
    const gradeForm = forms.grade ?? emptyForm;
    const personForm = forms.person ?? emptyForm;
    const base = `/registry/${id}`;

    const changeValue = (field: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return '—';
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      switch (field) {
        case 'org_type':
          return t(`org.orgType.${text}`);
        case 'level':
          return t(`org.level.${text}`);
        case 'district_code':
          return districtName(text, locale);
        case 'status':
          return t(`org.status.${text}`);
        case 'registration_authority_id':
          return authorityName.get(text) ?? text;
        case 'service_domains': {
          try {
            return domainList(t, JSON.parse(text) as string[]);
          } catch {
            return text;
          }
        }
        case 'result':
          return t(`registry.inspection.${text}`);
        case 'kind':
          return t(`registry.compliance.${text}`);
        case 'position':
          return t(`registry.position.${text}`);
        case 'compliant':
          return value === true ? t('registry.statement.compliantYes') : t('registry.statement.compliantNo');
        case 'grade':
          return t('registry.grade.value', { grade: text });
        default:
          return text;
      }
    };
    const changeLines = (what: string, changes: Record<string, unknown>): string[] =>
      Object.entries(changes).map(([field, value]) => {
        const labelKey =
          what.startsWith('person.') && field === 'name'
            ? 'registry.person.name'
            : CHANGE_FIELD_LABELS[field];
        const label = labelKey ? t(labelKey) : field;
        if (what === 'updated' && Array.isArray(value) && value.length === 2) {
          return `${label}${t('form.labelSeparator')}${changeValue(field, value[0])} → ${changeValue(field, value[1])}`;
        }
        return `${label}${t('form.labelSeparator')}${changeValue(field, value)}`;
      });

    return render(
      req,
      reply,
      {
        title: localName(org, locale),
        status,
        crumbs: [{ href: '/registry', label: t('registry.title') }],
      },
      <>
        <Facts
          items={[
            [
              t('org.uscc'),
              org.uscc ? (
                <>
                  <code>{org.uscc}</code>
                  {usccWarnings(org.uscc).map((w) => (
                    <p class="notice" key={w.key}>
                      {t(w.key, w.params)}
                    </p>
                  ))}
                </>
              ) : (
                '—'
              ),
            ],
            ...(locale === 'en' ? [] : org.nameEn ? [[t('org.nameEn'), org.nameEn] as [string, string]] : []),
            [t('org.orgType'), org.orgType ? t(`org.orgType.${org.orgType}`) : '—'],
            [t('registry.registrationLevel'), org.level ? t(`org.level.${org.level}`) : '—'],
            [t('org.district'), districtName(org.districtCode, locale)],
            [
              t('registry.registrationAuthority'),
              profile?.registrationAuthorityId
                ? (authorityName.get(profile.registrationAuthorityId) ?? '—')
                : '—',
            ],
            [t('registry.foundedOn'), profile?.foundedOn ?? '—'],
            [t('registry.legalRepresentative'), profile?.legalRepresentative ?? '—'],
            [t('registry.contactName'), profile?.contactName ?? '—'],
            [t('registry.contactPhone'), profile?.contactPhone ?? '—'],
            [t('registry.contactEmail'), profile?.contactEmail ?? '—'],
            [t('registry.address'), profile?.address ?? '—'],
            [t('registry.serviceDomains'), domainList(t, profile?.serviceDomains ?? [])],
            [t('registry.services'), profile?.services ?? '—'],
            [
              t('registry.gradeInForce'),
              inForce
                ? t('registry.grade.inForce', { grade: inForce.grade, validUntil: inForce.validUntil })
                : t('registry.grade.noneInForce'),
            ],
            [t('org.status'), t(`org.status.${org.status}`)],
          ]}
        />
        {profile === null ? <p class="notice">{t('registry.noProfile')}</p> : null}
        <ul>
          <li>
            <a href={`/organizations/${id}`}>{t('registry.publicProfile')}</a>
          </li>
          {/* The credit records page is where records are entered: for those who may enter them. */}
          {can(req.actor, 'credit.manage') ? (
            <li>
              <a href={`${base}/credit`}>{t('registry.creditRecord')}</a>
            </li>
          ) : null}
        </ul>

        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">{t('registry.section.annualReports')}</h2>
          {entry.annualReports.length === 0 ? (
            <p>{t('registry.report.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('registry.report.year')}</th>
                    <th scope="col">{t('registry.report.submittedOn')}</th>
                    <th scope="col">{t('registry.report.inspectionResult')}</th>
                    <th scope="col">{t('registry.report.note')}</th>
                    <th scope="col">{t('registry.recordedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.annualReports.map((r) => (
                    <tr key={r.year}>
                      <td>{r.year}</td>
                      <td>{r.submittedOn ?? '—'}</td>
                      <td>{t(`registry.inspection.${r.inspectionResult}`)}</td>
                      <td>{r.note ?? '—'}</td>
                      <td>
                        <BeijingTime at={r.recordedAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {manager ? (
            <FoldedForm summary={t('registry.report.add')} scope="report" form={forms.report}>
              <ErrorSummary
                form={reportForm}
                labels={{
                  year: t('registry.report.year'),
                  submittedOn: t('registry.report.submittedOn'),
                  inspectionResult: t('registry.report.inspectionResult'),
                  note: t('registry.report.note'),
                }}
              />
              <Form action={`${base}/annual-reports`} aria-label={t('registry.report.add')}>
                <div class="grid">
                  <TextField
                    name="year"
                    type="number"
                    inputmode="numeric"
                    label={t('registry.report.year')}
                    form={reportForm}
                    required
                  />
                  <TextField
                    name="submittedOn"
                    type="date"
                    label={t('registry.report.submittedOn')}
                    form={reportForm}
                  />
                  <SelectField
                    name="inspectionResult"
                    label={t('registry.report.inspectionResult')}
                    form={reportForm}
                    emptyLabel={t('form.choose')}
                    options={INSPECTION_RESULTS.map((r) => ({
                      value: r,
                      label: t(`registry.inspection.${r}`),
                    }))}
                    required
                  />
                </div>
                <TextField
                  name="note"
                  label={t('registry.report.note')}
                  form={reportForm}
                  hint={t('registry.report.noteHint')}
                  maxLength={500}
                />
                <SubmitButton>{t('registry.report.save')}</SubmitButton>
              </Form>
            </FoldedForm>
          ) : null}
        </section>

        <section aria-labelledby="compliance-heading">
          <h2 id="compliance-heading">{t('registry.section.compliance')}</h2>
          {entry.compliance.length === 0 ? (
            <p>{t('registry.statement.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('registry.statement.kind')}</th>
                    <th scope="col">{t('registry.statement.year')}</th>
                    <th scope="col">{t('registry.statement.compliant')}</th>
                    <th scope="col">{t('registry.statement.evidence')}</th>
                    <th scope="col">{t('registry.recordedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.compliance.map((c) => (
                    <tr key={`${c.kind}-${c.year}`}>
                      <td>{t(`registry.compliance.${c.kind}`)}</td>
                      <td>{c.year}</td>
                      <td>
                        {c.compliant
                          ? t('registry.statement.compliantYes')
                          : t('registry.statement.compliantNo')}
                      </td>
                      <td>{c.evidence}</td>
                      <td>
                        <BeijingTime at={c.recordedAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {manager ? (
            <FoldedForm summary={t('registry.statement.add')} scope="compliance" form={forms.compliance}>
              <ErrorSummary
                form={complianceForm}
                labels={{
                  kind: t('registry.statement.kind'),
                  year: t('registry.statement.year'),
                  compliant: t('registry.statement.compliant'),
                  evidence: t('registry.statement.evidence'),
                }}
              />
              <Form action={`${base}/compliance`} aria-label={t('registry.statement.add')}>
                <div class="grid">
                  <SelectField
                    name="kind"
                    label={t('registry.statement.kind')}
                    form={complianceForm}
                    emptyLabel={t('form.choose')}
                    options={COMPLIANCE_KINDS.map((k) => ({
                      value: k,
                      label: t(`registry.compliance.${k}`),
                    }))}
                    required
                  />
                  <TextField
                    name="year"
                    type="number"
                    inputmode="numeric"
                    label={t('registry.statement.year')}
                    form={complianceForm}
                    required
                  />
                  <SelectField
                    name="compliant"
                    label={t('registry.statement.compliant')}
                    form={complianceForm}
                    options={[
                      { value: 'true', label: t('registry.statement.compliantYes') },
                      { value: 'false', label: t('registry.statement.compliantNo') },
                    ]}
                    required
                  />
                </div>
                <TextField
                  name="evidence"
                  label={t('registry.statement.evidence')}
                  form={complianceForm}
                  hint={t('registry.statement.evidenceHint')}
                  maxLength={500}
                  required
                />
                <SubmitButton>{t('registry.statement.save')}</SubmitButton>
              </Form>
            </FoldedForm>
          ) : null}
        </section>

        <section aria-labelledby="grades-heading">
          <h2 id="grades-heading">{t('registry.section.grades')}</h2>
          {entry.grades.length === 0 ? (
            <p>{t('registry.grade.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('registry.grade.grade')}</th>
                    <th scope="col">{t('registry.grade.awardedOn')}</th>
                    <th scope="col">{t('registry.grade.validUntil')}</th>
                    <th scope="col">{t('registry.grade.reference')}</th>
                    <th scope="col">{t('registry.grade.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.grades.map((g, i) => (
                    <tr key={`${g.awardedOn}-${i}`}>
                      <td>{t('registry.grade.value', { grade: g.grade })}</td>
                      <td>{g.awardedOn}</td>
                      <td>{g.validUntil}</td>
                      <td>{g.reference}</td>
                      <td>
                        {g === inForce
                          ? t('registry.grade.state.inForce')
                          : g.validUntil < on
                            ? t('registry.grade.state.expired')
                            : g.awardedOn > on
                              ? t('registry.grade.state.future')
                              : t('registry.grade.state.superseded')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {manager ? (
            <FoldedForm summary={t('registry.grade.add')} scope="grade" form={forms.grade}>
              <ErrorSummary
                form={gradeForm}
                labels={{
                  grade: t('registry.grade.grade'),
                  awardedOn: t('registry.grade.awardedOn'),
                  validUntil: t('registry.grade.validUntil'),
                  reference: t('registry.grade.reference'),
                }}
              />
              <Form action={`${base}/grades`} aria-label={t('registry.grade.add')}>
                <div class="grid">
                  <SelectField
                    name="grade"
                    label={t('registry.grade.grade')}
                    form={gradeForm}
                    emptyLabel={t('form.choose')}
                    options={[5, 4, 3, 2, 1].map((g) => ({
                      value: String(g),
                      label: t('registry.grade.value', { grade: g }),
                    }))}
                    required
                  />
                  <TextField
                    name="awardedOn"
                    type="date"
                    label={t('registry.grade.awardedOn')}
                    form={gradeForm}
                    required
                  />
                  <TextField
                    name="validUntil"
                    type="date"
                    label={t('registry.grade.validUntil')}
                    form={gradeForm}
                    hint={t('registry.grade.validUntilHint')}
                  />
                </div>
                <TextField
                  name="reference"
                  label={t('registry.grade.reference')}
                  form={gradeForm}
                  hint={t('registry.grade.referenceHint')}
                  maxLength={200}
                  required
                />
                <SubmitButton>{t('registry.grade.save')}</SubmitButton>
              </Form>
            </FoldedForm>
          ) : null}
        </section>

        <section aria-labelledby="roster-heading">
          <h2 id="roster-heading">{t('registry.section.roster')}</h2>
          <p class="muted">{t('registry.person.privacy')}</p>
          {entry.people.length === 0 ? (
            <p>{t('registry.person.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('registry.person.name')}</th>
                    <th scope="col">{t('registry.person.position')}</th>
                    <th scope="col">{t('registry.person.since')}</th>
                    <th scope="col">{t('registry.person.until')}</th>
                    {manager ? <th scope="col">{t('registry.person.action')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {entry.people.map((p) => (
                    <tr key={p.id}>
                      <td>{p.name}</td>
                      <td>{t(`registry.position.${p.position}`)}</td>
                      <td>{p.since ?? '—'}</td>
                      <td>{p.until ?? t('registry.person.current')}</td>
                      {manager ? (
                        <td>
                          {p.until === null ? (
                            <PostButton action={`${base}/people/${p.id}/end`} secondary>
                              {t('registry.person.end')}
                            </PostButton>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {manager ? (
            <FoldedForm summary={t('registry.person.add')} scope="person" form={forms.person}>
              <ErrorSummary
                form={personForm}
                labels={{
                  name: t('registry.person.name'),
                  position: t('registry.person.position'),
                  since: t('registry.person.since'),
                }}
              />
              <Form action={`${base}/people`} aria-label={t('registry.person.add')}>
                <div class="grid">
                  <TextField
                    name="name"
                    label={t('registry.person.name')}
                    form={personForm}
                    maxLength={50}
                    required
                  />
                  <SelectField
                    name="position"
                    label={t('registry.person.position')}
                    form={personForm}
                    emptyLabel={t('form.choose')}
                    options={ROSTER_POSITIONS.map((p) => ({ value: p, label: t(`registry.position.${p}`) }))}
                    required
                  />
                  <TextField name="since" type="date" label={t('registry.person.since')} form={personForm} />
                </div>
                <SubmitButton>{t('registry.person.save')}</SubmitButton>
              </Form>
            </FoldedForm>
          ) : null}
        </section>

        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t('registry.section.history')}</h2>
          {entry.changes.length === 0 ? (
            <p>{t('registry.history.none')}</p>
          ) : (
            <div class="table-scroll">
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">{t('registry.history.at')}</th>
                    <th scope="col">{t('registry.history.who')}</th>
                    <th scope="col">{t('registry.history.what')}</th>
                    <th scope="col">{t('registry.history.changes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.changes.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <BeijingTime at={c.at} />
                      </td>
                      <td>{c.actorName ?? t('registry.history.system')}</td>
                      <td>
                        {hasMessage(`registry.change.${c.what}`) ? t(`registry.change.${c.what}`) : c.what}
                      </td>
                      <td>
                        <ul class="change-list">
                          {changeLines(c.what, c.changes).map((line, i) => (
                            <li key={i}>{line}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        {manager ? (
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t('registry.section.edit')}</h2>
            <p class="muted">{t('registry.editLead')}</p>
            <Form action={base}>
              <RegistrationFields
                form={editForm}
                t={t}
                locale={locale}
                authorities={authorities}
                mode="edit"
              />
              <SubmitButton>{t('form.save')}</SubmitButton>
            </Form>
          </section>
        ) : null}
      </>,
    );
  };

  app.get(
    '/registry/:id',
    { config: { action: 'registry.read' }, schema: { params: IdParams } },
    (req, reply) => showEntry(req, reply, req.params.id),
  );

  app.post(
    '/registry/:id',
    { config: { action: 'registry.manage' }, schema: { params: IdParams } },
    (req, reply) => {
      normaliseDomains(req);
      return handleForm(req, {
        schema: RegistrationUpdateBody,
        precheck: usccPrecheck,
        show: (form, status) =>
          showEntry(req, reply, req.params.id, { edit: withDomains(form, req.body) }, status),
        run: async (input: Static<typeof RegistrationUpdateBody>) => {
          const { changed } = await services.run(req, (ctx) => updateRegistration(ctx, req.params.id, input));
          setFlash(reply, changed.length > 0 ? 'flash.registrationSaved' : 'flash.registrationUnchanged');
          return reply.redirect(`/registry/${req.params.id}`, 303);
        },
      });
    },
  );

  app.post(
    '/registry/:id/annual-reports',
    { config: { action: 'registry.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: AnnualReportBody,
        show: (form, status) => showEntry(req, reply, req.params.id, { report: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => recordAnnualReport(ctx, req.params.id, input));
          setFlash(reply, 'flash.annualReportRecorded', { year: input.year });
          return reply.redirect(`/registry/${req.params.id}#reports-heading`, 303);
        },
      }),
  );

  app.post(
    '/registry/:id/compliance',
    { config: { action: 'registry.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: ComplianceBody,
        show: (form, status) => showEntry(req, reply, req.params.id, { compliance: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => recordCompliance(ctx, req.params.id, input));
          setFlash(reply, 'flash.complianceRecorded');
          return reply.redirect(`/registry/${req.params.id}#compliance-heading`, 303);
        },
      }),
  );

  app.post(
    '/registry/:id/grades',
    { config: { action: 'registry.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: GradeBody,
        show: (form, status) => showEntry(req, reply, req.params.id, { grade: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => awardGrade(ctx, req.params.id, input));
          setFlash(reply, 'flash.gradeAwarded');
          return reply.redirect(`/registry/${req.params.id}#grades-heading`, 303);
        },
      }),
  );

  app.post(
    '/registry/:id/people',
    { config: { action: 'registry.manage' }, schema: { params: IdParams } },
    (req, reply) =>
      handleForm(req, {
        schema: PersonBody,
        show: (form, status) => showEntry(req, reply, req.params.id, { person: form }, status),
        run: async (input) => {
          await services.run(req, (ctx) => addPerson(ctx, req.params.id, input));
          setFlash(reply, 'flash.personAdded');
          return reply.redirect(`/registry/${req.params.id}#roster-heading`, 303);
        },
      }),
  );

  app.post(
    '/registry/:id/people/:personId/end',
    {
      config: { action: 'registry.manage' },
      schema: {
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          personId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
      },
    },
    (req, reply) =>
      handleForm(req, {
        schema: Type.Object({}),
        show: (form, status) => showEntry(req, reply, req.params.id, { person: form }, status),
        run: async () => {
          await services.run(req, (ctx) => endPersonRole(ctx, req.params.id, req.params.personId));
          setFlash(reply, 'flash.personEnded');
          return reply.redirect(`/registry/${req.params.id}#roster-heading`, 303);
        },
      }),
  );
}
