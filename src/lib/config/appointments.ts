// Appointment configuration per team: where the back entrance is, which kinds of
// appointment the team offers and how long they take. Compiled into the static bundle.
import type { Lang } from '../i18n/locale';

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

const MONDAY_TO_FRIDAY: Record<Lang, string> = {
  nl: 'Maandag tot en met vrijdag, 9.00 tot 17.00 uur',
  en: 'Monday to Friday, 9:00 to 17:00',
  tr: 'Pazartesiden cumaya, 09.00 - 17.00',
  ar: 'من الاثنين إلى الجمعة، من 9:00 إلى 17:00',
  pl: 'Od poniedziałku do piątku, 9:00–17:00',
};

export const locations: readonly Location[] = [
  {
    id: 'centrum-achterom',
    teamId: 'centrum-oost',
    name: 'Wijkpunt Centrum',
    address: 'Lange Haven 101, 3111 CD Schiedam',
    openingHours: MONDAY_TO_FRIDAY,
    backEntrance: {
      nl: 'Loop langs de kerk de Achterweg in. Na 50 meter ziet u links een groene deur met nummer 101a. Bel aan bij "Wijkpunt". Niemand ziet u vanaf de Lange Haven.',
      en: 'Walk past the church into Achterweg. After 50 metres you see a green door with number 101a on your left. Ring the bell marked "Wijkpunt". Nobody on Lange Haven can see you.',
      tr: "Kilisenin yanından Achterweg'e girin. 50 metre sonra solda 101a numaralı yeşil bir kapı görürsünüz. \"Wijkpunt\" yazan zile basın. Lange Haven'dan kimse sizi görmez.",
      ar: 'امشوا بجانب الكنيسة وادخلوا شارع Achterweg. بعد 50 مترًا ترون على اليسار بابًا أخضر عليه الرقم 101a. اضغطوا على الجرس المكتوب عليه "Wijkpunt". لا أحد يراكم من Lange Haven.',
      pl: 'Proszę przejść obok kościoła w ulicę Achterweg. Po 50 metrach po lewej stronie są zielone drzwi z numerem 101a. Proszę nacisnąć dzwonek "Wijkpunt". Z ulicy Lange Haven nikt Państwa nie widzi.',
    },
    routeImage: '/routes/centrum-achterom.svg',
  },
  {
    id: 'groenoord-achterom',
    teamId: 'nieuwland-groenoord',
    name: 'Wijkpunt Groenoord',
    address: 'Groenelaan 12, 3114 CA Schiedam',
    openingHours: {
      nl: 'Maandag tot en met donderdag, 9.00 tot 16.30 uur',
      en: 'Monday to Thursday, 9:00 to 16:30',
      tr: 'Pazartesiden perşembeye, 09.00 - 16.30',
      ar: 'من الاثنين إلى الخميس، من 9:00 إلى 16:30',
      pl: 'Od poniedziałku do czwartku, 9:00–16:30',
    },
    backEntrance: {
      nl: 'Ga via het fietspad achter de flat naar de binnentuin. De ingang is de blauwe deur naast de fietsenstalling. Bel aan bij "Team".',
      en: 'Take the cycle path behind the flats to the inner garden. The entrance is the blue door next to the bicycle shed. Ring the bell marked "Team".',
      tr: 'Apartmanın arkasındaki bisiklet yolundan iç bahçeye gidin. Giriş, bisiklet parkının yanındaki mavi kapıdır. "Team" yazan zile basın.',
      ar: 'خذوا طريق الدراجات خلف العمارة إلى الحديقة الداخلية. المدخل هو الباب الأزرق بجانب موقف الدراجات. اضغطوا على الجرس المكتوب عليه "Team".',
      pl: 'Proszę przejść ścieżką rowerową za blokiem do ogrodu wewnętrznego. Wejście to niebieskie drzwi obok wiaty na rowery. Proszę nacisnąć dzwonek "Team".',
    },
    routeImage: '/routes/groenoord-achterom.svg',
  },
  {
    id: 'kethel-achterom',
    teamId: 'woudhoek-kethel-spaland',
    name: 'Wijkpunt Woudhoek',
    address: 'Burgemeester van Haarenlaan 1001, 3121 AA Schiedam',
    openingHours: {
      nl: 'Dinsdag tot en met vrijdag, 9.00 tot 17.00 uur',
      en: 'Tuesday to Friday, 9:00 to 17:00',
      tr: 'Salıdan cumaya, 09.00 - 17.00',
      ar: 'من الثلاثاء إلى الجمعة، من 9:00 إلى 17:00',
      pl: 'Od wtorku do piątku, 9:00–17:00',
    },
    backEntrance: {
      nl: 'Loop om het gebouw heen naar de kant van het park. Daar is een zijdeur met een bel. U hoeft niet door de hal.',
      en: 'Walk round the building to the park side. There is a side door with a bell. You do not have to go through the hall.',
      tr: 'Binanın etrafından dolaşarak park tarafına gidin. Orada zilli bir yan kapı vardır. Holden geçmeniz gerekmez.',
      ar: 'امشوا حول المبنى إلى جهة الحديقة العامة. هناك باب جانبي فيه جرس. لا تحتاجون إلى المرور من القاعة.',
      pl: 'Proszę obejść budynek dookoła, na stronę parku. Tam są boczne drzwi z dzwonkiem. Nie trzeba przechodzić przez hol.',
    },
    routeImage: '/routes/kethel-achterom.svg',
  },
  {
    id: 'centraal-achterom',
    teamId: 'centraal',
    name: 'Stadskantoor, zij-ingang',
    address: 'Stadserf 1, 3112 DZ Schiedam',
    openingHours: MONDAY_TO_FRIDAY,
    backEntrance: {
      nl: 'Gebruik de zij-ingang aan de kant van de parkeergarage, niet de hoofdingang. Zeg bij de balie alleen "ik heb een afspraak".',
      en: 'Use the side entrance by the car park, not the main entrance. At the desk just say "I have an appointment".',
      tr: 'Ana girişi değil, otopark tarafındaki yan girişi kullanın. Danışmada sadece "ik heb een afspraak" (randevum var) deyin.',
      ar: 'استخدموا المدخل الجانبي من جهة موقف السيارات، وليس المدخل الرئيسي. عند مكتب الاستقبال قولوا فقط "ik heb een afspraak" (عندي موعد).',
      pl: 'Proszę wejść bocznym wejściem od strony parkingu, nie głównym wejściem. Przy okienku wystarczy powiedzieć "ik heb een afspraak" (mam umówione spotkanie).',
    },
    routeImage: '/routes/centraal-achterom.svg',
  },
];

const defaults = { types: [...appointmentTypes], durationMinutes: { achterom: 45, video: 30, telefoon: 20 } };

export const teamAppointments: readonly TeamAppointments[] = ['centrum-oost', 'nieuwland-groenoord', 'woudhoek-kethel-spaland', 'centraal'].map(
  (teamId) => ({ teamId, ...defaults, videoUrlTemplate: `https://beeldbellen.schiedam.nl/wot/{room}` }),
);

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
