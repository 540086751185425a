// The "enter your code" half of Mijn vraag and Mijn afspraak: the typed code, its error,
// the answer to the last attempt, and the lookup itself (shared/caseLookup). The page
// says what to decrypt and what to show once its case is open.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type * as v from 'valibot';
import { normalizeCaseCode } from '../../lib/crypto/caseCode';
import { lookUpCase, type FoundCase, type LookupFailure } from '../shared/caseLookup';
import { usePageHide } from '../shared/usePageHide';
import { nextPaint } from '../focus';

interface Options<S extends v.GenericSchema, R> {
  hydrated: boolean;
  schema: S;
  /** Decrypts what the page needs while the case key lives (it is wiped right after). */
  open: (found: FoundCase<v.InferOutput<S>>) => R;
  /** Shows the opened case; the typed code is cleared. */
  onOpened: (opened: R) => void;
  /** The words for an empty and a malformed code. */
  codeErrors: { empty: string; format: string };
  /** Where the focus goes after a failed attempt: the error summary, or the failure alert. */
  focusIds: { summary: string; failure: string };
  focusAfterRender: (id: string) => void;
}

export function useCodeLookup<S extends v.GenericSchema, R>(options: Options<S, R>) {
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [failure, setFailure] = useState<LookupFailure | null>(null);
  const [opening, setOpening] = useState(false);
  const [closedNotice, setClosedNotice] = useState(false);

  // Leaving the page forgets the typed code.
  usePageHide(() => setCode(''));

  async function submit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!options.hydrated || opening) return;
    setClosedNotice(false);
    const normalized = normalizeCaseCode(code);
    if (!normalized) {
      setCodeError(code.trim() === '' ? options.codeErrors.empty : options.codeErrors.format);
      setFailure(null);
      options.focusAfterRender(options.focusIds.summary);
      return;
    }
    setCodeError(null);
    setFailure(null);
    setOpening(true);
    try {
      // Let "Bezig met openen…" show before argon2id holds the page.
      await nextPaint();
      const result = await lookUpCase(normalized, options.schema, options.open);
      if (result.ok) {
        setCode('');
        options.onOpened(result.value);
      } else {
        // Keep the typed code so the resident can simply try again.
        setFailure(result.failure);
        options.focusAfterRender(options.focusIds.failure);
      }
    } finally {
      setOpening(false);
    }
  }

  /** The case is closed: an empty field again, and a notice that says so. */
  function close() {
    setCode('');
    setCodeError(null);
    setFailure(null);
    setClosedNotice(true);
  }

  return {
    code,
    setCode,
    codeError,
    /** The failure of the last attempt, while no new attempt runs. */
    shownFailure: opening ? null : failure,
    opening,
    closedNotice,
    showsError: Boolean(codeError || failure),
    submit,
    close,
  };
}

export type CodeLookup = ReturnType<typeof useCodeLookup>;
