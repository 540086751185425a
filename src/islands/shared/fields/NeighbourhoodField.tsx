// "In which neighbourhood do you live?": the select of every team's neighbourhoods
// (grouped per team) plus "I don't know". Shared by the question and booking flows.
import { UNKNOWN_NEIGHBOURHOOD_ID, teams } from '../../../lib/config/teams';
import type { ComponentChildren } from 'preact';
import { SelectField } from './SelectField';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Leave out when the step heading is the label. */
  label?: ComponentChildren;
  hint: string;
  placeholder: string;
  unknownLabel: string;
  error: string | undefined;
  errorPrefix: string;
  disabled: boolean;
}

export function NeighbourhoodField({ value, onChange, label, hint, placeholder, unknownLabel, error, errorPrefix, disabled }: Props) {
  return (
    <SelectField id="neighbourhood" label={label} hint={hint} value={value} error={error} errorPrefix={errorPrefix} disabled={disabled} onChange={onChange}>
      <option value="">{placeholder}</option>
      <option value={UNKNOWN_NEIGHBOURHOOD_ID}>{unknownLabel}</option>
      {teams
        .filter((team) => team.neighbourhoods.length > 0)
        .map((team) => (
          <optgroup key={team.id} label={team.name}>
            {team.neighbourhoods.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </optgroup>
        ))}
    </SelectField>
  );
}

/** The neighbourhood's name for a summary ("Weet ik niet" for the unknown one). */
export function neighbourhoodName(id: string, unknownLabel: string): string {
  if (id === UNKNOWN_NEIGHBOURHOOD_ID) return unknownLabel;
  for (const team of teams) {
    const found = team.neighbourhoods.find((n) => n.id === id);
    if (found) return found.name;
  }
  return id;
}
