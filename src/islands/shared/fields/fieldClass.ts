// The wrapper class of every form field (NL Design System form-field), red when invalid.
export function fieldClass(invalid: unknown, extra?: string): string {
  const base = `achterom-form-field utrecht-form-field${extra ? ` ${extra}` : ''}`;
  return invalid ? `${base} achterom-form-field--invalid utrecht-form-field--invalid` : base;
}
