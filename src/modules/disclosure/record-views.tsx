// How a published record's content is shown on its page: a view per kind this module knows, and a
// generic view (nested facts and tables) for every other kind.
import type { ComponentChildren } from 'preact';
import type { CalendarYear } from '../../platform/time/calendar.js';
import { DaysTable } from '../../platform/time/calendar.views.js';
import type { Translate } from '../../platform/views/i18n.js';
import type { AnnouncementContent } from './announcement.schemas.js';
import { JsonView } from './json-view.js';

type View = (props: { content: unknown; t: Translate }) => ComponentChildren;

function AnnouncementView(props: { content: unknown; t: Translate }) {
  const c = props.content as AnnouncementContent;
  return (
    <article class="announcement">
      <p class="muted">
        {props.t(`announcement.category.${c.category}`)} · {c.publisher.name}
      </p>
      {c.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </article>
  );
}

function CalendarYearView(props: { content: unknown; t: Translate }) {
  const { t } = props;
  const c = props.content as Pick<CalendarYear, 'year' | 'holidays' | 'workdays' | 'reference'>;
  return (
    <>
      <p>{t('calendar.sourceEntered', { reference: c.reference })}</p>
      <DaysTable t={t} caption={t('calendar.holidays')} days={c.holidays} />
      {c.workdays.length > 0 ? (
        <DaysTable t={t} caption={t('calendar.workdays')} days={c.workdays} />
      ) : (
        <p>{t('calendar.noWorkdays')}</p>
      )}
    </>
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A view per kind, with the shape it needs; content of another shape falls back to the generic view. */
const views: Record<string, { fits: (c: unknown) => boolean; View: View }> = {
  announcement: {
    fits: (c) =>
      isObject(c) && Array.isArray(c.paragraphs) && isObject(c.publisher) && typeof c.category === 'string',
    View: AnnouncementView,
  },
  calendarYear: {
    fits: (c) => isObject(c) && Array.isArray(c.holidays) && Array.isArray(c.workdays),
    View: CalendarYearView,
  },
};

export function RecordContent(props: { kind: string; content: unknown; t: Translate }) {
  const view = views[props.kind];
  if (!view || !view.fits(props.content)) return <JsonView value={props.content} />;
  return <view.View content={props.content} t={props.t} />;
}
