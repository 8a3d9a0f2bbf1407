// Writes an organisation file for another coordinator (PROTOCOL.md, "Organisation file"): everything they
// need to pull the mailbox, signed by this coordinator and sealed to their X25519 key. Only a coordinator
// already listed in the organisation's invite (add-key first) can be given one. This coordinator's reader
// id stays out: the receiver picks its own, or the relay would count two coordinators as one.
import { concatBytes, fromBase64Url, toBase64Url } from '../crypto/bytes';
import { isUsableBoxPublicKey } from '../crypto/boxPublicKey';
import { padToBucket } from '../crypto/padding';
import { sealToPublicKey } from '../crypto/sealedBox';
import { signDetached } from '../crypto/signingKeys';
import { coordinatorIdentity } from './coordinatorIdentity';
import type { CoordinatorState } from './coordinatorState';
import {
  encodeOrganisationShareStatement,
  organisationShareSignedMessage,
  ORGANISATION_FILE_FORMAT,
  ORGANISATION_FILE_VERSION,
} from './organisationShareFile';

export type ShareOrganisationFailure =
  /** No organisation with that mailbox in this vault. */
  | 'unknown-organisation'
  /** The key is not 32 bytes of canonical base64url, or is not a usable X25519 key. */
  | 'bad-key'
  /** The key is not one of the organisation's listed coordinators: add it first (add-key). */
  | 'not-listed'
  /** The key is this coordinator's own. */
  | 'self';

export type ShareOrganisationResult =
  | { readonly ok: true; readonly value: { readonly text: string; readonly recipientName: string } }
  | { readonly ok: false; readonly reason: ShareOrganisationFailure };

const HOUR_MS = 3_600_000;

/** The file's text (JSON, one trailing newline) for the coordinator whose X25519 public key is `recipientBoxKey`. */
export function shareOrganisation(state: CoordinatorState, mailboxId: string, recipientBoxKey: string, now: Date): ShareOrganisationResult {
  const org = state.organisations.find((o) => o.mailboxId === mailboxId);
  if (org === undefined) return { ok: false, reason: 'unknown-organisation' };
  const key = recipientBoxKey.trim();
  const recipient = fromBase64Url(key);
  if (recipient === null || recipient.length !== 32 || toBase64Url(recipient) !== key || !isUsableBoxPublicKey(recipient)) return { ok: false, reason: 'bad-key' };
  const identity = coordinatorIdentity(state);
  if (key === identity.inviteEntry.boxPublicKey) return { ok: false, reason: 'self' };
  const listed = org.invite.coordinators.find((c) => c.boxPublicKey === key);
  if (listed === undefined) return { ok: false, reason: 'not-listed' };
  const json = encodeOrganisationShareStatement({
    format: ORGANISATION_FILE_VERSION,
    recipient: key,
    name: org.name,
    mailboxId: org.mailboxId,
    uploadToken: org.uploadToken,
    pullToken: org.pullToken,
    relays: org.relays.map((r) => r.url),
    invite: org.invite,
    appUrl: org.appUrl,
    issuedAtHour: Math.floor(now.getTime() / HOUR_MS),
  });
  const signed = concatBytes(identity.sign.publicKey, signDetached(organisationShareSignedMessage(json), identity.sign.secretKey), json);
  const sealed = sealToPublicKey(padToBucket(signed), recipient);
  const text = `${JSON.stringify({ format: ORGANISATION_FILE_FORMAT, version: ORGANISATION_FILE_VERSION, sealed: toBase64Url(sealed) })}\n`;
  return { ok: true, value: { text, recipientName: listed.name } };
}
