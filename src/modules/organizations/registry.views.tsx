// What the registry's pages share: the registration form's fields, labels and checks, the district,
// name and domain helpers, and the folded forms of the entry page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { SOCIAL_ORGANIZATION_TYPES } from '../../platform/access/roles.js';
import type { FieldProblem } from '../../platform/errors.js';
import { allDivisions, findDistrict } from '../../platform/validation/districts.js';
import { checkUscc, usccProblemMessage } from '../../platform/validation/uscc.js';
import {
  ErrorSummary,
  fieldId,
  FieldScope,
  SelectField,
  TextAreaField,
  TextField,
  type FormState,
  type Option,
} from '../../platform/views/components.js';
import type { Translate } from '../../platform/views/i18n.js';
import type { authorityChoices, registryEntry } from './registry.queries.js';
import { SERVICE_DOMAINS } from './registry.rules.js';

export const PAGE_SIZE = 25;
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Authority = Awaited<ReturnType<typeof authorityChoices>>[number];

/** One organization's registry entry, as the entry page shows it. */
export type Entry = Awaited<ReturnType<typeof registryEntry>>;

/** The forms of an entry page, each shown again with its problems after a refused POST. */
export interface EntryForms {
  edit?: FormState;
  report?: FormState;
  compliance?: FormState;
  grade?: FormState;
  person?: FormState;
}

export function registrationLabels(t: Translate): Record<string, string> {
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

export function districtName(code: string | null | undefined, locale: string): string {
  if (!code) return '—';
  const d = findDistrict(code);
  return d ? (locale === 'en' ? d.nameEn : d.name) : code;
}

export function districtOptions(locale: string): Option[] {
  return allDivisions().map((d) => ({
    value: d.code,
    label: `${locale === 'en' ? d.nameEn : d.name} (${d.code})`,
  }));
}

export function localName(o: { name: string; nameEn: string | null }, locale: string): string {
  return locale === 'en' && o.nameEn ? o.nameEn : o.name;
}

export function domainList(t: Translate, domains: readonly string[]): string {
  return domains.length === 0
    ? '—'
    : domains.map((d) => t(`registry.domain.${d}`)).join(t('registry.listSeparator'));
}

/** The checked service domains of a submitted form (one checked box arrives as a string). */
export function domainsOf(body: unknown): string[] {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).serviceDomains : undefined;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return list.filter((d): d is string => typeof d === 'string' && d.trim() !== '');
}

/** Makes `serviceDomains` an array before the schema sees it, and keeps it for showing the form again. */
export function normaliseDomains(req: FastifyRequest): void {
  if (req.body && typeof req.body === 'object') {
    (req.body as Record<string, unknown>).serviceDomains = domainsOf(req.body);
  }
}

export function withDomains(form: FormState, body: unknown): FormState {
  return { ...form, values: { ...form.values, serviceDomains: domainsOf(body).join(',') } };
}

/** The credit-code check, so a bad code is reported together with the form's other problems. */
export function usccPrecheck(values: Record<string, string>): FieldProblem[] {
  const code = values.uscc?.trim();
  if (!code) return [];
  const check = checkUscc(code);
  if (check.ok || !check.problem) return [];
  const { key, params } = usccProblemMessage(check.problem);
  return [{ field: 'uscc', key, params }];
}

export function problemOf(form: FormState | undefined, field: string): FieldProblem | undefined {
  return form?.problems.find((p) => p.field === field);
}

/** The service domains as a group of checkboxes. */
export function DomainChoices(props: { form: FormState; t: Translate }) {
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
export function RegistrationFields(props: {
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
export function FoldedForm(props: {
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

/** Shows an organization's entry page, with the forms given shown again with their problems. */
export type ShowEntry = (
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  forms?: EntryForms,
  status?: number,
) => Promise<FastifyReply>;
