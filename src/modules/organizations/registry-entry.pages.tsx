// One organization's registry entry: its registration facts, the sections of its records (reports,
// compliance, grades, roster; in their own files), its history of changes, and the form that corrects
// the registration (for registry managers).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { can } from '../../platform/access/policy.js';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import { beijingDate } from '../../platform/time/dates.js';
import { BeijingTime, Facts, Form, SubmitButton } from '../../platform/views/components.js';
import { hasMessage, translator } from '../../platform/views/i18n.js';
import { usccWarnings } from './registry.checks.js';
import { authorityChoices, gradeOn, registryEntry } from './registry.queries.js';
import { RegistrationUpdateBody } from './registry.schemas.js';
import { AnnualReportsSection, ComplianceSection, GradesSection } from './registry-records.pages.js';
import { RosterSection } from './registry-roster.pages.js';
import {
  districtName,
  domainList,
  IdParams,
  localName,
  normaliseDomains,
  RegistrationFields,
  usccPrecheck,
  withDomains,
  type EntryForms,
  type ShowEntry,
} from './registry.views.js';
import { updateRegistration } from './update-registration.js';

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

/** The entry page, shown by its own route and again by every form of it that is refused. */
export function entryPage(services: AppServices): ShowEntry {
  const { render } = services;
  const db = () => services.runtime.db.kysely;
  const today = () => beijingDate(services.runtime.clock.now());

  return async (
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
        <AnnualReportsSection entry={entry} t={t} manager={manager} base={base} on={on} form={forms.report} />
        <ComplianceSection
          entry={entry}
          t={t}
          manager={manager}
          base={base}
          on={on}
          form={forms.compliance}
        />
        <GradesSection
          entry={entry}
          t={t}
          manager={manager}
          base={base}
          on={on}
          inForce={inForce}
          form={forms.grade}
        />
        <RosterSection entry={entry} t={t} manager={manager} base={base} form={forms.person} />

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
}

export function registerRegistryEntryPages(app: App, services: AppServices, showEntry: ShowEntry): void {
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
}
