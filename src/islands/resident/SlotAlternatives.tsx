// The nearest free times after the chosen one was just taken (409), when booking and when
// moving an appointment: one radio list under its legend, or a line that there are none.
import type { ComponentChildren } from 'preact';
import type { Slot } from './booking/api';
import type { BookingDates } from './booking/dates';
import { SlotList } from './booking/SlotPicker';
import { fieldClass } from '../shared/fields/fieldClass';

interface Props {
  legend: string;
  noneText: string;
  noneTestId?: string;
  slots: readonly Slot[];
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  dates: BookingDates;
  /** The radios' name and id prefix. */
  idPrefix: string;
  disabled: boolean;
  /** Id of the error text when no time was chosen (on the radios' aria-describedby). */
  errorId?: string | undefined;
  invalid?: boolean;
  /** The error text under the legend, when the page shows it here. */
  children?: ComponentChildren;
}

export function SlotAlternatives({ legend, noneText, noneTestId, slots, selected, invalid, children, ...list }: Props) {
  if (slots.length === 0) return <p data-testid={noneTestId}>{noneText}</p>;
  return (
    <fieldset class={fieldClass(invalid)}>
      <legend class="achterom-form-field__legend utrecht-form-label">{legend}</legend>
      {children}
      <SlotList slots={slots} selectedId={selected?.id ?? null} name={list.idPrefix} {...list} />
    </fieldset>
  );
}
