import { Type } from 'typebox';
import { oneOf, text } from '../../platform/http/schema-helpers.js';

export const ANNOUNCEMENT_CATEGORIES = ['platform', 'guide', 'policy'] as const;
export type AnnouncementCategory = (typeof ANNOUNCEMENT_CATEGORIES)[number];

export const AnnouncementBody = Type.Object(
  {
    category: oneOf(ANNOUNCEMENT_CATEGORIES),
    title: text(1, 200),
    body: text(1, 20000),
    /** The organization it is published for; one the author holds a role in. */
    organizationId: Type.String({ minLength: 1, maxLength: 64 }),
    /** The announcement this one corrects. */
    supersedes: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

/** What is published: stable field names, so programs can read announcements. */
export interface AnnouncementContent {
  category: AnnouncementCategory;
  title: string;
  paragraphs: string[];
  publisher: { id: string; name: string };
}
