// Demo appointment slots for the coming four weeks, as SQL for the local D1. Run by
// `npm start` on every start: INSERT OR IGNORE on (team, type, location, time), so
// restarts add the new days without duplicating the old ones.
import { writeFileSync } from 'node:fs';
import { expandWeeklyPattern, type WeeklyPattern } from '../lib/appointments/weeklyPattern';
import { locationsFor, teamAppointments } from '../lib/config/appointments';
import { toLocal } from '../lib/time/amsterdam';

const out = process.argv[2] ?? '.achterom/demo-slots.sql';
const today = toLocal(new Date()).date;
const base = { fromDate: today, weeks: 4 };

const patterns: { type: string; pattern: Omit<WeeklyPattern, 'fromDate' | 'weeks' | 'durationMinutes'> }[] = [
  { type: 'achterom', pattern: { weekdays: [1, 3, 5], startTime: '09:00', endTime: '12:00' } },
  { type: 'video', pattern: { weekdays: [2, 4], startTime: '13:00', endTime: '16:00' } },
  { type: 'telefoon', pattern: { weekdays: [1, 2, 3, 4, 5], startTime: '10:00', endTime: '12:00' } },
];

const sql = (s: string) => `'${s.replace(/'/g, "''")}'`;
const lines = ['-- DEMO ONLY: generated at start by src/scripts/demo-slots.ts'];
for (const team of teamAppointments) {
  for (const { type, pattern } of patterns) {
    const durationMinutes = team.durationMinutes[type as keyof typeof team.durationMinutes];
    const location = type === 'achterom' ? (locationsFor(team.teamId)[0]?.id ?? '') : '';
    for (const slot of expandWeeklyPattern({ ...base, ...pattern, durationMinutes })) {
      lines.push(
        `INSERT OR IGNORE INTO slots (id, team_id, type, location_id, starts_at, duration_minutes) VALUES (${[
          sql(crypto.randomUUID()), sql(team.teamId), sql(type), sql(location), sql(slot.startsAt), String(durationMinutes),
        ].join(', ')});`,
      );
    }
  }
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`Demo slots: ${lines.length - 1} for the four weeks from ${today}`);
