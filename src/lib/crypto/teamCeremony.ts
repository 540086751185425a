// The key ceremony of a new team, in its first team lead's browser: the team's box key
// pair (key id 1) and signing key pair, the lead's own certificate signed with the new
// signing key, both secrets sealed to the lead and signed by them, and the public halves
// with fingerprints to pin in teamKeys.json. The secret halves are wiped before returning.
import type { Sodium } from './sodium';
import { toBase64 } from './sodium';
import { keyFingerprint } from './fingerprint';
import { addDays, CERTIFICATE_VALID_DAYS, issueCertificate } from './memberCertificate';
import { sealTeamKeyGrant } from './staffKeys';
import { signStatement, teamKeyGrantStatement } from './signedStatement';
import { actionDetail, actionStatement } from '../audit/auditRecord';

export interface CeremonyLead {
  id: string;
  username: string;
  teamId: string;
  boxPublicKey: string;
  signPublicKey: string;
}

/** What teamKeys.json pins for the team (the same shape make-demo-data writes, demo false). */
export interface PinnedTeamKeys {
  boxKeys: { id: number; publicKey: string; fingerprint: string }[];
  signPublicKey: string;
  signFingerprint: string;
  demo: false;
}

/** What teamKeys.json pins as "organisation". */
export interface PinnedOrganisationKey {
  signPublicKey: string;
  fingerprint: string;
  demo: false;
}

export interface TeamKeysMade {
  request: {
    teamBoxPublicKey: string;
    teamSignPublicKey: string;
    certificate: string;
    certificateSignature: string;
    teamKeyGrants: { kind: 'box' | 'sign'; keyId: number; sealedSecretKey: string; signature: string }[];
    signed: { day: string; signature: string };
  };
  pin: PinnedTeamKeys;
}

/** The first privacy officer's ceremony: the organisation's signing key, which certifies them. */
export async function makeOrganisationKey(sodium: Sodium, officer: Omit<CeremonyLead, 'teamId'>, officerSignSecretKey: Uint8Array, today: string): Promise<{ request: { organisationSignPublicKey: string; certificate: string; certificateSignature: string; signed: { day: string; signature: string } }; pin: PinnedOrganisationKey }> {
  const sign = sodium.crypto_sign_keypair();
  try {
    const organisationSignPublicKey = toBase64(sodium, sign.publicKey);
    const cert = issueCertificate(sodium, sign.privateKey, {
      v: 2,
      memberId: officer.id,
      username: officer.username,
      teamId: null,
      role: 'privacy',
      boxPublicKey: officer.boxPublicKey,
      signPublicKey: officer.signPublicKey,
      issuedDay: today,
      validUntilDay: addDays(today, CERTIFICATE_VALID_DAYS),
      issuerId: officer.id,
    });
    const detail = await actionDetail.organisation(organisationSignPublicKey);
    const text = actionStatement({ action: 'organisation.ceremony', staffId: officer.id, role: 'privacy', teamId: null, caseId: null, subjectId: null, day: today, detail });
    return {
      request: { organisationSignPublicKey, certificate: cert.certificate, certificateSignature: cert.signature, signed: { day: today, signature: signStatement(sodium, officerSignSecretKey, text) } },
      pin: { signPublicKey: organisationSignPublicKey, fingerprint: keyFingerprint(sodium, organisationSignPublicKey), demo: false },
    };
  } finally {
    sodium.memzero(sign.privateKey);
  }
}

export async function makeTeamKeys(sodium: Sodium, lead: CeremonyLead, leadSignSecretKey: Uint8Array, today: string): Promise<TeamKeysMade> {
  const box = sodium.crypto_box_keypair();
  const signSeed = sodium.randombytes_buf(sodium.crypto_sign_SEEDBYTES);
  const sign = sodium.crypto_sign_seed_keypair(signSeed);
  try {
    const teamBoxPublicKey = toBase64(sodium, box.publicKey);
    const teamSignPublicKey = toBase64(sodium, sign.publicKey);
    const cert = issueCertificate(sodium, sign.privateKey, {
      v: 2,
      memberId: lead.id,
      username: lead.username,
      teamId: lead.teamId,
      role: 'teamlead',
      boxPublicKey: lead.boxPublicKey,
      signPublicKey: lead.signPublicKey,
      issuedDay: today,
      validUntilDay: addDays(today, CERTIFICATE_VALID_DAYS),
      issuerId: lead.id,
    });
    const grant = (kind: 'box' | 'sign', secret: Uint8Array) => {
      const sealedSecretKey = sealTeamKeyGrant(sodium, secret, lead.boxPublicKey);
      const facts = { teamId: lead.teamId, kind, keyId: 1, recipientId: lead.id, recipientBoxPublicKey: lead.boxPublicKey, sealedSecretKey, granterId: lead.id };
      return { kind, keyId: 1, sealedSecretKey, signature: signStatement(sodium, leadSignSecretKey, teamKeyGrantStatement(facts)) };
    };
    const teamKeyGrants = [grant('box', box.privateKey), grant('sign', signSeed)];
    const detail = await actionDetail.ceremony(teamBoxPublicKey, teamSignPublicKey);
    const text = actionStatement({ action: 'team.ceremony', staffId: lead.id, role: 'teamlead', teamId: lead.teamId, caseId: null, subjectId: null, day: today, detail });
    return {
      request: {
        teamBoxPublicKey,
        teamSignPublicKey,
        certificate: cert.certificate,
        certificateSignature: cert.signature,
        teamKeyGrants,
        signed: { day: today, signature: signStatement(sodium, leadSignSecretKey, text) },
      },
      pin: {
        boxKeys: [{ id: 1, publicKey: teamBoxPublicKey, fingerprint: keyFingerprint(sodium, teamBoxPublicKey) }],
        signPublicKey: teamSignPublicKey,
        signFingerprint: keyFingerprint(sodium, teamSignPublicKey),
        demo: false,
      },
    };
  } finally {
    sodium.memzero(box.privateKey);
    sodium.memzero(signSeed);
    sodium.memzero(sign.privateKey);
  }
}
