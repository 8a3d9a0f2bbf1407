// Ed25519 verification and X25519 through the platform's Web Crypto (Node 20+, Chromium 137+, Firefox
// 130+, Safari 17+): native code, 20-50x faster than tweetnacl's JavaScript curve maths, which is what a
// coordinator opening thousands of bundles pays for. Used only where it was first proven to give the
// RFC answers (`webCryptoCurves()` resolves null otherwise, and callers keep tweetnacl), and only for
// public-key checks and the coordinator's own X25519: results are defined by the strict wrappers, not by it.
import { fromHex } from './bytes';

/** RFC 8032 §7.1 test 1: the empty message signed by this key. */
const RFC8032_PUBLIC_KEY = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const RFC8032_SIGNATURE = fromHex(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
);
/** RFC 7748 §6.1: Alice's secret key, Bob's public key, and their shared secret. */
const RFC7748_ALICE_SECRET = fromHex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
const RFC7748_BOB_PUBLIC = fromHex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
const RFC7748_SHARED = fromHex('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');

/** PKCS #8 prefix of an X25519 private key (RFC 8410): the 32 raw secret bytes follow it. */
const X25519_PKCS8_PREFIX = fromHex('302e020100300506032b656e04220420');

export interface WebCryptoCurves {
  /** Plain Ed25519 verification (the strict checks are the caller's). */
  verifyEd25519(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): Promise<boolean>;
  /** Raw X25519; null where Web Crypto refuses the point (an all-zero result, RFC 7748 §6.1). */
  x25519(secretKey: Uint8Array, publicKey: Uint8Array): Promise<Uint8Array | null>;
}

/** A copy backed by its own ArrayBuffer, as Web Crypto's BufferSource typing asks. */
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** Bounded, so a hostile stream of device keys cannot grow it without limit. */
const MAX_CACHED_PUBLIC_KEYS = 1024;

function createCurves(subtle: SubtleCrypto): WebCryptoCurves {
  // Importing costs about as much as verifying; coordinators see the same few devices again and again.
  const publicKeys = new Map<string, Promise<CryptoKey>>();
  const secretKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

  const ed25519Key = (publicKey: Uint8Array): Promise<CryptoKey> => {
    const cacheKey = String.fromCharCode(...publicKey);
    let key = publicKeys.get(cacheKey);
    if (key === undefined) {
      if (publicKeys.size >= MAX_CACHED_PUBLIC_KEYS) publicKeys.clear();
      key = subtle.importKey('raw', own(publicKey), { name: 'Ed25519' }, false, ['verify']);
      publicKeys.set(cacheKey, key);
    }
    return key;
  };

  const x25519Key = (secretKey: Uint8Array): Promise<CryptoKey> => {
    // Keyed by the array itself: a coordinator's secret key object lives as long as its unlocked vault.
    let key = secretKeys.get(secretKey);
    if (key === undefined) {
      const pkcs8 = new Uint8Array(X25519_PKCS8_PREFIX.length + secretKey.length);
      pkcs8.set(X25519_PKCS8_PREFIX);
      pkcs8.set(secretKey, X25519_PKCS8_PREFIX.length);
      key = subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, false, ['deriveBits']);
      secretKeys.set(secretKey, key);
      const wipe = (): void => void pkcs8.fill(0);
      // then(ok, failed), not finally(): a derived promise that rejects unobserved would be reported as unhandled.
      void key.then(wipe, wipe);
    }
    return key;
  };

  return {
    async verifyEd25519(message, signature, publicKey) {
      let key: CryptoKey;
      try {
        key = await ed25519Key(publicKey);
      } catch {
        publicKeys.delete(String.fromCharCode(...publicKey));
        return false; // not a point on the curve: no signature verifies under it
      }
      try {
        return await subtle.verify({ name: 'Ed25519' }, key, own(signature), own(message));
      } catch {
        return false;
      }
    },
    async x25519(secretKey, publicKey) {
      const privateKey = await x25519Key(secretKey);
      try {
        const peer = await subtle.importKey('raw', own(publicKey), { name: 'X25519' }, false, []);
        return new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: peer }, privateKey, 256));
      } catch {
        return null;
      }
    },
  };
}

async function provenCurves(): Promise<WebCryptoCurves | null> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return null;
  try {
    const curves = createCurves(subtle);
    const verified = await curves.verifyEd25519(new Uint8Array(0), RFC8032_SIGNATURE, RFC8032_PUBLIC_KEY);
    const forged = own(RFC8032_SIGNATURE);
    forged[0] = (forged[0] ?? 0) ^ 1;
    const refused = !(await curves.verifyEd25519(new Uint8Array(0), forged, RFC8032_PUBLIC_KEY));
    const shared = await curves.x25519(own(RFC7748_ALICE_SECRET), RFC7748_BOB_PUBLIC);
    const agrees = shared !== null && shared.length === RFC7748_SHARED.length && shared.every((b, i) => b === RFC7748_SHARED[i]);
    return verified && refused && agrees ? curves : null;
  } catch {
    return null; // an engine without Ed25519/X25519 in Web Crypto: tweetnacl it is
  }
}

let proven: Promise<WebCryptoCurves | null> | null = null;

/** Web Crypto's curves once they gave the RFC answers here; null where they are missing or wrong. */
export function webCryptoCurves(): Promise<WebCryptoCurves | null> {
  proven ??= provenCurves();
  return proven;
}
