// How the team may reach the resident safely, asked right below "Bel mij" or "Mail mij"
// (ContactChoice): when a call is safe, whether a voicemail or a text message is, how the
// caller introduces themselves and a code word; for e-mail, whether the subject may name
// the gemeente. Nothing ticked is the safe answer. Sealed with the rest of the question.
import type { MessageKey, Messages } from '../../lib/i18n';
import { CALL_DAYS, CALL_TIMES, type CallDay, type CallTime, type IntroductionChoice, type SafeCall, type SafeMail } from '../../lib/schemas/safeContact';
import { CheckboxGroupField } from './fields/CheckboxGroupField';
import { RadioGroupField } from './fields/RadioGroupField';
import { TextField } from './fields/TextField';

export const SAFE_CONTACT_KEYS = [
  'form.contact.call.intro',
  'form.contact.callDays.legend',
  'form.contact.callDays.hint',
  'form.contact.callDay.mon',
  'form.contact.callDay.tue',
  'form.contact.callDay.wed',
  'form.contact.callDay.thu',
  'form.contact.callDay.fri',
  'form.contact.callTimes.legend',
  'form.contact.callTimes.hint',
  'form.contact.callTime.morning',
  'form.contact.callTime.afternoon',
  'form.contact.callNote.label',
  'form.contact.callNote.hint',
  'form.contact.callAllowed.legend',
  'form.contact.callAllowed.hint',
  'form.contact.callAllowed.voicemail',
  'form.contact.callAllowed.sms',
  'form.contact.introduction.legend',
  'form.contact.introduction.hint',
  'form.contact.introduction.firstName',
  'form.contact.introduction.team',
  'form.contact.introduction.own',
  'form.contact.introduction.words.label',
  'form.contact.introduction.words.hint',
  'form.contact.codeWord.label',
  'form.contact.codeWord.hint',
  'form.contact.mailSubject.legend',
  'form.contact.mailSubject.hint',
  'form.contact.mailSubject.municipality',
] as const satisfies readonly MessageKey[];

export type SafeContactStrings = Messages<(typeof SAFE_CONTACT_KEYS)[number]>;

/** What the resident ticked and typed under "Bel mij" (kept while they switch methods). */
export interface SafeCallValue {
  days: CallDay[];
  times: CallTime[];
  note: string;
  voicemail: boolean;
  sms: boolean;
  introduction: IntroductionChoice | '';
  introductionWords: string;
  codeWord: string;
}

/** Under "Mail mij". */
export interface SafeMailValue {
  subjectMayNameMunicipality: boolean;
}

export const NO_SAFE_CALL: SafeCallValue = { days: [], times: [], note: '', voicemail: false, sms: false, introduction: '', introductionWords: '', codeWord: '' };
export const NO_SAFE_MAIL: SafeMailValue = { subjectMayNameMunicipality: false };

/** The form fields that can have an error (the rest are boxes and radios). */
export type SafeContactField = 'callNote' | 'introduction' | 'codeWord';

/** The control an error summary link focuses, per field. */
export const SAFE_CONTACT_TARGET: Record<SafeContactField, string> = {
  callNote: 'call-note',
  introduction: 'call-introduction-words',
  codeWord: 'call-code-word',
};

type Allowed = 'voicemail' | 'sms';

interface CallProps {
  s: SafeContactStrings;
  value: SafeCallValue;
  errors: Partial<Record<SafeContactField, string | undefined>>;
  errorPrefix: string;
  disabled: boolean;
  onChange: (value: SafeCallValue) => void;
}

