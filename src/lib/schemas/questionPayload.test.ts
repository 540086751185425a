import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { QuestionPayload, QUESTION_MAX_CHARS } from './questionPayload';

const valid = {
  type: 'question',
  neighbourhood: 'groenoord',
  question: '  Ik kan mijn huur niet betalen.  ',
  contact: { method: 'portal' },
  consent: 'handler',
  submittedAt: '2026-11-25T14:37:12.345Z',
  language: 'nl',
};

const messages = (input: unknown) => {
  const r = v.safeParse(QuestionPayload, input);
  return r.success ? [] : r.issues.map((i) => i.message);
};

describe('QuestionPayload', () => {
  it('accepts a complete question and trims it', () => {
    expect(v.parse(QuestionPayload, valid).question).toBe('Ik kan mijn huur niet betalen.');
  });

  it('accepts "weet ik niet" and every contact method', () => {
    expect(messages({ ...valid, neighbourhood: 'weet-ik-niet' })).toEqual([]);
    expect(messages({ ...valid, contact: { method: 'phone', phone: '06 1234 5678' } })).toEqual([]);
    expect(messages({ ...valid, contact: { method: 'phone', phone: '+31 10 246 5000' } })).toEqual([]);
    expect(messages({ ...valid, contact: { method: 'email', email: 'iemand@example.nl' } })).toEqual([]);
  });

  it('names what is wrong with translatable keys', () => {
    expect(messages({ ...valid, question: '   ' })).toContain('question.empty');
    expect(messages({ ...valid, question: 'x'.repeat(QUESTION_MAX_CHARS + 1) })).toContain('question.tooLong');
    expect(messages({ ...valid, contact: { method: 'phone', phone: 'bel me' } })).toContain('contact.phone');
    expect(messages({ ...valid, contact: { method: 'email', email: 'geen-mail' } })).toContain('contact.email');
    expect(messages({ ...valid, consent: undefined })).toContain('consent');
    expect(messages({ ...valid, neighbourhood: 'atlantis' })).toContain('neighbourhood');
  });

  it('refuses fields it does not know', () => {
    expect(messages({ ...valid, ip: '192.0.2.1' }).length).toBeGreaterThan(0);
    expect(messages({ ...valid, contact: { method: 'portal', phone: '0612345678' } }).length).toBeGreaterThan(0);
  });
});
