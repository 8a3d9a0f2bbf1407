import { fromBase64Url, toBase64Url } from '../crypto/bytes';
import { fingerprint } from '../crypto/fingerprint';
import { signingKeyPairFromSeed } from '../crypto/signingKeys';
import type { SigningKeyPair } from '../crypto/signingKeys';
import { boxKeyPairFromSecretKey } from '../crypto/x25519';
import type { BoxKeyPair } from '../crypto/x25519';
import type { InviteCoordinator } from '../protocol/invite';
import type { CoordinatorState } from './coordinatorState';

export interface CoordinatorIdentity {
  readonly box: BoxKeyPair;
  /** Key pairs used before a key renewal, newest first: bundles sealed to them still open. */
  readonly retiredBoxes: readonly BoxKeyPair[];
  readonly sign: SigningKeyPair;
  /** This coordinator as an invite lists it: name and both public keys. */
  readonly inviteEntry: InviteCoordinator;
  /** Fingerprints people compare with what a monitor's device shows after joining. */
  readonly boxFingerprint: string;
  readonly signFingerprint: string;
}

function decodeKey(text: string, field: string): Uint8Array {
  const bytes = fromBase64Url(text);
  // The state was authenticated and schema-checked when the vault opened, so a bad key here is a bug.
  if (bytes === null || bytes.length !== 32) throw new TypeError(`coordinatorIdentity: state.${field} must be 32 bytes of base64url`);
  return bytes;
}

/** The key pairs behind a coordinator's state. */
export function coordinatorIdentity(state: CoordinatorState): CoordinatorIdentity {
  const box = boxKeyPairFromSecretKey(decodeKey(state.boxSecretKey, 'boxSecretKey'));
  const sign = signingKeyPairFromSeed(decodeKey(state.signSeed, 'signSeed'));
  return {
    box,
    retiredBoxes: (state.retiredBoxSecretKeys ?? []).map((key, i) => boxKeyPairFromSecretKey(decodeKey(key, `retiredBoxSecretKeys[${i}]`))),
    sign,
    inviteEntry: { name: state.name, boxPublicKey: toBase64Url(box.publicKey), signPublicKey: toBase64Url(sign.publicKey) },
    boxFingerprint: fingerprint(box.publicKey),
    signFingerprint: fingerprint(sign.publicKey),
  };
}
