import * as v from 'valibot';

/**
 * How the team may reach a resident without putting them at risk: who may hear a call or
 * read a message matters as much as the number. Sealed with the rest of the question; the
 * server never sees any of it. Every field says what is allowed, so "not ticked" is the
 * safe answer: no voicemail, no text message, no "gemeente" in a subject line.
 */

/** Working days the team may call on; none chosen means any working day. */
export const CALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type CallDay = (typeof CALL_DAYS)[number];

/** Parts of the working day (morning 9–12, afternoon 12–17); none chosen means any time. */
export const CALL_TIMES = ['morning', 'afternoon'] as const;
export type CallTime = (typeof CALL_TIMES)[number];

/** How the caller introduces themselves once the resident answers. */
export const INTRODUCTIONS = ['firstName', 'team', 'own'] as const;
export type IntroductionChoice = (typeof INTRODUCTIONS)[number];

export const CALL_NOTE_MAX_CHARS = 200;
export const INTRODUCTION_MAX_CHARS = 120;
export const CODE_WORD_MAX_CHARS = 40;

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

/** A list of choices out of `options`, each at most once. */
const choices = <const T extends readonly [string, ...string[]]>(options: T, key: string) =>
  v.pipe(v.array(v.picklist(options, key), key), v.maxLength(options.length, key), v.check(unique, key));

/** The resident's own words, trimmed; `key.tooLong` past the limit. */
const words = (max: number, key: string) => v.pipe(v.string(key), v.trim(), v.maxLength(max, `${key}.tooLong`));

/** "Zeg niet dat u van de gemeente belt": only a first name, the team's name, or the resident's own words. */
export const CallIntroduction = v.variant(
  'as',
  [
    v.strictObject({ as: v.literal('firstName') }, 'contact.introduction'),
    v.strictObject({ as: v.literal('team') }, 'contact.introduction'),
    v.strictObject(
      {
        as: v.literal('own'),
        words: v.pipe(
          v.string('contact.introduction.empty'),
          v.trim(),
          v.minLength(1, 'contact.introduction.empty'),
          v.maxLength(INTRODUCTION_MAX_CHARS, 'contact.introduction.tooLong'),
        ),
      },
      'contact.introduction.empty',
    ),
  ],
  'contact.introduction',
);
export type CallIntroduction = v.InferOutput<typeof CallIntroduction>;

/** With "Bel mij": when a call is safe, what else may reach the phone, and how the caller speaks. */
export const SafeCall = v.strictObject(
  {
    days: choices(CALL_DAYS, 'contact.callDays'),
    times: choices(CALL_TIMES, 'contact.callTimes'),
    /** Anything else about when, in the resident's words ("niet als de kinderen thuis zijn"). */
    note: v.optional(words(CALL_NOTE_MAX_CHARS, 'contact.callNote')),
    voicemail: v.boolean('contact.voicemail'),
    sms: v.boolean('contact.sms'),
    /** Not chosen: the console tells the caller not to name the gemeente. */
    introduction: v.optional(CallIntroduction),
    /** Said by the caller first, so the resident knows it really is the team. */
    codeWord: v.optional(words(CODE_WORD_MAX_CHARS, 'contact.codeWord')),
  },
  'contact.safety',
);
export type SafeCall = v.InferOutput<typeof SafeCall>;

/** With "Mail mij": whether the subject line may say the mail comes from the gemeente. */
export const SafeMail = v.strictObject({ subjectMayNameMunicipality: v.boolean('contact.mailSubject') }, 'contact.mailSubject');
export type SafeMail = v.InferOutput<typeof SafeMail>;
