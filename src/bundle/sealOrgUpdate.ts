// A coordinator's organisation update for one device: the signed envelope (see acceptOrgUpdate), padded
// and sealed to the device's X25519 key, and addressed to its device mailbox like a receipt.
import { concatBytes } from '../crypto/bytes';
import { deviceMailboxId } from '../crypto/deviceMailboxId';
import { ed25519PublicKeyToX25519 } from '../crypto/ed25519ToX25519';
import { padToBucket } from '../crypto/padding';
import { sealToPublicKey } from '../crypto/sealedBox';
import { signDetached } from '../crypto/signingKeys';
import type { SigningKeyPair } from '../crypto/signingKeys';
import { encodeOrgUpdateStatement, orgUpdateSignedMessage } from './orgUpdateStatement';
import type { OrgUpdateStatement } from './orgUpdateStatement';

/** The signed, unsealed envelope: signer key || signature || statement JSON. */
export function signOrgUpdate(statement: OrgUpdateStatement, coordinator: SigningKeyPair): Uint8Array {
  const json = encodeOrgUpdateStatement(statement);
  return concatBytes(coordinator.publicKey, signDetached(orgUpdateSignedMessage(json), coordinator.secretKey), json);
}

export interface SealedOrgUpdate {
  /** Where to put it on the relay. */
  readonly deviceMailbox: string;
  readonly bytes: Uint8Array;
}

/** Answers null when the device key has no usable X25519 counterpart. */
export function sealOrgUpdate(statement: OrgUpdateStatement, coordinator: SigningKeyPair, devicePublicKey: Uint8Array): SealedOrgUpdate | null {
  const recipient = ed25519PublicKeyToX25519(devicePublicKey);
  if (recipient === null) return null;
  return { deviceMailbox: deviceMailboxId(devicePublicKey), bytes: sealToPublicKey(padToBucket(signOrgUpdate(statement, coordinator)), recipient) };
}
