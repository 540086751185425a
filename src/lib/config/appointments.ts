// Appointment configuration per team (from achterom.config.json): where the back
// entrance is, which kinds of appointment the team offers and how long they take.
import type { Lang } from '../i18n/locale';
import { configAppointments, configLocations, configTeams, video } from './municipality';

export const appointmentTypes = ['achterom', 'video', 'telefoon'] as const;
export type AppointmentType = (typeof appointmentTypes)[number];

export interface Location {
  id: string;
  teamId: string;
  name: string;
  address: string;
  /** Plain text per resident language, B1 (tr, ar and pl are machine quality, still to be checked). */
  openingHours: Record<Lang, string>;
  backEntrance: Record<Lang, string>;
  /** Route picture made for the project, in public/routes/. */
  routeImage: string;
}

export interface TeamAppointments {
  teamId: string;
  types: AppointmentType[];
  durationMinutes: Record<AppointmentType, number>;
  /** Join link for video calls until a built-in room exists; {room} is replaced. A link the
   * resident follows at appointment time (rel="noreferrer"), never fetched by our pages. */
  videoUrlTemplate: string;
}

export const locations: readonly Location[] = configLocations.map(({ team, ...l }) => ({ ...l, teamId: team }));

export const teamAppointments: readonly TeamAppointments[] = configTeams.map((team) => ({
  teamId: team.id,
  types: [...configAppointments.types],
  durationMinutes: configAppointments.durationMinutes,
  videoUrlTemplate: video.urlTemplate,
}));

export function appointmentsFor(teamId: string): TeamAppointments | undefined {
  return teamAppointments.find((t) => t.teamId === teamId);
}

export function locationsFor(teamId: string): Location[] {
  return locations.filter((l) => l.teamId === teamId);
}

export function findLocation(id: string): Location | undefined {
  return locations.find((l) => l.id === id);
}

export function videoUrl(teamId: string, roomId: string): string | undefined {
  return appointmentsFor(teamId)?.videoUrlTemplate.replace('{room}', encodeURIComponent(roomId));
}
