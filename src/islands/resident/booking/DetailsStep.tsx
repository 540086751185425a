// Step 4: what the team may know. Everything is optional but the consent choice (and a
// number for a phone call); all of it is sealed in the browser before it is sent.
import { format } from '../../../lib/i18n/format';
import { ConsentChoice } from '../../shared/ConsentChoice';
import { CheckboxField } from '../../shared/fields/CheckboxField';
import { TextareaField } from '../../shared/fields/TextareaField';
import { TextField } from '../../shared/fields/TextField';
import type { BookingAnswers } from './bookingAnswers';
import { StepActions, StepHeading, type StepProps } from './StepParts';

/** The most the schema takes for "about"; the counter shows what is left. */
const ABOUT_MAX_CHARS = 2000;

const Optional = ({ text }: { text: string }) => <span class="achterom-booking__optional">{text}</span>;

interface Props extends StepProps {
  answers: BookingAnswers;
  onChange: (patch: Partial<BookingAnswers>) => void;
}

export function DetailsStep({ s, disabled, busy, errors, onBack, answers, onChange }: Props) {
  const isPhoneCall = answers.appointmentType === 'telefoon';
  const remaining = ABOUT_MAX_CHARS - answers.about.length;
  const field = { errorPrefix: s['form.errorPrefix'], disabled };
  return (
    <>
      <StepHeading view="details" s={s} />
      <p class="achterom-booking__intro" id="details-intro">
        {s['booking.details.intro']}
      </p>

      <TextField
        {...field}
        id="name"
        label={
          <>
            {s['booking.name.label']} <Optional text={s['booking.optional']} />
          </>
        }
        hint={s['booking.name.hint']}
        value={answers.name}
        error={errors.name}
        onInput={(name) => onChange({ name })}
      />

      <TextField
        {...field}
        id="phone"
        type="tel"
        inputMode="tel"
        dir="ltr"
        size="phone"
        required={isPhoneCall}
        label={
          <>
            {isPhoneCall ? s['booking.phone.label.telefoon'] : s['booking.phone.label']} {!isPhoneCall && <Optional text={s['booking.optional']} />}
          </>
        }
        hint={`${isPhoneCall ? s['booking.phone.hint.telefoon'] : s['booking.phone.hint']} ${s['booking.encrypted']}`}
        value={answers.phone}
        error={errors.phone}
        onInput={(phone) => onChange({ phone })}
      />

      <TextareaField
        {...field}
        id="about"
        short
        label={
          <>
            {s['booking.about.label']} <Optional text={s['booking.optional']} />
          </>
        }
        hint={s['booking.about.hint']}
        value={answers.about}
        error={errors.about}
        onInput={(about) => onChange({ about })}
        countText={remaining >= 0 ? format(s['form.question.remaining'], { count: remaining }) : format(s['form.question.over'], { count: -remaining })}
        over={remaining < 0}
      />

      <CheckboxField id="interpreter" label={s['booking.interpreter.label']} checked={answers.interpreter} disabled={disabled} onChange={(interpreter) => onChange({ interpreter })}>
        <TextField
          {...field}
          id="interpreter-language"
          size="short"
          label={s['booking.interpreter.language.label']}
          value={answers.interpreterLanguage}
          error={errors.interpreterLanguage}
          onInput={(interpreterLanguage) => onChange({ interpreterLanguage })}
        />
      </CheckboxField>

      <ConsentChoice
        {...field}
        legend={s['booking.consent.legend']}
        hint={s['form.consent.hint']}
        handlerLabel={s['booking.consent.handler']}
        teamLabel={s['booking.consent.team']}
        value={answers.consent}
        error={errors.consent}
        onChange={(consent) => onChange({ consent })}
      />
      <StepActions s={s} primary={s['booking.next']} disabled={disabled} busy={busy} onBack={onBack} />
    </>
  );
}
