import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CALL_NOTE_MAX_CHARS, CODE_WORD_MAX_CHARS, INTRODUCTION_MAX_CHARS, SafeCall, SafeMail } from './safeContact';
import { ContactPreference, QuestionPayload } from './questionPayload';

const call = { days: ['mon', 'wed'], times: ['morning'], voicemail: false, sms: false };
const phone = (safety: unknown) => ({ method: 'phone', phone: '06 1234 5678', safety });
const question = (contact: unknown) => ({
  type: 'question',
  neighbourhood: 'oost',
  question: 'Ik durf niet langs te komen.',
  contact,
  consent: 'handler',
  submittedAt: '2026-11-25T14:37:12.345Z',
  language: 'nl',
});

const messages = (schema: v.GenericSchema, input: unknown) => {
  const r = v.safeParse(schema, input);
  return r.success ? [] : r.issues.map((i) => i.message);
};
const paths = (input: unknown) => {
  const r = v.safeParse(QuestionPayload, input);
  return r.success ? [] : r.issues.map((i) => v.getDotPath(i));
};

describe('SafeCall', () => {
  it('takes every field and trims the resident’s words', () => {
    const full = {
      ...call,
      note: '  Niet als de kinderen thuis zijn.  ',
      voicemail: true,
      sms: true,
      introduction: { as: 'own', words: '  Met Sanne, van de bibliotheek.  ' },
      codeWord: '  zonnebloem  ',
    };
    const out = v.parse(SafeCall, full);
    expect(out.note).toBe('Niet als de kinderen thuis zijn.');
    expect(out.introduction).toEqual({ as: 'own', words: 'Met Sanne, van de bibliotheek.' });
    expect(out.codeWord).toBe('zonnebloem');
  });

  it('needs only the days, times and the two yes/no answers; none chosen is fine', () => {
    expect(messages(SafeCall, { days: [], times: [], voicemail: false, sms: false })).toEqual([]);
    expect(messages(SafeCall, { ...call, introduction: { as: 'firstName' } })).toEqual([]);
    expect(messages(SafeCall, { ...call, introduction: { as: 'team' } })).toEqual([]);
    expect(messages(SafeCall, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['morning', 'afternoon'], voicemail: true, sms: false })).toEqual([]);
  });

  it('takes words up to each limit and names the limit passed', () => {
    expect(messages(SafeCall, { ...call, note: 'n'.repeat(CALL_NOTE_MAX_CHARS) })).toEqual([]);
    expect(messages(SafeCall, { ...call, note: 'n'.repeat(CALL_NOTE_MAX_CHARS + 1) })).toEqual(['contact.callNote.tooLong']);
    expect(messages(SafeCall, { ...call, codeWord: 'c'.repeat(CODE_WORD_MAX_CHARS) })).toEqual([]);
    expect(messages(SafeCall, { ...call, codeWord: 'c'.repeat(CODE_WORD_MAX_CHARS + 1) })).toEqual(['contact.codeWord.tooLong']);
    // Spaces around the words do not count.
    expect(messages(SafeCall, { ...call, codeWord: ` ${'c'.repeat(CODE_WORD_MAX_CHARS)} ` })).toEqual([]);
    const own = (words: string) => ({ ...call, introduction: { as: 'own', words } });
    expect(messages(SafeCall, own('w'.repeat(INTRODUCTION_MAX_CHARS)))).toEqual([]);
    expect(messages(SafeCall, own('w'.repeat(INTRODUCTION_MAX_CHARS + 1)))).toEqual(['contact.introduction.tooLong']);
  });

  it('names what is wrong with keys the form translates', () => {
    expect(messages(SafeCall, { ...call, introduction: { as: 'own', words: '   ' } })).toEqual(['contact.introduction.empty']);
    expect(messages(SafeCall, { ...call, introduction: { as: 'own' } })).toEqual(['contact.introduction.empty']);
    expect(messages(SafeCall, { ...call, introduction: { as: 'mayor' } })).toEqual(['contact.introduction']);
    expect(messages(SafeCall, { ...call, days: ['sat'] })).toEqual(['contact.callDays']);
    expect(messages(SafeCall, { ...call, days: ['mon', 'mon'] })).toEqual(['contact.callDays']);
    expect(messages(SafeCall, { ...call, days: 'mon' })).toEqual(['contact.callDays']);
    expect(messages(SafeCall, { ...call, times: ['night'] })).toEqual(['contact.callTimes']);
    expect(messages(SafeCall, { ...call, voicemail: 'ja' })).toEqual(['contact.voicemail']);
    expect(messages(SafeCall, { ...call, sms: undefined })).toEqual(['contact.sms']);
    expect(messages(SafeCall, { days: [], times: [], voicemail: false })).toEqual(['contact.safety']);
    expect(messages(SafeCall, 'bel mij niet')).toEqual(['contact.safety']);
    expect(messages(SafeCall, { ...call, codeWord: 42 })).toEqual(['contact.codeWord']);
  });

  it('refuses fields it does not know, also inside the introduction', () => {
    expect(messages(SafeCall, { ...call, callerName: 'Sanne' })).toEqual(['contact.safety']);
    expect(messages(SafeCall, { ...call, introduction: { as: 'team', words: 'WOT' } })).toEqual(['contact.introduction']);
  });
});

