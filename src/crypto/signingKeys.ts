import nacl from 'tweetnacl';

export interface SigningKeyPair {
  /** 32-byte Ed25519 public key: the device id a coordinator sees. */
  readonly publicKey: Uint8Array;
  /** 64-byte tweetnacl secret key (seed || public key). */
  readonly secretKey: Uint8Array;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const pair = nacl.sign.keyPair();
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

export function signingKeyPairFromSeed(seed: Uint8Array): SigningKeyPair {
  if (seed.length !== 32) throw new TypeError('signingKeyPairFromSeed: seed must be 32 bytes');
  const pair = nacl.sign.keyPair.fromSeed(seed);
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

export function signDetached(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== 64) throw new TypeError('signDetached: secretKey must be 64 bytes');
  return nacl.sign.detached(message, secretKey);
}
