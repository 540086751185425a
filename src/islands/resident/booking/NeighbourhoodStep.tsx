// Step 1: the neighbourhood, which decides the team (and so its times and locations).
import { NeighbourhoodField } from '../../shared/fields/NeighbourhoodField';
import { StepActions, StepHeading, type StepProps } from './StepParts';

interface Props extends Omit<StepProps, 'onBack'> {
  value: string;
  onChange: (neighbourhood: string) => void;
}

export function NeighbourhoodStep({ s, disabled, busy, errors, value, onChange }: Props) {
  return (
    <>
      <StepHeading view="neighbourhood" s={s} />
      <NeighbourhoodField
        value={value}
        onChange={onChange}
        hint={s['booking.neighbourhood.hint']}
        placeholder={s['form.neighbourhood.placeholder']}
        unknownLabel={s['form.neighbourhood.unknown']}
        error={errors.neighbourhood}
        errorPrefix={s['form.errorPrefix']}
        disabled={disabled}
      />
      <StepActions s={s} primary={s['booking.next']} disabled={disabled} busy={busy} />
    </>
  );
}