describe('SafeMail', () => {
  it('says whether the subject may name the gemeente, yes or no', () => {
    expect(v.parse(SafeMail, { subjectMayNameMunicipality: false })).toEqual({ subjectMayNameMunicipality: false });
    expect(messages(SafeMail, { subjectMayNameMunicipality: true })).toEqual([]);
    expect(messages(SafeMail, {})).toEqual(['contact.mailSubject']);
    expect(messages(SafeMail, { subjectMayNameMunicipality: 'nee' })).toEqual(['contact.mailSubject']);
    expect(messages(SafeMail, { subjectMayNameMunicipality: false, subject: 'Uw vraag' })).toEqual(['contact.mailSubject']);
  });
});

describe('ContactPreference with safety', () => {
  it('carries the safe-contact answers inside the question', () => {
    const parsed = v.parse(QuestionPayload, question(phone({ ...call, codeWord: 'zonnebloem' })));
    expect(parsed.contact).toEqual({ method: 'phone', phone: '06 1234 5678', safety: { ...call, codeWord: 'zonnebloem' } });
    const mail = v.parse(QuestionPayload, question({ method: 'email', email: 'iemand@example.nl', safety: { subjectMayNameMunicipality: false } }));
    expect(mail.contact).toEqual({ method: 'email', email: 'iemand@example.nl', safety: { subjectMayNameMunicipality: false } });
  });

  it('still opens questions sent before safe contact existed', () => {
    expect(messages(ContactPreference, { method: 'phone', phone: '06 1234 5678' })).toEqual([]);
    expect(messages(ContactPreference, { method: 'email', email: 'iemand@example.nl' })).toEqual([]);
    expect(messages(QuestionPayload, question({ method: 'phone', phone: '06 1234 5678' }))).toEqual([]);
  });

  it('keeps each kind of safety with its own method', () => {
    expect(messages(ContactPreference, { method: 'portal', safety: call }).length).toBeGreaterThan(0);
    expect(messages(ContactPreference, { method: 'email', email: 'iemand@example.nl', safety: call }).length).toBeGreaterThan(0);
    expect(messages(ContactPreference, { method: 'phone', phone: '06 1234 5678', safety: { subjectMayNameMunicipality: true } }).length).toBeGreaterThan(0);
  });

  it('points each problem at its field, for the error summary', () => {
    expect(paths(question(phone({ ...call, codeWord: 'c'.repeat(CODE_WORD_MAX_CHARS + 1) })))).toEqual(['contact.safety.codeWord']);
    expect(paths(question(phone({ ...call, note: 'n'.repeat(CALL_NOTE_MAX_CHARS + 1) })))).toEqual(['contact.safety.note']);
    expect(paths(question(phone({ ...call, introduction: { as: 'own', words: '' } })))).toEqual(['contact.safety.introduction.words']);
  });
});
