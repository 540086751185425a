// What every single-control field takes (text, textarea, select), and every group of
// choices (radios, checkboxes): one definition, so the fields stay alike.
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  error: string | undefined;
  errorPrefix: string;
  disabled?: boolean;
}

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceGroupProps<T extends string> {
  /** Form name; ids are `${name}-hint`, `${name}-error` and one per option. */
  name: string;
  legend: string;
  hint?: string | undefined;
  options: readonly ChoiceOption<T>[];
  error: string | undefined;
  errorPrefix: string;
  disabled?: boolean;
}
