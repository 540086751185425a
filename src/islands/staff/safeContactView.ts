// What the case page says about reaching the resident safely, from the decrypted contact
// choice: one line per instruction, in the order a caller needs them. Pure, so the words
// for every answer (and for a question from before safe contact) are tested.
import type { ContactPreference } from '../../lib/schemas/questionPayload';
import type { SafeCall, SafeMail } from '../../lib/schemas/safeContact';
import type { Say } from './strings';

export interface SafeContactLine {
  id: 'when' | 'note' | 'voicemail' | 'sms' | 'introduction' | 'codeWord' | 'subject';
  label: string;
  text: string;
  /** The resident's own words, shown as they wrote them (dir auto). */
  quote?: string;
  /** Something the caller must not do (or must do exactly): shown with a warning icon and in bold. */
  caution: boolean;
}

export interface SafeContactView {
  method: 'phone' | 'email';
  heading: string;
  /** Under the number or address itself, pointing back to the block. */
  readFirst: string;
  lines: SafeContactLine[];
}

const listFormat = new Intl.ListFormat('nl', { type: 'conjunction' });

function callLines(say: Say, c: SafeCall): SafeContactLine[] {
  const days = c.days.length ? listFormat.format(c.days.map((d) => say(`staff.safeContact.day.${d}`))) : say('staff.safeContact.anyDay');
  const times = c.times.length ? listFormat.format(c.times.map((t) => say(`staff.safeContact.time.${t}`))) : say('staff.safeContact.anyTime');
  const introduction = c.introduction;
  const lines: SafeContactLine[] = [
    { id: 'when', label: say('staff.safeContact.when'), text: say('staff.safeContact.when.text', { days, times }), caution: c.days.length > 0 || c.times.length > 0 },
  ];
  if (c.note) lines.push({ id: 'note', label: say('staff.safeContact.note'), text: '', quote: c.note, caution: true });
  lines.push(
    { id: 'voicemail', label: say('staff.safeContact.voicemail'), text: say(c.voicemail ? 'staff.safeContact.voicemail.yes' : 'staff.safeContact.voicemail.no'), caution: !c.voicemail },
    { id: 'sms', label: say('staff.safeContact.sms'), text: say(c.sms ? 'staff.safeContact.sms.yes' : 'staff.safeContact.sms.no'), caution: !c.sms },
    introduction?.as === 'own'
      ? { id: 'introduction', label: say('staff.safeContact.introduction'), text: say('staff.safeContact.introduction.own'), quote: introduction.words, caution: true }
      : {
          id: 'introduction',
          label: say('staff.safeContact.introduction'),
          text: say(introduction ? `staff.safeContact.introduction.${introduction.as}` : 'staff.safeContact.introduction.none'),
          caution: introduction?.as !== 'team',
        },
    c.codeWord
      ? { id: 'codeWord', label: say('staff.safeContact.codeWord'), text: say('staff.safeContact.codeWord.given'), quote: c.codeWord, caution: true }
      : { id: 'codeWord', label: say('staff.safeContact.codeWord'), text: say('staff.safeContact.codeWord.none'), caution: false },
  );
  return lines;
}

function mailLines(say: Say, m: SafeMail): SafeContactLine[] {
  const may = m.subjectMayNameMunicipality;
  return [{ id: 'subject', label: say('staff.safeContact.subject'), text: say(may ? 'staff.safeContact.subject.yes' : 'staff.safeContact.subject.no'), caution: !may }];
}

/** Null for "only through the website" and for questions sent before safe contact existed. */
export function safeContactView(say: Say, contact: ContactPreference): SafeContactView | null {
  if (contact.method === 'phone' && contact.safety) {
    return { method: 'phone', heading: say('staff.safeContact.heading.phone'), readFirst: say('staff.safeContact.readFirst.phone'), lines: callLines(say, contact.safety) };
  }
  if (contact.method === 'email' && contact.safety) {
    return { method: 'email', heading: say('staff.safeContact.heading.email'), readFirst: say('staff.safeContact.readFirst.email'), lines: mailLines(say, contact.safety) };
  }
  return null;
}
