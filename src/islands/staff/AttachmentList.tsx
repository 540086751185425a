// The resident's files on the case page: with the question, and with each follow-up
// that carries files (Conversation). Each is fetched (ciphertext), opened in this
// browser with the key from the decrypted message, and shown from a blob: URL: a photo
// in an img, a PDF in a frame. Nothing is written to disk unless the member presses
// Download. Closing the preview, or leaving the case, revokes the URL and zeroes the bytes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { openAttachment } from '../../lib/crypto/attachmentCipher';
import { fromBase64 } from '../../lib/crypto/sodium';
import type { AttachmentRef } from '../../lib/schemas/attachmentRef';
import { Alert } from '../shared/Alert';
import type { Say } from './strings';
import type { Vault } from './types';

interface Props {
  say: Say;
  caseId: string;
  attachments: readonly AttachmentRef[];
  getVault: () => Vault | null;
  /** Which message the files came with: the question (default) or a follow-up by its sequence number. */
  messageSeq?: number;
}

type Shown = { id: string; url: string; bytes: Uint8Array } | { id: string; problem: string } | { id: string; loading: true };

/** Fetches one sealed file of a case: bytes, or the status that says why not. */
async function fetchSealed(caseId: string, id: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; status: number }> {
  try {
    const res = await fetch(`/api/staff/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(id)}`, { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) return { ok: false, status: res.status };
    return { ok: true, bytes: new Uint8Array(await res.arrayBuffer()) };
  } catch {
    return { ok: false, status: 0 };
  }
}

export function AttachmentList({ say, caseId, attachments, getVault, messageSeq }: Props) {
  const headingId = messageSeq === undefined ? `attachments-${caseId}` : `attachments-${caseId}-${messageSeq}`;
  const [shown, setShown] = useState<Shown | null>(null);
  const shownRef = useRef<Shown | null>(null);
  shownRef.current = shown;

  function forget(s: Shown | null) {
    if (s && 'url' in s) {
      URL.revokeObjectURL(s.url);
      s.bytes.fill(0);
    }
  }

  useEffect(() => () => forget(shownRef.current), []);

  async function open(ref: AttachmentRef) {
    forget(shownRef.current);
    setShown({ id: ref.id, loading: true });
    const fetched = await fetchSealed(caseId, ref.id);
    const vault = getVault();
    if (!fetched.ok) {
      const why = fetched.status === 401 ? 'staff.session.expired' : fetched.status === 404 ? 'staff.attachments.missing' : 'staff.attachments.failed';
      return setShown({ id: ref.id, problem: say(why) });
    }
    if (!vault) return setShown({ id: ref.id, problem: say('staff.error.noKeys') });
    const key = fromBase64(vault.sodium, ref.key);
    const opened = openAttachment(vault.sodium, fetched.bytes, key, ref.size);
    vault.sodium.memzero(key);
    if (!opened.ok) {
      const problem = opened.error.name === 'AttachmentTampered' ? say('staff.attachments.tampered', { chunk: opened.error.chunk + 1 }) : say('staff.attachments.wrongSize');
      return setShown({ id: ref.id, problem });
    }
    const bytes = opened.bytes;
    setShown({ id: ref.id, url: URL.createObjectURL(new Blob([bytes.slice()], { type: ref.type })), bytes });
  }

  function close() {
    forget(shownRef.current);
    setShown(null);
  }

  return (
    <section class="achterom-attachments" aria-labelledby={headingId} data-testid="case-attachments">
      <h4 id={headingId}>{say(messageSeq === undefined ? 'staff.attachments.heading' : 'staff.attachments.messageHeading')}</h4>
      <ul class="achterom-attachments__list">
        {attachments.map((a) => {
          const here = shown?.id === a.id ? shown : null;
          return (
            <li key={a.id} class="achterom-attachments__item" data-testid="case-attachment" data-type={a.type}>
              <p class="achterom-attachments__name">
                <bdi>{a.name}</bdi> <span class="achterom-attachments__kind">({say(a.type === 'application/pdf' ? 'staff.attachments.kind.pdf' : 'staff.attachments.kind.photo')})</span>
              </p>
              {!here || !('url' in here) ? (
                <button type="button" class="achterom-button utrecht-button utrecht-button--secondary-action" disabled={here !== null && 'loading' in here} onClick={() => void open(a)}>
                  {say('staff.attachments.open', { name: a.name })}
                </button>
              ) : (
                <div class="achterom-attachments__preview" data-testid="attachment-view">
                  {a.type === 'application/pdf' ? (
                    <iframe class="achterom-attachments__frame" src={here.url} title={say('staff.attachments.pdfFrame', { name: a.name })} data-testid="attachment-pdf" />
                  ) : (
                    <img class="achterom-attachments__image" src={here.url} alt={say('staff.attachments.photoAlt', { name: a.name })} data-testid="attachment-image" />
                  )}
                  <p class="achterom-attachments__actions">
                    <a class="achterom-button utrecht-button utrecht-button--secondary-action" href={here.url} download={a.name} data-testid="attachment-download">
                      {say('staff.attachments.download', { name: a.name })}
                    </a>{' '}
                    <button type="button" class="achterom-button utrecht-button utrecht-button--secondary-action" onClick={close}>
                      {say('staff.attachments.close', { name: a.name })}
                    </button>
                  </p>
                  <p class="achterom-attachments__hint">{say('staff.attachments.downloadHint')}</p>
                </div>
              )}
              {here && 'loading' in here && <p role="status">{say('staff.attachments.opening')}</p>}
              {here && 'problem' in here && (
                <Alert oneSentence testId="attachment-problem">
                  {here.problem}
                </Alert>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
