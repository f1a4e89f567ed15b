// An entry's annual reports and inspections, tax and social-insurance compliance, and evaluation grades:
// what the entry page shows of them, the forms that record them (for registry managers), and the
// routes those forms post to.
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import {
  BeijingTime,
  emptyForm,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import type { Translate } from '../../platform/views/i18n.js';
import { awardGrade } from './award-grade.js';
import { recordAnnualReport } from './record-annual-report.js';
import { recordCompliance } from './record-compliance.js';
import { COMPLIANCE_KINDS, INSPECTION_RESULTS } from './registry.rules.js';
import { AnnualReportBody, ComplianceBody, GradeBody } from './registry.schemas.js';
import { FoldedForm, IdParams, type Entry, type ShowEntry } from './registry.views.js';

interface SectionProps {
  entry: Entry;
  t: Translate;
  manager: boolean;
  /** The entry page's path. */
  base: string;
  /** Today in Beijing. */
  on: string;
  /** The section's form, when it is shown again with its problems. */
  form: FormState | undefined;
}

/** The annual reports and inspection results, with the form that records one. */
export function AnnualReportsSection(props: SectionProps) {
  const { entry, t, manager, base } = props;
  const reportForm = props.form ?? {
    values: { year: String(Number(props.on.slice(0, 4)) - 1) },
    problems: [],
  };
  return (
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
        <FoldedForm summary={t('registry.report.add')} scope="report" form={props.form}>
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
  );
}

/** The tax and social-insurance compliance statements, with the form that records one. */
export function ComplianceSection(props: SectionProps) {
  const { entry, t, manager, base } = props;
  const complianceForm = props.form ?? {
    values: { year: String(Number(props.on.slice(0, 4)) - 1), compliant: 'true' },
    problems: [],
  };
  return (
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
                    {c.compliant ? t('registry.statement.compliantYes') : t('registry.statement.compliantNo')}
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
        <FoldedForm summary={t('registry.statement.add')} scope="compliance" form={props.form}>
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
  );
}

/** The evaluation grades and which one is in force, with the form that records one. */
export function GradesSection(props: SectionProps & { inForce: Entry['grades'][number] | undefined }) {
  const { entry, t, manager, base, on, inForce } = props;
  const gradeForm = props.form ?? emptyForm;
  return (
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
        <FoldedForm summary={t('registry.grade.add')} scope="grade" form={props.form}>
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
  );
}

export function registerRegistryRecordPages(app: App, services: AppServices, showEntry: ShowEntry): void {
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
}
