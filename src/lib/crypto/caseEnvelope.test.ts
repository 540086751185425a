import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, fromBase64, toBase64, type Sodium } from './sodium';
import { caseAssociatedData, caseKeyId, encryptPadded, openCase, openCaseKey, sealCase, type SealedCase, type StoredCase } from './caseEnvelope';
import { deriveCaseKeys } from './deriveCaseKeys';
import { generateCaseCode } from './caseCode';
import { AEAD_TAG_BYTES, PAD_BLOCK_BYTES } from './protocol';

let sodium: Sodium;
let team: { publicKey: Uint8Array; privateKey: Uint8Array };
let otherTeam: { publicKey: Uint8Array; privateKey: Uint8Array };

beforeAll(async () => {
  sodium = await loadSodium();
  team = sodium.crypto_box_keypair();
  otherTeam = sodium.crypto_box_keypair();
});

const stored = (s: SealedCase): StoredCase => ({
  teamId: s.teamId,
  kind: s.kind,
  consent: s.consent,
  protocol: s.v,
  keyId: s.keyId,
  nonce: s.nonce,
  ciphertext: s.ciphertext,
  sealedKey: s.sealedKey,
});

function seal(payload: unknown, code = '4821093755621180') {
  return sealCase(sodium, {
    code,
    teamId: 'centrum-oost',
    teamPublicKey: toBase64(sodium, team.publicKey),
    teamKeyId: 1,
    kind: 'question',
    consent: 'team',
    payloadJson: JSON.stringify(payload),
  });
}

function flipByte(base64: string, index: number): string {
  const bytes = fromBase64(sodium, base64);
  bytes[index % bytes.length]! ^= 0x01;
  return toBase64(sodium, bytes);
}

describe('case envelope', () => {
  it('round-trips a payload through seal and open', () => {
    const payload = { question: 'Ik heb schulden en durf niet naar binnen', n: 1 };
    const opened = openCase(sodium, stored(seal(payload)), team);
    expect(opened).toEqual({ ok: true, value: payload });
  });

  it('binds the team key id: a case whose key id the server changed does not open', () => {
    const sealed = seal({ q: 'sleutel' });
    expect(sealed).toMatchObject({ v: 2, keyId: 1 });
    const moved = { ...stored(sealed), keyId: 2 };
    expect(openCase(sodium, moved, team)).toEqual({ ok: false, error: 'ciphertext_unreadable' });
  });

  it('still opens a version-1 case (no key id in the associated data)', () => {
    const { caseKey } = deriveCaseKeys(sodium, '1111222233334444');
    const ad = caseAssociatedData({ teamId: 'centrum-oost', kind: 'question', consent: 'team' }, 1);
    expect(ad).toBe('achterom/case/v1|centrum-oost|question|team');
    const { nonce, ciphertext } = encryptPadded(sodium, JSON.stringify({ q: 'oud' }), caseKey, ad);
    const v1 = {
      teamId: 'centrum-oost', kind: 'question' as const, consent: 'team' as const, protocol: 1, keyId: null,
      nonce: toBase64(sodium, nonce), ciphertext: toBase64(sodium, ciphertext), sealedKey: toBase64(sodium, sodium.crypto_box_seal(caseKey, team.publicKey)),
    };
    expect(openCase(sodium, v1, team)).toEqual({ ok: true, value: { q: 'oud' } });
    expect(caseKeyId(v1)).toBe(1);
  });

  it.each([
    ['ciphertext', 0],
    ['ciphertext', 700],
    ['ciphertext', 1030],
    ['nonce', 5],
    ['sealedKey', 0],
    ['sealedKey', 40],
    ['sealedKey', 79],
  ] as const)('fails with a clear error when %s byte %i is flipped', (field, index) => {
    const sealed = stored(seal({ q: 'x' }));
    const tampered = { ...sealed, [field]: flipByte(sealed[field], index) };
    const opened = openCase(sodium, tampered, team);
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.error).toBe(field === 'sealedKey' ? 'sealed_key_unreadable' : 'ciphertext_unreadable');
    }
  });

  it('fails when team, kind or consent is changed on the server (associated data)', () => {
    const sealed = stored(seal({ q: 'x' }));
    expect(openCase(sodium, { ...sealed, consent: 'handler' }, team)).toEqual({ ok: false, error: 'ciphertext_unreadable' });
    expect(openCase(sodium, { ...sealed, teamId: 'centraal' }, team)).toEqual({ ok: false, error: 'ciphertext_unreadable' });
    expect(openCase(sodium, { ...sealed, kind: 'appointment' }, team)).toEqual({ ok: false, error: 'ciphertext_unreadable' });
  });

  it('pads so a 10-byte and a 900-byte payload give the same ciphertext size', () => {
    const shortText = JSON.stringify({ q: 'ab' });
    expect(shortText.length).toBe(10);
    const longText = JSON.stringify({ q: 'x'.repeat(900 - 8) });
    expect(longText.length).toBe(900);
    const a = fromBase64(sodium, seal({ q: 'ab' }).ciphertext);
    const b = fromBase64(sodium, seal({ q: 'x'.repeat(892) }).ciphertext);
    expect(a.length).toBe(b.length);
    expect(a.length).toBe(PAD_BLOCK_BYTES + AEAD_TAG_BYTES);
  });

  it('grows by whole blocks past 1 KiB', () => {
    const c = fromBase64(sodium, seal({ q: 'x'.repeat(1500) }).ciphertext);
    expect(c.length).toBe(2 * PAD_BLOCK_BYTES + AEAD_TAG_BYTES);
  });

  it('cannot open the case key with another team key', () => {
    const sealed = seal({ q: 'x' });
    expect(openCaseKey(sodium, sealed.sealedKey, otherTeam)).toEqual({ ok: false, error: 'sealed_key_unreadable' });
    expect(openCase(sodium, stored(sealed), otherTeam).ok).toBe(false);
  });

  it('derives the same mailbox id and case key from the same code, and different ones from another code', () => {
    const a = deriveCaseKeys(sodium, '4821093755621180');
    const b = deriveCaseKeys(sodium, '4821093755621180');
    const c = deriveCaseKeys(sodium, '4821093755621181');
    expect(toBase64(sodium, a.mailboxId)).toBe(toBase64(sodium, b.mailboxId));
    expect(toBase64(sodium, a.caseKey)).toBe(toBase64(sodium, b.caseKey));
    expect(toBase64(sodium, a.mailboxId)).not.toBe(toBase64(sodium, a.caseKey));
    expect(toBase64(sodium, c.mailboxId)).not.toBe(toBase64(sodium, a.mailboxId));
    expect(toBase64(sodium, c.caseKey)).not.toBe(toBase64(sodium, a.caseKey));
  });

  it('puts the derived mailbox id in the envelope and lets the code re-open the payload', () => {
    const code = generateCaseCode(sodium);
    const sealed = seal({ q: 'terug met code' }, code);
    const keys = deriveCaseKeys(sodium, code);
    expect(sealed.mailboxId).toBe(toBase64(sodium, keys.mailboxId));
    const key = openCaseKey(sodium, sealed.sealedKey, team);
    expect(key.ok && toBase64(sodium, key.value)).toBe(toBase64(sodium, keys.caseKey));
  });

  it('never puts the plaintext or the code in the envelope', () => {
    const code = '1111222233334444';
    const envelopeText = JSON.stringify(seal({ q: 'SENTINEL-plaintext-7731' }, code));
    expect(envelopeText).not.toContain('SENTINEL');
    expect(envelopeText).not.toContain(code);
  });
});
