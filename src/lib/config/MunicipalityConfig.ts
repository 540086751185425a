// The one file a municipality edits (achterom.config.json): its teams, neighbourhoods,
// locations with the back-entrance route, phone numbers, appointment types, retention
// and video settings. Checked with this schema when the site is built; a message names
// the field (see checkMunicipalityConfig). Keys are not here: they are pinned in
// teamKeys.json by the key ceremony.
import * as v from 'valibot';
import { languages } from '../i18n/locale';
import { appointmentTypes } from './appointments';

const Text = v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'));

const Slug = v.pipe(
  v.string('must be text'),
  v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens (e.g. "centrum-oost")'),
  v.maxLength(40, 'must be 40 characters or fewer'),
);

/** A text in every resident language. */
const LocalizedText = v.strictObject(
  Object.fromEntries(languages.map((lang) => [lang, Text])) as Record<(typeof languages)[number], typeof Text>,
  `must give a text for each language: ${languages.join(', ')}`,
);

/** A phone number as people read it (one or more ways to write it) and as a link dials it. */
const Helpline = v.strictObject({
  numbers: v.pipe(v.array(Text, 'must be a list of numbers'), v.minLength(1, 'must list at least one number')),
  tel: v.pipe(v.string('must be text'), v.regex(/^\+?[0-9]{3,15}$/, 'must be digits only, optionally starting with + (e.g. "+31102465000")')),
});

const Days = v.pipe(v.number('must be a number of days'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(3650, 'must be at most 3650'));
const Minutes = v.pipe(v.number('must be a number of minutes'), v.integer('must be a whole number'), v.minValue(5, 'must be at least 5'), v.maxValue(240, 'must be at most 240'));
const Count = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'));

const AppointmentType = v.picklist(appointmentTypes, `must be one of ${appointmentTypes.join(', ')}`);

const Location = v.strictObject({
  /** The team whose back entrance this is. */
  team: Slug,
  id: Slug,
  name: Text,
  address: Text,
  openingHours: LocalizedText,
  backEntrance: LocalizedText,
  /** A picture of the route, in public/routes/. */
  routeImage: v.pipe(v.string('must be text'), v.regex(/^\/routes\/[a-z0-9-]+\.(svg|png|jpg|webp)$/, 'must be a picture in public/routes/ (e.g. "/routes/centrum.svg")')),
});

const Budget = v.pipe(
  v.strictObject({ perHour: Count, closeAtPerHour: Count, perDay: Count }),
  v.check((b) => b.closeAtPerHour >= b.perHour, 'closeAtPerHour must be at least perHour'),
);

const Team = v.strictObject({
  id: Slug,
  name: Text,
  /** false: not open to residents yet; its first team lead may make its keys (docs/deploy.md). */
  live: v.optional(v.boolean('must be true or false')),
  /** Empty for the central team that takes "I don't know". */
  neighbourhoods: v.array(v.strictObject({ id: Slug, name: Text }), 'must be a list'),
  /** Numbers of its own for the flood budgets (otherwise the defaults in teamBudgets.ts). */
  budgets: v.optional(v.strictObject({ case: v.optional(Budget), booking: v.optional(Budget) })),
});

export const MunicipalityConfig = v.strictObject({
  name: Text,
  /** The WOT's phone number, offered wherever the portal cannot help. */
  phone: Helpline,
  crisis: v.strictObject({ emergency: Helpline, suicidePrevention: Helpline, veiligThuis: Helpline }),
  /** Where "Snel weg" goes: an ordinary, neutral site. */
  quickExitUrl: v.pipe(v.string('must be text'), v.url('must be a web address'), v.startsWith('https://', 'must start with https://')),
  retention: v.strictObject({ closedDays: Days, unopenedDays: Days, abandonedDays: Days }),
  appointments: v.strictObject({
    types: v.pipe(v.array(AppointmentType, 'must be a list'), v.minLength(1, 'must offer at least one type')),
    durationMinutes: v.strictObject({ achterom: Minutes, video: Minutes, telefoon: Minutes }),
  }),
  video: v.strictObject({
    urlTemplate: v.pipe(
      v.string('must be text'),
      v.startsWith('https://', 'must start with https://'),
      v.includes('{room}', 'must contain {room} where the room id goes'),
    ),
  }),
  /** The team that takes residents who do not know their neighbourhood. */
  centralTeam: Slug,
  teams: v.pipe(v.array(Team, 'must be a list'), v.minLength(1, 'must list at least one team')),
  /** Back entrances, each of one team (a list of their own: the question pages need none of this text). */
  locations: v.array(Location, 'must be a list'),
});

export type MunicipalityConfig = v.InferOutput<typeof MunicipalityConfig>;
