// Identical entries of a year's working-day arrangement at once publish it once (src/testing/races.ts).
import { describeRaces, type RaceScenario } from '../../testing/races.js';

// Years far ahead, which no holiday package carries; each prepare takes a year of its own.
let nextYear = 2090;

const scenarios: RaceScenario[] = [
  {
    route: 'POST /api/v1/calendar/years',
    twins: ['POST /admin/calendar'],
    async prepare(h) {
      const admin = await h.user('administrator');
      const year = nextYear++;
      return {
        method: 'POST',
        url: '/api/v1/calendar/years',
        user: admin,
        payload: {
          year,
          reference: '测试用通知（非真实安排）',
          holidays: [{ date: `${year}-01-01`, name: '元旦' }],
          workdays: [],
        },
      };
    },
  },
];

describeRaces('calendar', scenarios);
