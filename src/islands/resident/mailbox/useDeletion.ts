// Deleting the whole mailbox (question, messages, access log): asked once more, then
// posted with a proof of work. 404 counts as deleted: nothing is left under the code.
import type { MutableRef } from 'preact/hooks';
import { useState } from 'preact/hooks';
import { proofHeaders } from '../../../lib/pow/proofHeaders';
import { postJson } from '../../shared/postJson';
import type { OpenKeys } from './openedMailbox';

interface Options {
  keysRef: MutableRef<OpenKeys | null>;
  focusAfterRender: (id: string) => void;
  onDeleted: () => void;
}

export function useDeletion({ keysRef, focusAfterRender, onDeleted }: Options) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [failed, setFailed] = useState(false);

  function reset() {
    setConfirming(false);
    setFailed(false);
  }

  function ask() {
    setFailed(false);
    setConfirming(true);
    focusAfterRender('delete-confirm-heading');
  }

  function cancel() {
    if (deleting) return;
    reset();
    focusAfterRender('delete-button');
  }

  async function confirm() {
    const keys = keysRef.current;
    if (deleting || !keys) return;
    setDeleting(true);
    setFailed(false);
    try {
      const response = await postJson('/api/mailbox/delete', { mailboxId: keys.mailboxId }, await proofHeaders('change'));
      if (keysRef.current !== keys) return;
      if (response.status !== 204 && response.status !== 404) throw new Error(`status ${response.status}`);
      onDeleted();
      focusAfterRender('mailbox-deleted-heading');
    } catch {
      setFailed(true);
      focusAfterRender('delete-error');
    } finally {
      setDeleting(false);
    }
  }

  return { confirming, deleting, failed, reset, ask, cancel, confirm };
}

export type Deletion = ReturnType<typeof useDeletion>;
