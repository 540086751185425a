import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { QuestionPayload, QUESTION_MAX_CHARS } from './questionPayload';
import { MessagePayload } from './messagePayload';

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

describe('attachments in a question or follow-up', () => {
  const ref = (n: number) => ({
    id: `0b6a3f2e-1c4d-4e5f-8a9b-${String(n).padStart(12, '0')}`,
    key: Buffer.alloc(32, n).toString('base64'),
    name: `brief-${n}.pdf`,
    type: 'application/pdf',
    size: 12_345,
  });

  it('older payloads without attachments still validate; up to five are accepted', () => {
    expect(messages(valid)).toEqual([]);
    expect(messages({ ...valid, attachments: [1, 2, 3, 4, 5].map(ref) })).toEqual([]);
    expect(v.safeParse(MessagePayload, { text: 'Hallo', sentAt: '2026-11-25T14:37:12.345Z' }).success).toBe(true);
    expect(v.safeParse(MessagePayload, { text: 'Hallo', sentAt: '2026-11-25T14:37:12.345Z', attachments: [ref(1)] }).success).toBe(true);
  });

  it('refuses a sixth file, a repeated id, another type, a wrong key length or an unknown field', () => {
    expect(messages({ ...valid, attachments: [1, 2, 3, 4, 5, 6].map(ref) })).toContain('attachments.tooMany');
    expect(messages({ ...valid, attachments: [ref(1), ref(1)] })).toContain('attachments.duplicate');
    expect(messages({ ...valid, attachments: [{ ...ref(1), type: 'image/heic' }] })).toContain('type');
    expect(messages({ ...valid, attachments: [{ ...ref(1), key: 'AAAA' }] }).length).toBeGreaterThan(0);
    expect(messages({ ...valid, attachments: [{ ...ref(1), exif: 'GPS' }] }).length).toBeGreaterThan(0);
    expect(messages({ ...valid, attachments: [{ ...ref(1), size: 11 * 1024 * 1024 }] })).toContain('size');
  });
});
