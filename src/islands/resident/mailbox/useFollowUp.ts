// A follow-up from the resident: checked, sealed with the case key for the next sequence
// number, and posted with a proof of work. When the team wrote in the meantime (409) the
// mailbox is read again and the follow-up goes out once more with the next number.
// Files go as with the question: made ready when chosen, sealed with the message (their
// keys inside it), and uploaded with the code's mailbox id once the message is in.
import type { JSX } from 'preact';
import type { MutableRef } from 'preact/hooks';
import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { MessagePayload } from '../../../lib/schemas/messagePayload';
import { sealMessage } from '../../../lib/crypto/caseMessages';
import { proofHeaders } from '../../../lib/pow/proofHeaders';
import { fetchSealedCase } from '../../shared/caseLookup';
import { postJson } from '../../shared/postJson';
import { useAttachments } from '../../shared/attachments/useAttachments';
import { sealFiles, uploadFiles, type SealedFile } from '../../shared/attachments/sendAttachments';
import { RESIDENT_DEADLINE_MS, withDeadline } from '../../shared/withDeadline';
import type { OpenedMessage } from '../../shared/residentMessages';
import { nextPaint } from '../../focus';
import { MailboxResponse } from '../mailboxResponse';
import { nextSeq, openMailbox, type OpenKeys, type OpenedMailbox, type SendError, type SendPhase, type StringKey } from './openedMailbox';

interface Options {
  s: (key: StringKey) => string;
  hydrated: boolean;
  /** The open mailbox's keys; another object (or null) once it was closed. */
  keysRef: MutableRef<OpenKeys | null>;
  mailbox: OpenedMailbox | null;
  /** Changes the open mailbox (read again, or one message more). */
  updateMailbox: (update: (mailbox: OpenedMailbox) => OpenedMailbox) => void;
  focusAfterRender: (id: string) => void;
}

/** Time per file on top of the usual wait: up to 10 MB each on a slow line (as on the question page). */
const FILE_DEADLINE_MS = 60_000;

export function useFollowUp({ s, hydrated, keysRef, mailbox, updateMailbox, focusAfterRender }: Options) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<SendPhase>('idle');
  const [sendError, setSendError] = useState<SendError | null>(null);
  const [sentNotice, setSentNotice] = useState(false);
  /** After a follow-up with files: did they all arrive (the message itself did)? */
  const [filesMissing, setFilesMissing] = useState(false);
  const attachments = useAttachments();

  function reset() {
    setText('');
    setError(null);
    setSendError(null);
    setSentNotice(false);
    setFilesMissing(false);
    attachments.clear();
  }

  /** Uploads the sealed files of a follow-up that went in; each with its own proof of work and time. */
  async function upload(keys: OpenKeys, files: SealedFile[]): Promise<number> {
    if (!files.length) return 0;
    try {
      return await withDeadline((signal) => {
        const proofs = files.map(() => proofHeaders('attachment'));
        for (const p of proofs) p.catch(() => undefined);
        return uploadFiles(keys.mailboxId, files, proofs, signal);
      }, RESIDENT_DEADLINE_MS + FILE_DEADLINE_MS * files.length);
    } catch {
      return files.length;
    }
  }

  /** Seals the follow-up for the next sequence number and posts it. */
  async function post(keys: OpenKeys, to: OpenedMailbox, payloadJson: string) {
    const seq = nextSeq(to);
    const sealed = sealMessage(keys.sodium, keys.caseKey, { caseId: to.caseId, direction: 'resident', seq }, payloadJson);
    setPhase('sending');
    const response = await postJson('/api/mailbox/messages', { mailboxId: keys.mailboxId, seq, ...sealed }, await proofHeaders('change'));
    return { status: response.status, seq };
  }

  /** Someone else wrote in the meantime: read the mailbox again and retry once. */
  async function retryAfterConflict(keys: OpenKeys, payloadJson: string) {
    const fresh = await fetchSealedCase(keys.mailboxId, MailboxResponse, await proofHeaders('lookup'));
    if (keysRef.current !== keys) return null;
    if (fresh.status === 'notFound') return { status: 404, seq: 0 };
    if (fresh.status === 'busy') throw new Error('status 429');
    const reread = openMailbox(keys.sodium, keys.caseKey, fresh.body);
    updateMailbox(() => reread);
    return post(keys, reread, payloadJson);
  }

  async function send(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const keys = keysRef.current;
    if (!hydrated || phase !== 'idle' || attachments.preparing || !mailbox || !keys) return;
    setSentNotice(false);
    setFilesMissing(false);
    setSendError(null);
    const parsed = v.safeParse(MessagePayload, { text, sentAt: new Date().toISOString() });
    if (!parsed.success) {
      const tooLong = parsed.issues.some((issue) => issue.message === 'message.tooLong');
      setError(s(tooLong ? 'mailbox.followup.error.tooLong' : 'mailbox.followup.error.empty'));
      focusAfterRender('followup-error-summary');
      return;
    }
    setError(null);
    setPhase('encrypting');
    try {
      await nextPaint();
      // Each file under a key of its own; the keys, names and sizes travel inside the message.
      const sealedFiles = sealFiles(keys.sodium, attachments.files);
      const payload = v.parse(MessagePayload, sealedFiles.length ? { ...parsed.output, attachments: sealedFiles.map((f) => f.ref) } : parsed.output);
      const payloadJson = JSON.stringify(payload);
      let result = await post(keys, mailbox, payloadJson);
      if (result.status === 409) {
        const retried = await retryAfterConflict(keys, payloadJson);
        if (!retried) return;
        result = retried;
      }
      if (keysRef.current !== keys) return; // closed while sending
      if (result.status === 201) {
        const fileNames = sealedFiles.map((f) => f.ref.name);
        const sent: OpenedMessage = { seq: result.seq, direction: 'resident', text: payload.text, sentAt: payload.sentAt, createdDay: payload.sentAt.slice(0, 10), fileNames };
        updateMailbox((current) => ({ ...current, messages: [...current.messages, sent] }));
        setText('');
        attachments.clear();
        // The message is in; now its files ("Versturen…" stays on until they are).
        const missing = await upload(keys, sealedFiles);
        if (keysRef.current !== keys) return;
        setFilesMissing(missing > 0);
        setSentNotice(true);
        focusAfterRender('followup-sent');
      } else {
        setSendError(result.status === 404 ? 'gone' : result.status === 429 ? 'tooMany' : 'failed');
        focusAfterRender('followup-send-error');
      }
    } catch {
      if (keysRef.current !== keys) return;
      // Keep the text so the resident can simply try again.
      setSendError('failed');
      focusAfterRender('followup-send-error');
    } finally {
      setPhase('idle');
    }
  }

  return { text, setText, error, phase, sendError, sentNotice, filesMissing, attachments, showsError: Boolean(error || sendError), reset, send };
}

export type FollowUp = ReturnType<typeof useFollowUp>;
