// Who in the team may read the case: only the handler, or the whole team. The same
// choice in the question and the booking flow (and wherever a case starts).
import { RadioGroupField } from './fields/RadioGroupField';

export type ConsentChoiceValue = 'handler' | 'team';

interface Props {
  legend: string;
  hint: string;
  handlerLabel: string;
  teamLabel: string;
  value: ConsentChoiceValue | '';
  error: string | undefined;
  errorPrefix: string;
  disabled: boolean;
  onChange: (value: ConsentChoiceValue) => void;
}

export function ConsentChoice({ legend, hint, handlerLabel, teamLabel, value, error, errorPrefix, disabled, onChange }: Props) {
  return (
    <RadioGroupField
      name="consent"
      legend={legend}
      hint={hint}
      options={[
        { value: 'handler', label: handlerLabel },
        { value: 'team', label: teamLabel },
      ]}
      value={value}
      error={error}
      errorPrefix={errorPrefix}
      disabled={disabled}
      onChange={onChange}
    />
  );
}

/** The control an error summary link for the consent choice focuses. */
export const CONSENT_TARGET = 'consent-handler';
