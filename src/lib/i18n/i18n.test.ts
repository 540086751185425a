import { describe, expect, it } from 'vitest';
import nl from './nl';
import { alternatePath, dictionaries, dirOf, format, intlLocale, languageNames, languages, localizedPath, pageOf, pick, t } from './index';
import { formatParts } from './format';
import { staffKeysInDutch } from './staffDutch';
import { QUESTION_FORM_KEYS } from '../../islands/resident/questionFormStrings';
import { MAILBOX_VIEW_KEYS } from '../../islands/resident/mailboxViewStrings';
import { STAFF_CONSOLE_KEYS } from '../../islands/staff/staffConsoleStrings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const nlKeys = Object.keys(nl).sort();
const translations = languages.filter((lang) => lang !== 'nl');

describe('i18n', () => {
  it('has the five resident languages, Dutch first', () => {
    expect(languages).toEqual(['nl', 'en', 'tr', 'ar', 'pl']);
    expect(Object.keys(dictionaries).sort()).toEqual([...languages].sort());
  });

  for (const lang of translations) {
    describe(lang, () => {
      const dictionary = dictionaries[lang] as Record<string, string>;

      it('has exactly the keys of nl.ts: none missing, none extra', () => {
        const keys = Object.keys(dictionary);
        expect(nlKeys.filter((key) => !(key in dictionary)), 'missing').toEqual([]);
        expect(keys.filter((key) => !(key in nl)), 'extra').toEqual([]);
        expect(keys.sort()).toEqual(nlKeys);
      });

      it('has no empty strings and the same placeholders as Dutch', () => {
        for (const key of nlKeys as (keyof typeof nl)[]) {
          const text = dictionary[key];
          expect(typeof text, `${lang} ${key}`).toBe('string');
          expect(text!.trim(), `${lang} ${key}`).not.toBe('');
          expect(placeholders(text!), `${lang} ${key}`).toEqual(placeholders(nl[key]));
        }
      });

      if (lang !== 'en') {
        it('translates every resident string and keeps the staff console in Dutch', () => {
          for (const key of nlKeys as (keyof typeof nl)[]) {
            if (key.startsWith('staff.')) expect(dictionary[key], key).toBe(nl[key]);
          }
          // Names and the neutral calendar title stay Dutch on purpose; everything else differs.
          const sameOnPurpose = new Set(['site.name', 'site.titleSuffix', 'booking.calendar.title', 'booking.achterom.address', 'mailbox.message.team']);
          const untranslated = nlKeys.filter((key) => !key.startsWith('staff.') && !sameOnPurpose.has(key) && dictionary[key] === nl[key as keyof typeof nl]);
          expect(untranslated).toEqual([]);
        });
      }
    });
  }

  it('has no empty Dutch strings', () => {
    for (const key of nlKeys as (keyof typeof nl)[]) expect(nl[key].trim(), key).not.toBe('');
  });

  it('keeps numbers in groups (phone numbers) left to right in Arabic', () => {
    // "010 246 5000" on a right-to-left page would show its groups in reverse order
    // unless it sits in a left-to-right isolate (U+2066 … U+2069).
    const grouped = /\d+(?: \d+)+/g;
    for (const [key, text] of Object.entries(dictionaries.ar)) {
      if (key.startsWith('staff.')) continue;
      for (const match of text.matchAll(grouped)) {
        const before = text.lastIndexOf('\u2066', match.index);
        const closed = text.lastIndexOf('\u2069', match.index);
        expect(before > closed && text.indexOf('\u2069', match.index) > 0, `${key}: "${match[0]}"`).toBe(true);
      }
    }
  });

  it('knows the writing direction and the Intl locale of each language', () => {
    expect(dirOf('ar')).toBe('rtl');
    for (const lang of languages.filter((l) => l !== 'ar')) expect(dirOf(lang), lang).toBe('ltr');
    expect(intlLocale('nl')).toBe('nl-NL');
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('tr')).toBe('tr-TR');
    expect(intlLocale('pl')).toBe('pl-PL');
    // Arabic with Latin digits and the 24-hour clock: times read like the code and the phone numbers.
    expect(intlLocale('ar')).toBe('ar-u-nu-latn-hc-h23');
    const time = new Intl.DateTimeFormat(intlLocale('ar'), { timeZone: 'UTC', timeStyle: 'short' });
    expect(time.format(new Date('2026-03-02T13:05:00Z'))).toMatch(/^13:05$/);
    const day = new Intl.DateTimeFormat(intlLocale('ar'), { timeZone: 'UTC', dateStyle: 'long' }).format(new Date('2026-03-02T13:05:00Z'));
    expect(day).toMatch(/2026/);
    expect(day).not.toMatch(/[\u0660-\u0669]/);
    for (const lang of languages) expect(Intl.DateTimeFormat.supportedLocalesOf(intlLocale(lang)), lang).toHaveLength(1);
  });

  it('names each language in that language', () => {
    expect(languageNames).toEqual({ nl: 'Nederlands', en: 'English', tr: 'Türkçe', ar: 'العربية', pl: 'Polski' });
  });

  it('carries the staff keys in Dutch only', () => {
    expect(Object.keys(staffKeysInDutch).length).toBeGreaterThan(0);
    expect(Object.keys(staffKeysInDutch).every((key) => key.startsWith('staff.'))).toBe(true);
  });

  it('picks only the strings an island asks for', () => {
    const strings = pick('en', ['form.submit', 'done.heading']);
    expect(strings).toEqual({ 'form.submit': 'Send in secret', 'done.heading': 'Your question has been sent' });
    for (const lang of languages) {
      expect(Object.keys(pick(lang, QUESTION_FORM_KEYS))).toHaveLength(QUESTION_FORM_KEYS.length);
      expect(Object.keys(pick(lang, MAILBOX_VIEW_KEYS))).toHaveLength(MAILBOX_VIEW_KEYS.length);
    }
    expect(Object.keys(pick('nl', STAFF_CONSOLE_KEYS))).toHaveLength(STAFF_CONSOLE_KEYS.length);
  });

  it('uses the agreed labels', () => {
    expect(t('nl', 'form.neighbourhood.label')).toBe('In welke wijk woont u?');
    expect(t('en', 'form.neighbourhood.label')).toBe('Which neighbourhood do you live in?');
    expect(t('nl', 'form.submit')).toBe('Verstuur geheim');
    expect(t('nl', 'staff.login.wrong')).toBe('Gebruikersnaam of wachtwoordzin klopt niet');
  });

  it('fills placeholders', () => {
    expect(format(t('nl', 'done.next.read'), { team: 'WOT Centrum/Oost' })).toBe('WOT Centrum/Oost leest uw vraag binnen 3 werkdagen.');
    expect(format('{a} en {b}', { a: 1 })).toBe('1 en {b}');
    expect(formatParts('Bel mij op {phone}.', { phone: 42 })).toEqual(['Bel mij op ', 42, '.']);
    expect(formatParts('{a} en {b}', { a: 1 })).toEqual([1, ' en {b}']);
  });

  it('maps pages between languages with Dutch slugs', () => {
    expect(localizedPath('nl', 'vraag/')).toBe('/vraag/');
    expect(localizedPath('en', 'vraag/')).toBe('/en/vraag/');
    expect(localizedPath('ar', 'mijn-vraag/')).toBe('/ar/mijn-vraag/');
    expect(localizedPath('en')).toBe('/en/');
    expect(localizedPath('pl')).toBe('/pl/');
    expect(alternatePath('/vraag/', 'en')).toBe('/en/vraag/');
    expect(alternatePath('/en/vraag/', 'nl')).toBe('/vraag/');
    expect(alternatePath('/en/', 'nl')).toBe('/');
    expect(alternatePath('/', 'en')).toBe('/en/');
    expect(alternatePath('/tr/afspraak/beheren/', 'ar')).toBe('/ar/afspraak/beheren/');
    expect(alternatePath('/ar/', 'pl')).toBe('/pl/');
    expect(alternatePath('/pl/sleutels/', 'nl')).toBe('/sleutels/');
    expect(pageOf('/privacy/')).toBe('privacy/');
    expect(pageOf('/tr/privacy/')).toBe('privacy/');
  });
});
