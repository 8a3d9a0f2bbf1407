import { wipe } from './bytes';
import { BOX_PUBLIC_KEY_BYTES, sharedSecretStrict } from './x25519';

/** Any clamped scalar will do: a clamped scalar is a multiple of the cofactor 8 and smaller than L. */
const PROBE_SCALAR = new Uint8Array(32).fill(0x5a);

/**
 * Whether an X25519 public key can be sealed to: 32 bytes and not of low order (a low-order key would
 * make every "shared" secret all zeros). Meant for the boundary, e.g. when an invite is read.
 */
export function isUsableBoxPublicKey(publicKey: Uint8Array): boolean {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== BOX_PUBLIC_KEY_BYTES) return false;
  const probe = sharedSecretStrict(PROBE_SCALAR, publicKey);
  if (probe.ok) wipe(probe.value);
  return probe.ok;
}
