// Pages of procurement projects: a department's workspace to open a project from an intention, a
// project's page, its documents and invited suppliers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../../platform/http/app-types.js';
import { invalid, notFound, type FieldProblem } from '../../../platform/errors.js';
import { readDocument, sendDocument } from '../../../platform/documents/documents.js';
import { handleForm, refusalOf } from '../../../platform/http/forms.js';
import { setFlash } from '../../../platform/http/pages.js';
import {
  emptyForm,
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  type FormState,
} from '../../../platform/views/components.js';
import { translator } from '../../../platform/views/i18n.js';
import { formatYuan, yuanToFen } from '../../../platform/views/money.js';
import { departmentsKept } from '../procurement.policy.js';
import { publishedIntentions } from '../../planning/index.js';
import { createProject } from './create-project.js';
import { addProjectDocument, removeProjectDocument } from './project-documents.js';
import { inviteSuppliers } from './invite-suppliers.js';
import { METHODS } from '../methods.js';
import { myProjects, projectView } from './projects.queries.js';
import { projectPage } from './project.page.js';

const LOT_ROWS = 3;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const yuan = Type.String({
  maxLength: 16,
  pattern: '^\\d+(\\.\\d{1,2})?$',
  'x-error': 'planning.yuanFormat',
});

const ProjectForm = Type.Object({
  intentionId: Type.String({ minLength: 1, maxLength: 64 }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  method: Type.Union(METHODS.map((m) => Type.Literal(m))),
  lot1Title: Type.Optional(Type.String({ maxLength: 200 })),
  lot1Budget: Type.Optional(yuan),
  lot2Title: Type.Optional(Type.String({ maxLength: 200 })),
  lot2Budget: Type.Optional(yuan),
  lot3Title: Type.Optional(Type.String({ maxLength: 200 })),
  lot3Budget: Type.Optional(yuan),
});

/** A file input with its label and its problem, like the other fields. */

export function registerProjectPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;
  const showProject = projectPage(services);

  const showMine = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const projects = await myProjects(db(), req.actor);
    const intentions = await publishedIntentions(db(), departmentsKept(req.actor));
    const values = { method: 'openTender', ...form.values };
    const state = { ...form, values };
    const labels: Record<string, string> = {
      intentionId: t('procurement.intention'),
      title: t('procurement.title'),
      method: t('procurement.method'),
      lots: t('procurement.lots'),
    };
    for (let i = 1; i <= LOT_ROWS; i++) {
      labels[`lot${i}Title`] = t('procurement.lotTitle', { number: i });
      labels[`lot${i}Budget`] = t('procurement.lotBudget', { number: i });
    }
    return services.render(
      req,
      reply,
      { title: t('procurement.mine.title'), lead: t('procurement.mine.lead'), status },
      <>
        {projects.length === 0 ? (
          <p>{t('procurement.mine.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('procurement.title')}</th>
                  <th scope="col">{t('procurement.method')}</th>
                  <th scope="col">{t('procurement.status')}</th>
                  <th scope="col">{t('procurement.budget')}</th>
                  <th scope="col">{t('procurement.responseDeadline')}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a href={`/procurement/projects/${p.id}`}>{p.title}</a>
                    </th>
                    <td>{t(`procurement.method.${p.method}`)}</td>
                    <td>{t(`procurement.status.${p.status}`)}</td>
                    <td>{formatYuan(p.budgetFen)}</td>
                    <td>{p.deadline ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <section aria-labelledby="new-heading">
          <h2 id="new-heading">{t('procurement.new')}</h2>
          <ErrorSummary form={state} labels={labels} />
          <Form action="/procurement/projects/mine" aria-label={t('procurement.new')}>
            <SelectField
              name="intentionId"
              label={t('procurement.intention')}
              hint={t('procurement.intentionHint')}
              form={state}
              options={intentions.map((n) => ({
                value: n.id,
                label: `${n.projectName}（${formatYuan(n.budgetFen)}）`,
              }))}
              required
            />
            <div class="grid">
              <TextField name="title" label={t('procurement.title')} form={state} maxLength={200} required />
              <SelectField
                name="method"
                label={t('procurement.method')}
                form={state}
                options={METHODS.map((m) => ({ value: m, label: t(`procurement.method.${m}`) }))}
                required
              />
            </div>
            <fieldset id="field-lots">
              <legend>{t('procurement.lots')}</legend>
              <p>{t('procurement.lotsHint')}</p>
              {Array.from({ length: LOT_ROWS }, (_, i) => i + 1).map((n) => (
                <div class="grid" key={n}>
                  <TextField
                    name={`lot${n}Title`}
                    label={t('procurement.lotTitle', { number: n })}
                    form={state}
                    maxLength={200}
                  />
                  <TextField
                    name={`lot${n}Budget`}
                    inputmode="decimal"
                    label={t('procurement.lotBudget', { number: n })}
                    form={state}
                  />
                </div>
              ))}
            </fieldset>
            <SubmitButton>{t('procurement.create')}</SubmitButton>
          </Form>
        </section>
      </>,
    );
  };

  app.get('/procurement/projects/mine', { config: { action: 'project.manage' } }, (req, reply) =>
    showMine(req, reply, emptyForm),
  );

  app.post('/procurement/projects/mine', { config: { action: 'project.manage' } }, (req, reply) =>
    handleForm(req, {
      schema: ProjectForm,
      show: (form, status) => showMine(req, reply, form, status),
      run: async (input) => {
        const values = input as unknown as Record<string, string | undefined>;
        const lots: { title: string; budgetFen: number }[] = [];
        const problems: FieldProblem[] = [];
        for (let i = 1; i <= LOT_ROWS; i++) {
          const title = values[`lot${i}Title`];
          const budget = values[`lot${i}Budget`];
          if (!title && !budget) continue;
          if (!title || !budget) {
            problems.push({
              field: `lot${i}${title ? 'Budget' : 'Title'}`,
              key: 'procurement.lotsIncomplete',
            });
            continue;
          }
          lots.push({ title, budgetFen: yuanToFen(budget) });
        }
        if (lots.length === 0 && problems.length === 0)
          problems.push({ field: 'lot1Title', key: 'validation.required' });
        if (problems.length > 0) throw invalid(problems);
        const { id } = await services.run(req, (ctx) =>
          createProject(ctx, {
            intentionId: input.intentionId,
            title: input.title,
            method: input.method,
            lots,
          }),
        );
        setFlash(reply, 'flash.projectCreated');
        return reply.redirect(`/procurement/projects/${id}`, 303);
      },
    }),
  );

  app.get(
    '/procurement/projects/:id',
    { config: { action: 'public.read' }, schema: { params: IdParams } },
    (req, reply) => showProject(req, reply, req.params.id),
  );

  app.post(
    '/procurement/projects/:id/documents',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      const file = body.file;
      const problems: FieldProblem[] = [];
      if (!name) problems.push({ field: 'name', key: 'validation.required' });
      if (!Buffer.isBuffer(file) || file.length === 0)
        problems.push({ field: 'file', key: 'document.empty' });
      const show = (form: FormState, status: number) =>
        showProject(req, reply, req.params.id, { document: form }, status);
      if (problems.length > 0) return show({ values: { name }, problems }, 422);
      try {
        const stored = await services.run(req, (ctx) =>
          addProjectDocument(ctx, req.params.id, { bytes: file as Buffer, name }),
        );
        setFlash(reply, 'flash.documentAdded', { sha256: stored.sha256 });
        return reply.redirect(`/procurement/projects/${req.params.id}#documents-heading`, 303);
      } catch (thrown) {
        const { error, problems: refused } = refusalOf(thrown);
        return show({ values: { name }, problems: refused }, error.status);
      }
    },
  );

  const DocumentParams = Type.Object({
    id: Type.String({ minLength: 1, maxLength: 64 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  });

  app.post(
    '/procurement/projects/:id/documents/:sha256/remove',
    { config: { action: 'project.manage' }, schema: { params: DocumentParams } },
    (req, reply) =>
      handleForm(req, {
        schema: Type.Object({}),
        show: (form, status) => showProject(req, reply, req.params.id, { document: form }, status),
        run: async () => {
          await services.run(req, (ctx) => removeProjectDocument(ctx, req.params.id, req.params.sha256));
          setFlash(reply, 'flash.documentRemoved');
          return reply.redirect(`/procurement/projects/${req.params.id}#documents-heading`, 303);
        },
      }),
  );

  // A document, for anyone once the project's notice is out (before that, for its department only).
  app.get(
    '/procurement/projects/:id/documents/:sha256',
    { config: { action: 'public.read' }, schema: { params: DocumentParams } },
    async (req, reply) => {
      const view = await projectView(db(), req.params.id, req.actor); // 404 for a draft, to others
      const listed = view.documents.find((d) => d.sha256 === req.params.sha256);
      const stored = listed ? await readDocument(db(), listed.sha256) : undefined;
      if (!listed || !stored) throw notFound('procurement.documentNotFound');
      return sendDocument(reply, {
        name: listed.name,
        mediaType: stored.media_type,
        sha256: stored.sha256,
        bytes: stored.bytes,
      });
    },
  );

  app.post(
    '/procurement/projects/:id/invitations',
    { config: { action: 'project.manage' }, schema: { params: IdParams } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const text = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
      const values = { suppliers: text('suppliers'), basis: text('basis') };
      const suppliers = values.suppliers
        .slice(0, 2000)
        .split(/[\s,，;；]+/)
        .filter(Boolean);
      const show = (problems: FieldProblem[], status: number) =>
        showProject(req, reply, req.params.id, { invite: { values, problems } }, status);
      const missing: FieldProblem[] = [];
      if (suppliers.length === 0) missing.push({ field: 'suppliers', key: 'validation.required' });
      if (!values.basis.trim()) missing.push({ field: 'basis', key: 'validation.required' });
      if (suppliers.length > 30)
        missing.push({ field: 'suppliers', key: 'validation.maxItems', params: { limit: 30 } });
      if (values.basis.length > 1000)
        missing.push({ field: 'basis', key: 'validation.maxLength', params: { limit: 1000 } });
      if (missing.length > 0) return show(missing, 422);
      try {
        const done = await services.run(req, (ctx) =>
          inviteSuppliers(ctx, req.params.id, { suppliers, basis: values.basis }),
        );
        setFlash(reply, 'flash.invited', { count: done.invited });
        return reply.redirect(`/procurement/projects/${req.params.id}#invite-heading`, 303);
      } catch (thrown) {
        const { error, problems: refused } = refusalOf(thrown);
        return show(
          refused.map((p) => (p.field.startsWith('suppliers.') ? { ...p, field: 'suppliers' } : p)),
          error.status,
        );
      }
    },
  );
}
