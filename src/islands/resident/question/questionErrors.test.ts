import { describe, expect, it } from 'vitest';
import { pick } from '../../../lib/i18n';
import { QUESTION_FORM_KEYS } from '../questionFormStrings';
import { checkQuestion } from './questionErrors';
import { CALL_NOTE_MAX_CHARS, CODE_WORD_MAX_CHARS, INTRODUCTION_MAX_CHARS } from '../../../lib/schemas/safeContact';

const nl = pick('nl', QUESTION_FORM_KEYS);
const en = pick('en', QUESTION_FORM_KEYS);
const base = { type: 'question', neighbourhood: 'oost', question: 'Ik heb een vraag over schulden.', contact: { method: 'portal' }, consent: 'team', submittedAt: new Date().toISOString(), language: 'nl' };

describe('checkQuestion', () => {
  it('accepts a complete question and returns the parsed payload', () => {
    const checked = checkQuestion(base, nl);
    expect(checked.ok && checked.payload.question).toBe(base.question);
  });

  it('names every field that is wrong, in the page language', () => {
    const checked = checkQuestion({ ...base, neighbourhood: '', question: '', consent: undefined, contact: { method: 'phone', phone: 'bel me' } }, nl);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['consent', 'neighbourhood', 'phone', 'question']);
    expect(checked.errors.question).toBe(nl['form.error.question.empty']);
    expect(checked.errors.phone).toBe(nl['form.error.contact.phone']);
    const english = checkQuestion({ ...base, consent: undefined }, en);
    expect(!english.ok && english.errors.consent).toBe(en['form.error.consent']);
  });

  it('says when the question is too long, and which e-mail address is wrong', () => {
    const checked = checkQuestion({ ...base, question: 'a'.repeat(5000), contact: { method: 'email', email: 'geen-adres' } }, nl);
    expect(!checked.ok && checked.errors).toEqual({ question: nl['form.error.question.tooLong'], email: nl['form.error.contact.email'] });
  });

  it('names each safe-contact problem on its own field, in page order', () => {
    const safety = { days: [], times: [], voicemail: false, sms: false, note: 'n'.repeat(201), introduction: { as: 'own', words: ' ' }, codeWord: 'c'.repeat(41) };
    const checked = checkQuestion({ ...base, contact: { method: 'phone', phone: '06 1234 5678', safety } }, nl);
    expect(!checked.ok && checked.errors).toEqual({
      callNote: nl['form.error.contact.callNote.tooLong'],
      introduction: nl['form.error.contact.introduction.empty'],
      codeWord: nl['form.error.contact.codeWord.tooLong'],
    });
    const long = checkQuestion({ ...base, contact: { method: 'phone', phone: '06 1234 5678', safety: { ...safety, note: undefined, codeWord: undefined, introduction: { as: 'own', words: 'w'.repeat(121) } } } }, en);
    expect(!long.ok && long.errors).toEqual({ introduction: en['form.error.contact.introduction.tooLong'] });
  });

  it('says each limit in the words it shows', () => {
    for (const lang of [nl, en]) {
      expect(lang['form.error.contact.callNote.tooLong']).toContain(String(CALL_NOTE_MAX_CHARS));
      expect(lang['form.error.contact.introduction.tooLong']).toContain(String(INTRODUCTION_MAX_CHARS));
      expect(lang['form.error.contact.codeWord.tooLong']).toContain(String(CODE_WORD_MAX_CHARS));
      expect(lang['form.contact.callNote.hint']).toContain(String(CALL_NOTE_MAX_CHARS));
      expect(lang['form.contact.introduction.words.hint']).toContain(String(INTRODUCTION_MAX_CHARS));
      expect(lang['form.contact.codeWord.hint']).toContain(String(CODE_WORD_MAX_CHARS));
    }
  });
});
