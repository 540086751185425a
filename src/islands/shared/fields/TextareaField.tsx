// Several lines of text with a counter below (NL Design System textarea + character
// count): label, hint, error, textarea and the count, all wired for screen readers.
// The caller words the count (it knows the limit and how it counts characters); a box
// without a limit of its own, or one only to copy from, leaves the count out.
import type { ComponentChildren, Ref } from 'preact';
import { describedBy } from './FieldError';
import { FieldDescription } from './FieldDescription';
import { fieldClass } from './fieldClass';
import type { FieldProps } from './fieldProps';

interface Props extends FieldProps {
  onInput: (value: string) => void;
  /** "Nog 1.200 tekens" or "3 tekens te veel"; leave out for a box without a counter. */
  countText?: string;
  /** Past the limit: the count turns red and bold (and says so in words). */
  over?: boolean;
  rows?: number;
  /** A shorter box (follow-ups, notes) than the main question. */
  short?: boolean;
  /** Staff may use the browser's spell check; residents' text is never sent to one. */
  spellcheck?: boolean;
  name?: string;
  /** Id of the error text; `${id}-error` unless that id is taken on the page. */
  errorId?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** The label is also a heading of the page (a form section with one field). */
  labelHeading?: 2 | 3;
  /** Text to copy, not to write (e.g. a config snippet). */
  readOnly?: boolean;
  testId?: string;
}

export function TextareaField(props: Props) {
  const { id, error } = props;
  const errorId = props.errorId ?? `${id}-error`;
  const label = (
    <label class={`achterom-form-field__label${props.labelHeading ? ' achterom-form-field__label--heading' : ''} utrecht-form-label`} for={id}>
      {props.label}
    </label>
  );
  const counted = props.countText !== undefined;
  return (
    <div class={fieldClass(error)}>
      {props.labelHeading ? <LabelHeading level={props.labelHeading}>{label}</LabelHeading> : label}
      <FieldDescription id={id} hint={props.hint} error={error} errorPrefix={props.errorPrefix} errorId={errorId} />
      <textarea
        class={`achterom-textarea${props.short ? ' achterom-textarea--short' : ''} utrecht-textarea utrecht-textarea--html-textarea`}
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        dir="auto"
        value={props.value}
        ref={props.textareaRef ?? null}
        disabled={props.disabled}
        readOnly={props.readOnly}
        spellcheck={props.spellcheck ?? false}
        autocomplete="off"
        aria-describedby={describedBy(props.hint ? `${id}-hint` : undefined, counted && `${id}-count`, error && errorId)}
        aria-invalid={error ? 'true' : undefined}
        data-testid={props.testId}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {counted && (
        <p class={`achterom-form-field__count${props.over ? ' achterom-form-field__count--over' : ''}`} id={`${id}-count`}>
          {props.countText}
        </p>
      )}
    </div>
  );
}

function LabelHeading({ level, children }: { level: 2 | 3; children: ComponentChildren }) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return <Tag class="achterom-form-field__label-wrapper">{children}</Tag>;
}
