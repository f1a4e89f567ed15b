// A year's days off or working weekends as a table, for the calendar pages and published calendar years.
import type { Translate } from '../views/i18n.js';
import type { DayEntry } from './calendar.js';
import { weekday } from './dates.js';

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
