// Small inline icons for islands. Always decorative: the text next to them carries the meaning.

/** Exclamation mark in a circle, shown next to every error text (errors never rely on colour alone). */
export function ErrorIcon() {
  return (
    <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" fill="currentColor" />
      <path d="M12 6.5v7" stroke="#fff" stroke-width="2.6" stroke-linecap="round" />
      <circle cx="12" cy="17.3" r="1.5" fill="#fff" />
    </svg>
  );
}

/** Shown while encrypting or signing in; hidden from assistive technology (the status text is read instead). */
export function Spinner() {
  return <span class="achterom-spinner" aria-hidden="true" />;
}
