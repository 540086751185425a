// Member certificates (protocol version 2): the team lead's browser signs, with the
// team signing key pinned in the bundle, which keys belong to which member in which
// role. Every console checks a member's certificate before it seals anything to them,
// so a server that swaps a public key is caught instead of trusted.
import * as v from 'valibot';
import { signStatement, verifyStatement } from './signedStatement';
import type { Sodium } from './sodium';

export const CERT_LABEL = 'achterom/member-cert/v2\n';

export const MemberCertificateBody = v.strictObject({
  v: v.literal(2),
  memberId: v.string(),
  username: v.string(),
  /** null only for the privacy officer, certified by the organisation key. */
  teamId: v.nullable(v.string()),
  role: v.picklist(['intake', 'casemanager', 'teamlead', 'privacy']),
  boxPublicKey: v.string(),
  signPublicKey: v.string(),
  /** UTC days, YYYY-MM-DD. */
  issuedDay: v.pipe(v.string(), v.isoDate()),
  validUntilDay: v.pipe(v.string(), v.isoDate()),
  /** Who signed: the team lead (team key) or the municipality (organisation key). */
  issuerId: v.string(),
});
export type MemberCertificateBody = v.InferOutput<typeof MemberCertificateBody>;

/** A certificate as stored and served: the exact signed JSON text and its signature. */
export interface SignedCertificate {
  certificate: string;
  signature: string;
}

/** What the API says about a member; the certificate must agree with all of it. */
export interface MemberClaim {
  id: string;
  username?: string;
  teamId: string | null;
  role: string;
  /** Undefined: not checked (the audit check knows only who acted, not their keys). */
  boxPublicKey?: string;
  signPublicKey?: string;
}

export type CertificateProblem = 'missing' | 'malformed' | 'bad_signature' | 'mismatch' | 'expired';
export type CertificateCheck = { ok: true; body: MemberCertificateBody } | { ok: false; problem: CertificateProblem };

/** Default validity: certificates are renewed with the yearly key check. */
export const CERTIFICATE_VALID_DAYS = 400;

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function issueCertificate(sodium: Sodium, issuerSignSecretKey: Uint8Array, body: MemberCertificateBody): SignedCertificate {
  const certificate = JSON.stringify(v.parse(MemberCertificateBody, body));
  return { certificate, signature: signStatement(sodium, issuerSignSecretKey, CERT_LABEL + certificate) };
}

/**
 * Checks a certificate against the issuer key pinned for its team (or the organisation
 * key for the privacy officer) and against what the API claims about the member.
 */
export function verifyCertificate(
  sodium: Sodium,
  signed: { certificate?: string | null; signature?: string | null } | null | undefined,
  issuerSignPublicKey: (teamId: string | null) => string | undefined,
  claim: MemberClaim,
  today: string,
): CertificateCheck {
  if (!signed?.certificate || !signed.signature) return { ok: false, problem: 'missing' };
  let raw: unknown;
  try {
    raw = JSON.parse(signed.certificate);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const parsed = v.safeParse(MemberCertificateBody, raw);
  if (!parsed.success) return { ok: false, problem: 'malformed' };
  const body = parsed.output;
  // The privacy officer, and only they, stand outside the teams.
  if ((body.role === 'privacy') !== (body.teamId === null)) return { ok: false, problem: 'malformed' };
  const issuerKey = issuerSignPublicKey(body.teamId);
  if (!issuerKey || !verifyStatement(sodium, issuerKey, CERT_LABEL + signed.certificate, signed.signature)) return { ok: false, problem: 'bad_signature' };
  const agrees =
    body.memberId === claim.id &&
    body.teamId === claim.teamId &&
    body.role === claim.role &&
    (claim.boxPublicKey === undefined || body.boxPublicKey === claim.boxPublicKey) &&
    (claim.username === undefined || body.username === claim.username) &&
    (claim.signPublicKey === undefined || body.signPublicKey === claim.signPublicKey);
  if (!agrees) return { ok: false, problem: 'mismatch' };
  if (today > body.validUntilDay) return { ok: false, problem: 'expired' };
  return { ok: true, body };
}
