// What stands between a field's label (or legend) and its control in every NL Design
// System form field: the hint, then the error. Ids: `${id}-hint` and the error id.
import type { ComponentChildren } from 'preact';
import { FieldError } from './FieldError';

interface Props {
  id: string;
  hint?: ComponentChildren;
  error: string | undefined;
  errorPrefix: string;
  /** `${id}-error` unless the page uses another. */
  errorId?: string | undefined;
}

export function FieldDescription({ id, hint, error, errorPrefix, errorId = `${id}-error` }: Props) {
  return (
    <>
      {hint && (
        <p class="achterom-form-field__hint utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={errorId} prefix={errorPrefix} text={error} />
    </>
  );
}

/** A field's own label (`for` its control). */
export function FieldLabel({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <label class="achterom-form-field__label utrecht-form-label" for={id}>
      {children}
    </label>
  );
}
