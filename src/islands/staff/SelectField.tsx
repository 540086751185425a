// A labelled choice list (NL Design System "select" pattern) for the console's filters.
interface Option {
  value: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}

export function SelectField({ id, label, value, options, onChange }: Props) {
  return (
    <div class="achterom-form-field utrecht-form-field">
      <label class="achterom-form-field__label utrecht-form-label" for={id}>
        {label}
      </label>
      <select class="achterom-select utrecht-select utrecht-select--html-select" id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
