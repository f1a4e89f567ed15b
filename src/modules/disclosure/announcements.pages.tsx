// Publishing an announcement from the workspace: category, title, text, the organization it is for.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { handleForm } from '../../platform/http/forms.js';
import { setFlash } from '../../platform/http/pages.js';
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { getPublicRecord } from '../../platform/publish/records.js';
import {
  ANNOUNCEMENT_CATEGORIES,
  AnnouncementBody,
  type AnnouncementContent,
} from './announcement.schemas.js';
import { ANNOUNCEMENT_ROLES, publishAnnouncement } from './publish-announcement.js';

export function registerAnnouncementPages(app: App, services: AppServices): void {
  const show = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const t = translator(req.locale);
    const orgs =
      req.actor.kind === 'user'
        ? req.actor.memberships.filter((m) => (ANNOUNCEMENT_ROLES as readonly string[]).includes(m.role))
        : [];
    const unique = [...new Map(orgs.map((m) => [m.organizationId, m])).values()];
    return services.render(
      req,
      reply,
      { title: t('announcement.new'), lead: t('announcement.lead'), status },
      <>
        <ErrorSummary
          form={form}
          labels={{
            category: t('announcement.categoryLabel'),
            title: t('announcement.title'),
            body: t('announcement.body'),
            organizationId: t('announcement.organization'),
          }}
        />
        <Form action="/announcements">
          {form.values.supersedes ? (
            <input type="hidden" name="supersedes" value={form.values.supersedes} />
          ) : null}
          <div class="grid">
            <SelectField
              name="category"
              label={t('announcement.categoryLabel')}
              form={form}
              options={ANNOUNCEMENT_CATEGORIES.map((c) => ({
                value: c,
                label: t(`announcement.category.${c}`),
              }))}
              required
            />
            <SelectField
              name="organizationId"
              label={t('announcement.organization')}
              form={form}
              options={unique.map((m) => ({ value: m.organizationId, label: m.organizationName }))}
              required
            />
          </div>
          <TextField name="title" label={t('announcement.title')} form={form} maxLength={200} required />
          <TextAreaField
            name="body"
            label={t('announcement.body')}
            hint={t('announcement.bodyHint')}
            form={form}
            rows={14}
            required
          />
          <p class="muted">{t('announcement.final')}</p>
          <SubmitButton>{t('announcement.publish')}</SubmitButton>
        </Form>
      </>,
    );
  };

  app.get(
    '/announcements/new',
    {
      config: { action: 'announcement.publish' },
      schema: { querystring: Type.Object({ corrects: Type.Optional(Type.String({ maxLength: 64 })) }) },
    },
    async (req, reply) => {
      if (!req.query.corrects) return show(req, reply, { values: {}, problems: [] });
      const original = await getPublicRecord(services.runtime.db.kysely, req.query.corrects);
      const c = original.content as AnnouncementContent;
      return show(req, reply, {
        values: {
          supersedes: original.id,
          category: c.category,
          title: c.title,
          body: c.paragraphs.join('\n\n'),
          organizationId: c.publisher.id,
        },
        problems: [],
      });
    },
  );

  app.post('/announcements', { config: { action: 'announcement.publish' } }, (req, reply) =>
    handleForm(req, {
      schema: AnnouncementBody,
      show: (form, status) => show(req, reply, form, status),
      run: async (input) => {
        const receipt = await services.run(req, (ctx) => publishAnnouncement(ctx, input));
        setFlash(reply, 'flash.announcementPublished', { index: receipt.logIndex });
        return reply.redirect(`/records/${receipt.recordId}`, 303);
      },
    }),
  );
}
