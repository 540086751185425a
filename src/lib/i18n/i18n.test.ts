import { describe, expect, it } from 'vitest';
import nl from './nl';
import en from './en';
import { alternatePath, format, localizedPath, pick, t } from './index';
import { QUESTION_FORM_KEYS } from '../../islands/questionFormStrings';
import { STAFF_CONSOLE_KEYS } from '../../islands/staffConsoleStrings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has the same keys in English as in Dutch', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('has no empty strings and the same placeholders in both languages', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(nl[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('picks only the strings an island asks for', () => {
    const strings = pick('en', ['form.submit', 'done.heading']);
    expect(strings).toEqual({ 'form.submit': 'Encrypt and send', 'done.heading': 'Your question has been sent' });
    expect(Object.keys(pick('nl', QUESTION_FORM_KEYS))).toHaveLength(QUESTION_FORM_KEYS.length);
    expect(Object.keys(pick('nl', STAFF_CONSOLE_KEYS))).toHaveLength(STAFF_CONSOLE_KEYS.length);
  });

  it('uses the agreed labels', () => {
    expect(t('nl', 'form.neighbourhood.label')).toBe('In welke wijk woont u?');
    expect(t('en', 'form.neighbourhood.label')).toBe('Which neighbourhood do you live in?');
    expect(t('nl', 'form.submit')).toBe('Versleutel en verstuur');
    expect(t('nl', 'staff.login.wrong')).toBe('Gebruikersnaam of wachtwoordzin klopt niet');
  });

  it('fills placeholders', () => {
    expect(format(t('nl', 'done.next.read'), { team: 'WOT Centrum/Oost' })).toBe('WOT Centrum/Oost leest uw vraag binnen 3 werkdagen.');
    expect(format('{a} en {b}', { a: 1 })).toBe('1 en {b}');
  });

  it('maps pages between languages with Dutch slugs', () => {
    expect(localizedPath('nl', 'vraag/')).toBe('/vraag/');
    expect(localizedPath('en', 'vraag/')).toBe('/en/vraag/');
    expect(localizedPath('en')).toBe('/en/');
    expect(alternatePath('/vraag/', 'en')).toBe('/en/vraag/');
    expect(alternatePath('/en/vraag/', 'nl')).toBe('/vraag/');
    expect(alternatePath('/en/', 'nl')).toBe('/');
    expect(alternatePath('/', 'en')).toBe('/en/');
  });
});
