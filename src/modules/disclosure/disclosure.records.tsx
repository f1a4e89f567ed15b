// The records this module publishes: announcements (publish-announcement.ts).
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../../platform/publish/record-kinds.js';
import { excerpt, line, word } from '../../platform/publish/record-parts.js';
import { Code, Obj, OrgRef } from '../../platform/publish/record-schemas.js';
import { ANNOUNCEMENT_CATEGORIES, type AnnouncementCategory } from './announcement.schemas.js';

export const AnnouncementRecord = Obj({
  category: Code<AnnouncementCategory>(ANNOUNCEMENT_CATEGORIES),
  title: Type.String(),
  paragraphs: Type.Array(Type.String()),
  publisher: OrgRef,
});

declare module '../../platform/publish/record-kinds.js' {
  interface RecordContents {
    announcement: Static<typeof AnnouncementRecord>;
  }
}

defineRecordKind({
  kind: 'announcement',
  schema: AnnouncementRecord,
  render: (c, t) => (
    <article class="announcement">
      <p class="muted">
        {word(t, 'announcement.category', c.category)} · {c.publisher.name}
      </p>
      {c.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </article>
  ),
  summary: (c, t) =>
    line(word(t, 'announcement.category', c.category), c.publisher.name, excerpt(c.paragraphs.join(' '))),
});
