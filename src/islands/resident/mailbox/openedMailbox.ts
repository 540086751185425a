// What an opened mailbox holds once decrypted in the browser, and how the page words
// its status, roles and actions and formats its days.
import * as v from 'valibot';
import { QuestionPayload } from '../../../lib/schemas/questionPayload';
import type { Sodium } from '../../../lib/crypto/sodium';
import { openCasePayload } from '../../../lib/crypto/caseEnvelope';
import { TIME_ZONE } from '../../../lib/time/amsterdam';
import { intlLocale, type Lang } from '../../../lib/i18n/locale';
import type { MailboxViewStrings } from '../mailboxViewStrings';
import { MailboxResponse } from '../mailboxResponse';
import { openResidentMessages, type OpenedMessage } from '../../shared/residentMessages';

export type StringKey = keyof MailboxViewStrings;

export interface AccessEntry {
  role: string;
  action: string;
  day: string;
}

export interface OpenedMailbox {
  caseId: string;
  teamId: string;
  kind: 'question' | 'appointment';
  status: string;
  /** The decrypted question; null for an appointment or when it cannot be opened. */
  question: QuestionPayload | null;
  messages: OpenedMessage[];
  access: AccessEntry[];
}

/** What stays in memory while a mailbox is open, to send follow-ups and delete. Wiped on close. */
export interface OpenKeys {
  sodium: Sodium;
  mailboxId: string;
  caseKey: Uint8Array;
}

export type SendPhase = 'idle' | 'encrypting' | 'sending';
export type SendError = 'failed' | 'gone' | 'tooMany';

export const STATUS_KEYS: Record<string, { label: StringKey; text: StringKey; modifier: string }> = {
  nieuw: { label: 'mailbox.state.nieuw', text: 'mailbox.state.nieuw.text', modifier: 'new' },
  in_behandeling: { label: 'mailbox.state.in_behandeling', text: 'mailbox.state.in_behandeling.text', modifier: 'in-progress' },
  afgerond: { label: 'mailbox.state.afgerond', text: 'mailbox.state.afgerond.text', modifier: 'closed' },
};

export const ROLE_KEYS: Record<string, StringKey> = {
  intake: 'mailbox.access.role.intake',
  casemanager: 'mailbox.access.role.casemanager',
  teamlead: 'mailbox.access.role.teamlead',
};

/** Only these actions are shown; anything else the API might add later is left out. */
export const ACTION_KEYS: Record<string, StringKey> = {
  'case.read': 'mailbox.access.action.read',
  'case.reply': 'mailbox.access.action.reply',
  'case.assign': 'mailbox.access.action.assign',
  'case.status': 'mailbox.access.action.status',
};

export function makeDateFormats(lang: Lang) {
  const locale = intlLocale(lang);
  const instant = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'full', timeStyle: 'short' });
  // Server days are calendar dates (YYYY-MM-DD); format them as such, without shifting.
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' });
  return {
    instant(iso: string): string {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : instant.format(date);
    },
    day(value: string): string {
      const date = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? value : day.format(date);
    },
  };
}

/** Decrypts everything in the browser. A part that does not open is marked, never fatal. */
export function openMailbox(sodium: Sodium, caseKey: Uint8Array, body: MailboxResponse): OpenedMailbox {
  const c = body.case;
  let question: QuestionPayload | null = null;
  if (c.kind === 'question') {
    const opened = openCasePayload(sodium, c, caseKey);
    if (opened.ok) {
      const parsed = v.safeParse(QuestionPayload, opened.value);
      if (parsed.success) question = parsed.output;
    }
  }
  const messages = openResidentMessages(sodium, caseKey, c.id, body.messages);
  return {
    caseId: c.id,
    teamId: c.teamId,
    kind: c.kind,
    status: c.status,
    question,
    messages,
    access: body.access.filter((a) => a.action in ACTION_KEYS),
  };
}

export function nextSeq(mailbox: OpenedMailbox): number {
  return mailbox.messages.reduce((max, m) => Math.max(max, m.seq), 0) + 1;
}