export function SafeCallFields({ s, value, errors, errorPrefix, disabled, onChange }: CallProps) {
  const set = (patch: Partial<SafeCallValue>) => onChange({ ...value, ...patch });
  const common = { errorPrefix, disabled };
  const allowed: Allowed[] = [...(value.voicemail ? (['voicemail'] as const) : []), ...(value.sms ? (['sms'] as const) : [])];
  return (
    <div class="achterom-contact-safety" data-testid="safe-call">
      <p class="achterom-contact-safety__intro" id="call-intro">
        {s['form.contact.call.intro']}
      </p>
      <CheckboxGroupField<CallDay>
        {...common}
        name="call-days"
        legend={s['form.contact.callDays.legend']}
        hint={s['form.contact.callDays.hint']}
        options={CALL_DAYS.map((day) => ({ value: day, label: s[`form.contact.callDay.${day}`] }))}
        values={value.days}
        error={undefined}
        inline
        onChange={(days) => set({ days })}
      />
      <CheckboxGroupField<CallTime>
        {...common}
        name="call-times"
        legend={s['form.contact.callTimes.legend']}
        hint={s['form.contact.callTimes.hint']}
        options={CALL_TIMES.map((time) => ({ value: time, label: s[`form.contact.callTime.${time}`] }))}
        values={value.times}
        error={undefined}
        onChange={(times) => set({ times })}
      />
      <TextField
        {...common}
        id="call-note"
        label={s['form.contact.callNote.label']}
        hint={s['form.contact.callNote.hint']}
        value={value.note}
        error={errors.callNote}
        onInput={(note) => set({ note })}
      />
      <CheckboxGroupField<Allowed>
        {...common}
        name="call-allowed"
        legend={s['form.contact.callAllowed.legend']}
        hint={s['form.contact.callAllowed.hint']}
        options={[
          { value: 'voicemail', label: s['form.contact.callAllowed.voicemail'] },
          { value: 'sms', label: s['form.contact.callAllowed.sms'] },
        ]}
        values={allowed}
        error={undefined}
        onChange={(next) => set({ voicemail: next.includes('voicemail'), sms: next.includes('sms') })}
      />
      <RadioGroupField<IntroductionChoice>
        {...common}
        name="call-introduction"
        legend={s['form.contact.introduction.legend']}
        hint={s['form.contact.introduction.hint']}
        options={[
          { value: 'firstName', label: s['form.contact.introduction.firstName'] },
          { value: 'team', label: s['form.contact.introduction.team'] },
          { value: 'own', label: s['form.contact.introduction.own'] },
        ]}
        value={value.introduction}
        error={undefined}
        onChange={(introduction) => set({ introduction })}
        details={{
          own: (
            <TextField
              {...common}
              id="call-introduction-words"
              label={s['form.contact.introduction.words.label']}
              hint={s['form.contact.introduction.words.hint']}
              value={value.introductionWords}
              error={errors.introduction}
              required
              onInput={(introductionWords) => set({ introductionWords })}
            />
          ),
        }}
      />
      <TextField
        {...common}
        id="call-code-word"
        size="short"
        label={s['form.contact.codeWord.label']}
        hint={s['form.contact.codeWord.hint']}
        value={value.codeWord}
        error={errors.codeWord}
        onInput={(codeWord) => set({ codeWord })}
      />
    </div>
  );
}

interface MailProps {
  s: SafeContactStrings;
  value: SafeMailValue;
  errorPrefix: string;
  disabled: boolean;
  onChange: (value: SafeMailValue) => void;
}

export function SafeMailFields({ s, value, errorPrefix, disabled, onChange }: MailProps) {
  return (
    <CheckboxGroupField<'municipality'>
      name="mail-subject"
      legend={s['form.contact.mailSubject.legend']}
      hint={s['form.contact.mailSubject.hint']}
      options={[{ value: 'municipality', label: s['form.contact.mailSubject.municipality'] }]}
      values={value.subjectMayNameMunicipality ? ['municipality'] : []}
      error={undefined}
      errorPrefix={errorPrefix}
      disabled={disabled}
      onChange={(next) => onChange({ subjectMayNameMunicipality: next.includes('municipality') })}
    />
  );
}

/** The safety part of a payload: only what was given; blank words are left out. */
export function safeCallPayload(value: SafeCallValue): SafeCall {
  const { days, times, note, voicemail, sms, introduction, introductionWords, codeWord } = value;
  return {
    days,
    times,
    voicemail,
    sms,
    ...(note.trim() ? { note } : {}),
    ...(introduction === 'own' ? { introduction: { as: 'own', words: introductionWords } } : introduction ? { introduction: { as: introduction } } : {}),
    ...(codeWord.trim() ? { codeWord } : {}),
  };
}

export function safeMailPayload(value: SafeMailValue): SafeMail {
  return { subjectMayNameMunicipality: value.subjectMayNameMunicipality };
}
