// The error under a field (NL Design System form-field error message): an icon, a
// hidden "Fout:" for screen readers, and the text. Nothing when there is no error.
import { ErrorIcon } from '../../Icon';

export function FieldError({ id, prefix, text }: { id: string; prefix: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="achterom-form-field__error utrecht-form-field-error-message" id={id}>
      <ErrorIcon />
      <span>
        <span class="achterom-visually-hidden">{prefix} </span>
        {text}
      </span>
    </p>
  );
}

/** aria-describedby from the ids that apply (hint, error), or nothing. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length ? list.join(' ') : undefined;
}
