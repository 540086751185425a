// The resident's 16-digit code (NL Design System "code entry"): label, hint, error and one
// numeric field that the browser never saves or spell-checks. Spaces, dashes and dots
// are allowed as typed; normalizeCaseCode() reads the digits.
import { TextField } from './TextField';

/** The code field's id on every page that asks for the code (error summary links go here). */
export const CODE_FIELD_ID = 'code';

interface Props {
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  errorPrefix: string;
  disabled: boolean;
  /** The answer to the last attempt, when it is shown. */
  describedByExtra?: string | false | null | undefined;
  onInput: (value: string) => void;
}

export function CodeField(props: Props) {
  return <TextField id={CODE_FIELD_ID} size="code" dir="ltr" inputMode="numeric" {...props} />;
}
