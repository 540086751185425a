// Helpers for moving focus the GOV.UK way. Browser-only; called from event handlers and effects.

/** Focuses a form control and scrolls its label or legend into view, as the error summary links do. */
export function focusField(id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  const isRadio = field instanceof HTMLInputElement && field.type === 'radio';
  const legend = isRadio ? field.closest('fieldset')?.querySelector('legend') : null;
  const label = legend ?? document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field;
  label.scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

/** Lets the browser paint (e.g. a progress text) before blocking work such as argon2id starts. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
