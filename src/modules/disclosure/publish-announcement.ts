// A department publishes an announcement: a platform notice, an operating guide (S15: purchasers publish
// their operating guides and rules) or a policy document. It goes through publish() like every public
// record; a correction is a new announcement that supersedes the old one.
import type { Static } from 'typebox';
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, fieldError, unauthenticated } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import {
  findPublicRecord,
  holdPublicRecord,
  supersedingRecordIds,
} from '../../platform/publish/publish.repository.js';
import { publish, type PublicationReceipt } from '../../platform/publish/publish.js';
import type { AnnouncementBody, AnnouncementContent } from './announcement.schemas.js';

export const ANNOUNCEMENT_KIND = 'announcement';
export const ANNOUNCEMENT_ROLES = ['administrator', 'purchaserStaff', 'finance', 'civilAffairs'] as const;

/** Paragraphs are separated by blank lines; lines inside a paragraph are joined. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter((p) => p !== '');
}

export async function publishAnnouncement(
  ctx: Ctx,
  input: Static<typeof AnnouncementBody>,
): Promise<PublicationReceipt> {
  // The system actor publishes only when seeding the demo city; a person publishes for an organization
  // in which they hold a role that may publish.
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  if (
    ctx.actor.kind === 'user' &&
    !ctx.actor.memberships.some(
      (m) =>
        m.organizationId === input.organizationId &&
        (ANNOUNCEMENT_ROLES as readonly string[]).includes(m.role),
    )
  ) {
    throw fieldError('organizationId', 'announcement.notYourOrganization');
  }
  const org = await findOrganization(ctx.trx, input.organizationId);
  if (!org) throw fieldError('organizationId', 'validation.organizationUnknown');
  if (input.supersedes !== undefined) {
    // Held while deciding: a version is corrected once, so two corrections at once do not fork it.
    const earlier = await holdPublicRecord(ctx.trx, input.supersedes);
    if (!earlier || earlier.kind !== ANNOUNCEMENT_KIND)
      throw fieldError('supersedes', 'announcement.unknownOriginal');
    if ((await supersedingRecordIds(ctx.trx, earlier.id)).length > 0)
      throw new AppError(409, 'already_corrected', 'announcement.alreadyCorrected', {}, [
        { field: 'supersedes', key: 'announcement.alreadyCorrected' },
      ]);
  }
  const paragraphs = paragraphsOf(input.body);
  if (paragraphs.length === 0) throw fieldError('body', 'validation.required');
  const content: AnnouncementContent = {
    category: input.category,
    title: input.title,
    paragraphs,
    publisher: { id: org.id, name: org.name },
  };
  const earlier = input.supersedes ? await findPublicRecord(ctx.trx, input.supersedes) : undefined;
  return publish(ctx, {
    kind: ANNOUNCEMENT_KIND,
    subjectId: earlier?.subject_id ?? newId(ctx.now),
    title: input.title,
    content,
    ...(input.supersedes ? { supersedes: input.supersedes } : {}),
  });
}
