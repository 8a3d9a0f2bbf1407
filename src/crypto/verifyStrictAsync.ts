import nacl from 'tweetnacl';
import { passesStrictChecks } from './verifyStrict';
import { webCryptoCurves } from './webCryptoCurves';

/**
 * `verifyDetachedStrict` with the curve maths in native code where the platform's Web Crypto has
 * Ed25519: same refusals (wrong lengths, S >= L) checked here first, same answers on the Wycheproof set
 * (tests/unit/crypto/ed25519Wycheproof.test.ts runs both). Falls back to tweetnacl elsewhere.
 */
export async function verifyDetachedStrictAsync(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  if (!passesStrictChecks('verifyDetachedStrictAsync', message, signature, publicKey)) return false;
  const curves = await webCryptoCurves();
  return curves === null ? nacl.sign.detached.verify(message, signature, publicKey) : curves.verifyEd25519(message, signature, publicKey);
}
