// A pair of buttons under a question or a small form: go ahead, or go back. While the
// request runs both stay focusable but do nothing (aria-disabled, not disabled), so the
// focus is not lost and a second press sends nothing twice.
interface Props {
  /** The group's class: the page's own button row. */
  groupClass: string;
  busy: boolean;
  confirmLabel: string;
  /** Something that cannot be undone (cancel, delete): the warning look. */
  warning?: boolean;
  /** Without it the first button submits the form it stands in. */
  onConfirm?: () => void;
  confirmTestId?: string;
  backLabel: string;
  onBack: () => void;
  backTestId?: string;
}

export function ConfirmButtons({ groupClass, busy, confirmLabel, warning, onConfirm, confirmTestId, backLabel, onBack, backTestId }: Props) {
  const ariaDisabled = busy ? 'true' : undefined;
  return (
    <div class={groupClass}>
      <button
        type={onConfirm ? 'button' : 'submit'}
        class={`achterom-button${warning ? ' achterom-button--warning' : ''} utrecht-button utrecht-button--primary-action`}
        data-testid={confirmTestId}
        aria-disabled={ariaDisabled}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action"
        data-testid={backTestId}
        aria-disabled={ariaDisabled}
        onClick={onBack}
      >
        {backLabel}
      </button>
    </div>
  );
}
