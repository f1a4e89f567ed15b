// A year's days off or working weekends as a table, for the calendar pages and published calendar years.
import type { DayEntry } from './calendar.js';
import { weekday } from './dates.js';

/** The translator of the page's language (views/i18n.ts's `Translate`; named by shape, so that time/ stays below views/). */
type Translate = (key: string) => string;

export function DaysTable(props: { t: Translate; caption: string; days: readonly DayEntry[] }) {
  const { t } = props;
  return (
    <div class="table-scroll">
      <table class="striped">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.date')}</th>
            <th scope="col">{t('calendar.weekday')}</th>
            <th scope="col">{t('calendar.occasion')}</th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((d) => (
            <tr key={d.date}>
              <td>{d.date}</td>
              <td>{t(`weekday.${weekday(d.date)}`)}</td>
              <td>{d.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
