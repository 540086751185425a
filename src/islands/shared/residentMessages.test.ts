// The conversation as the resident's browser opens it: a follow-up sent with files shows
// their names (the resident does not open them again), never their keys.
import { beforeAll, describe, expect, it } from 'vitest';
import { sealMessage } from '../../lib/crypto/caseMessages';
import { loadSodium, toBase64, type Sodium } from '../../lib/crypto/sodium';
import { openResidentMessages, type SealedMessage } from './residentMessages';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const caseId = 'case-1';

function sealed(caseKey: Uint8Array, seq: number, direction: 'resident' | 'staff', payload: unknown): SealedMessage {
  return { seq, direction, createdDay: '2026-12-01', ...sealMessage(sodium, caseKey, { caseId, direction, seq }, JSON.stringify(payload)) };
}

describe('the resident opening their conversation', () => {
  it('names the files sent with a follow-up, in order, and keeps no key', () => {
    const caseKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
    const key = toBase64(sodium, sodium.crypto_secretstream_xchacha20poly1305_keygen());
    const sentAt = new Date().toISOString();
    const files = [
      { id: crypto.randomUUID(), key, name: 'foto-1.jpg', type: 'image/jpeg', size: 2000 },
      { id: crypto.randomUUID(), key, name: 'aanmaning.pdf', type: 'application/pdf', size: 3000 },
    ];
    const opened = openResidentMessages(sodium, caseKey, caseId, [
      sealed(caseKey, 2, 'resident', { text: 'Hier is de brief', sentAt, attachments: files }),
      sealed(caseKey, 1, 'staff', { text: 'Stuur de brief maar', sentAt }),
    ]);
    expect(opened).toEqual([
      { seq: 1, direction: 'staff', createdDay: '2026-12-01', text: 'Stuur de brief maar', sentAt, fileNames: [] },
      { seq: 2, direction: 'resident', createdDay: '2026-12-01', text: 'Hier is de brief', sentAt, fileNames: ['foto-1.jpg', 'aanmaning.pdf'] },
    ]);
    expect(JSON.stringify(opened)).not.toContain(key);
  });

  it('marks a message whose file list is not valid as unreadable, without names', () => {
    const caseKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
    const bad = [{ id: 'not-a-uuid', key: 'x', name: 'a.jpg', type: 'image/gif', size: 1 }];
    const [opened] = openResidentMessages(sodium, caseKey, caseId, [sealed(caseKey, 1, 'resident', { text: 'x', sentAt: new Date().toISOString(), attachments: bad })]);
    expect(opened).toMatchObject({ text: null, fileNames: [] });
  });
});
