// For the team lead in the agenda: anonymous questions and bookings per hour over the
// last two days, with a word (not only a colour) where an hour went over the budget.
import { useEffect, useState } from 'preact/hooks';
import type { Budget } from '../../lib/config/teamBudgets';
import type { StaffApi } from './api';
import type { Say } from './strings';

interface Activity {
  hours: { hour: string; case: number; booking: number }[];
  budgets: { case: Budget; booking: Budget };
}

const hourFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function level(n: number, budget: Budget): 'open' | 'busy' | 'closed' {
  return n >= budget.closeAtPerHour ? 'closed' : n >= budget.perHour ? 'busy' : 'open';
}

export function BurstPanel({ say, api }: { say: Say; api: StaffApi }) {
  const [activity, setActivity] = useState<Activity | 'failed' | null>(null);

  useEffect(() => {
    void api.get<Activity>('/api/staff/activity').then((r) => setActivity(r.ok ? r.body : 'failed'));
  }, []);

  const mark = (n: number, budget: Budget) => {
    const l = level(n, budget);
    return l === 'open' ? String(n) : `${n} (${say(l === 'busy' ? 'staff.bursts.busy' : 'staff.bursts.closed')})`;
  };

  return (
    <details class="achterom-junk achterom-bursts" data-testid="bursts">
      <summary>{say('staff.bursts.summary')}</summary>
      <p>{say('staff.bursts.intro')}</p>
      {activity === 'failed' && <p>{say('staff.bursts.failed')}</p>}
      {activity && activity !== 'failed' && activity.hours.length === 0 && <p>{say('staff.bursts.none')}</p>}
      {activity && activity !== 'failed' && activity.hours.length > 0 && (
        <table class="achterom-table achterom-table--dense" data-testid="bursts-table">
          <caption class="achterom-visually-hidden">{say('staff.bursts.summary')}</caption>
          <thead>
            <tr>
              <th scope="col">{say('staff.bursts.hour')}</th>
              <th scope="col">{say('staff.bursts.questions')}</th>
              <th scope="col">{say('staff.bursts.bookings')}</th>
            </tr>
          </thead>
          <tbody>
            {activity.hours.map((h) => (
              <tr key={h.hour} data-testid="burst-hour">
                <th scope="row">{hourFormat.format(new Date(`${h.hour}:00:00Z`))}</th>
                <td>{mark(h.case, activity.budgets.case)}</td>
                <td>{mark(h.booking, activity.budgets.booking)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
