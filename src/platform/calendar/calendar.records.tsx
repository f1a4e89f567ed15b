// The published record of an entered calendar year (enter-calendar-year.ts): its schema, how people
// read it and its summary line.
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../publish/record-kinds.js';
import { Obj, IsoDate } from '../publish/record-schemas.js';
import { registerMessages } from '../views/i18n.js';
import { DaysTable } from '../time/calendar.views.js';

const Day = Obj({ date: IsoDate, name: Type.String() });

export const CalendarYearContent = Obj({
  year: Type.Integer(),
  reference: Type.String(),
  holidays: Type.Array(Day),
  workdays: Type.Array(Day),
});

declare module '../publish/record-kinds.js' {
  interface RecordContents {
    calendarYear: Static<typeof CalendarYearContent>;
  }
}

registerMessages({
  'zh-CN': {
    'record.calendarYear.summary': '{year} 年：放假 {holidays} 天，调休上班 {workdays} 天（{reference}）',
    'record.calendarYear.page': '查看 {year} 年日历',
  },
  en: {
    'record.calendarYear.summary':
      '{year}: {holidays} days off, {workdays} weekend days worked ({reference})',
    'record.calendarYear.page': 'See the {year} calendar',
  },
});

defineRecordKind({
  kind: 'calendarYear',
  schema: CalendarYearContent,
  render: (c, t) => (
    <>
      <p>{t('calendar.sourceEntered', { reference: c.reference })}</p>
      <DaysTable t={t} caption={t('calendar.holidays')} days={c.holidays} />
      {c.workdays.length > 0 ? (
        <DaysTable t={t} caption={t('calendar.workdays')} days={c.workdays} />
      ) : (
        <p>{t('calendar.noWorkdays')}</p>
      )}
      <p>
        <a href={`/calendar/${c.year}`}>{t('record.calendarYear.page', { year: c.year })}</a>
      </p>
    </>
  ),
  summary: (c, t) =>
    t('record.calendarYear.summary', {
      year: c.year,
      holidays: c.holidays.length,
      workdays: c.workdays.length,
      reference: c.reference,
    }),
});
