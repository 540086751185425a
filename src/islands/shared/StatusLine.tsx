// What is happening right now ("Versleutelen…"), in a polite live region: a spinner and
// the text while busy, an empty region otherwise (so the next text is announced).
import { Spinner } from '../Icon';

export function StatusLine({ busy, text }: { busy: boolean; text: string }) {
  return (
    <p class="achterom-status" role="status" aria-live="polite">
      {busy && (
        <>
          <Spinner />
          {text}
        </>
      )}
    </p>
  );
}
