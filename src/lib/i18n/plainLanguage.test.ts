// Resident copy in plain language (B1): no technical words residents trip over, and
// short sentences. No kept readability library measures Dutch, so this checks the two
// things a B1 review of this site found: jargon and long sentences.
import { describe, expect, it } from 'vitest';
import nl from './nl';
import en from './en';

/** Words from the review, with the plain words used instead ("op slot", "deze website", "verzonnen naam"). */
const JARGON: Record<'nl' | 'en', RegExp> = {
  nl: /versleutel|ontsleutel|portaal|schuilnaam|encryptie/i,
  en: /encrypt|decrypt|portal\b|alias/i,
};
const MAX_WORDS_PER_SENTENCE = 25;

/** Strings residents read: everything but the staff console and the alt-less technical key table. */
function residentStrings(table: Record<string, string>): [string, string][] {
  return Object.entries(table).filter(([key]) => !key.startsWith('staff.') && !key.startsWith('info.keys.table.'));
}

describe('plain language on resident pages', () => {
  for (const [lang, table] of [['nl', nl], ['en', en]] as const) {
    it(`${lang}: uses no jargon from the review`, () => {
      const found = residentStrings(table).filter(([, text]) => JARGON[lang].test(text));
      expect(found.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    });

    it(`${lang}: keeps sentences to ${MAX_WORDS_PER_SENTENCE} words`, () => {
      const long = residentStrings(table).flatMap(([key, text]) =>
        text
          .split(/(?<=[.!?])\s+|\n+/)
          .filter((sentence) => sentence.split(/\s+/).filter(Boolean).length > MAX_WORDS_PER_SENTENCE)
          .map((sentence) => `${key}: ${sentence}`),
      );
      expect(long).toEqual([]);
    });
  }
});
