// Whether a device believes an organisation update (PROTOCOL.md, "Organisation updates"): only one
// signed by a coordinator it pins right now, for its own organisation, newer than the last it applied.
// A key the update itself adds can never vouch for that update: trust flows only from what is pinned.
import { fromBase64Url, toBase64Url, utf8Decode } from '../crypto/bytes';
import { isUsableBoxPublicKey } from '../crypto/boxPublicKey';
import { SIGNATURE_BYTES, SIGNING_PUBLIC_KEY_BYTES, verifyDetachedStrict } from '../crypto/verifyStrict';
import { orgUpdateSignedMessage, orgUpdateStatementSchema } from './orgUpdateStatement';
import type { OrgUpdateStatement } from './orgUpdateStatement';

export type OrgUpdateRefusal =
  /** The signer's key is not among the keys pinned now (a stranger, a removed coordinator, or a key the update adds). */
  | 'unknown-signer'
  /** Names a pinned signer, but the signature does not verify (altered, or forged). */
  | 'bad-signature'
  /** Signed, but for another organisation's mailbox. */
  | 'wrong-organisation'
  /** Its sequence is not above the last applied one: a replay or an older update arriving late. */
  | 'stale'
  /** Not an update of a format this code reads, or a listed key nobody could use. */
  | 'malformed'
  /** Would leave the organisation with no coordinator to seal to. */
  | 'no-coordinators';

/** What a device pins now; `lastSequence` is 0 until the first update is applied. */
export interface PinnedOrganisation {
  readonly mailboxId: string;
  readonly coordinators: readonly { readonly name: string; readonly signPublicKey: string }[];
  readonly lastSequence: number;
}

export interface AcceptedOrgUpdate {
  readonly statement: OrgUpdateStatement;
  /** The pinned coordinator who signed it, as pinned. */
  readonly signer: { readonly name: string; readonly signPublicKey: string };
}

export type AcceptOrgUpdateResult = { ok: true; value: AcceptedOrgUpdate } | { ok: false; reason: OrgUpdateRefusal };

/** Envelope: signer's Ed25519 public key (32) || signature (64) || statement JSON. */
export const ORG_UPDATE_HEADER_BYTES = SIGNING_PUBLIC_KEY_BYTES + SIGNATURE_BYTES;

function isUsableKeyText(text: string, check: (key: Uint8Array) => boolean): boolean {
  const key = fromBase64Url(text);
  return key !== null && key.length === 32 && toBase64Url(key) === text && check(key);
}

/** `envelope` is the unpadded plaintext of a sealed update (see openOrgUpdate). */
export function acceptOrgUpdate(pinned: PinnedOrganisation, envelope: Uint8Array): AcceptOrgUpdateResult {
  if (!(envelope instanceof Uint8Array)) throw new TypeError('acceptOrgUpdate: envelope must be a Uint8Array');
  if (!Number.isSafeInteger(pinned.lastSequence) || pinned.lastSequence < 0) throw new TypeError('acceptOrgUpdate: pinned.lastSequence must be a non-negative integer');
  if (envelope.length <= ORG_UPDATE_HEADER_BYTES) return { ok: false, reason: 'malformed' };
  const signerKey = envelope.subarray(0, SIGNING_PUBLIC_KEY_BYTES);
  const signature = envelope.subarray(SIGNING_PUBLIC_KEY_BYTES, ORG_UPDATE_HEADER_BYTES);
  const statementJson = envelope.subarray(ORG_UPDATE_HEADER_BYTES);
  const signerText = toBase64Url(signerKey);
  const signer = pinned.coordinators.find((coordinator) => coordinator.signPublicKey === signerText);
  if (signer === undefined) return { ok: false, reason: 'unknown-signer' };
  if (!verifyDetachedStrict(orgUpdateSignedMessage(statementJson), signature, signerKey)) return { ok: false, reason: 'bad-signature' };
  let json: unknown;
  try {
    json = JSON.parse(utf8Decode(statementJson));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = orgUpdateStatementSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const statement = parsed.data;
  if (statement.mailboxId !== pinned.mailboxId) return { ok: false, reason: 'wrong-organisation' };
  if (statement.sequence <= pinned.lastSequence) return { ok: false, reason: 'stale' };
  if (statement.coordinators.length === 0) return { ok: false, reason: 'no-coordinators' };
  const usable = statement.coordinators.every(
    (c) => isUsableKeyText(c.boxPublicKey, isUsableBoxPublicKey) && isUsableKeyText(c.signPublicKey, (key) => key.some((byte) => byte !== 0)),
  );
  if (!usable) return { ok: false, reason: 'malformed' };
  return { ok: true, value: { statement, signer: { name: signer.name, signPublicKey: signer.signPublicKey } } };
}
