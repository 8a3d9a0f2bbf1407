import { argon2id } from 'hash-wasm';
import { utf8Encode } from './bytes';
import type { KdfParams } from './kdfParams';

/**
 * Derives a 32-byte key from a passphrase with Argon2id. The passphrase is NFKC-normalised so that
 * the same words typed on two keyboards (e.g. Kazakh letters composed differently) give the same key.
 * Runs on the calling thread: the app calls it through `deriveKeyOffThread`.
 */
export async function deriveKeyFromPassphrase(passphrase: string, params: KdfParams): Promise<Uint8Array> {
  const password = utf8Encode(passphrase.normalize('NFKC'));
  // The UI never offers an empty passphrase, so one reaching here is a bug.
  if (password.length === 0) throw new RangeError('deriveKeyFromPassphrase: passphrase must not be empty');
  return argon2idRaw({
    password,
    salt: params.salt,
    memoryKiB: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
  });
}

export interface Argon2idInput {
  readonly password: Uint8Array;
  readonly salt: Uint8Array;
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly hashLength: number;
  /** RFC 9106 "secret" (K). There is no associated-data input: hash-wasm would silently ignore one. */
  readonly secret?: Uint8Array;
}

/**
 * Raw Argon2id (RFC 9106), exposed so tests can compare it with an independent implementation.
 * hash-wasm needs a password of at least 1 byte and a salt of at least 8.
 */
export async function argon2idRaw(input: Argon2idInput): Promise<Uint8Array> {
  if (input.password.length === 0) throw new RangeError('argon2idRaw: password must not be empty');
  if (input.salt.length < 8) throw new RangeError('argon2idRaw: salt must be at least 8 bytes');
  return argon2id({
    password: input.password,
    salt: input.salt,
    memorySize: input.memoryKiB,
    iterations: input.iterations,
    parallelism: input.parallelism,
    hashLength: input.hashLength,
    outputType: 'binary',
    ...(input.secret ? { secret: input.secret } : {}),
  });
}
