// coordinator.json: the only part of a coordinator's vault in the clear is what unlocking needs, the
// Argon2id header and the wrapped data key. Everything else is one secretbox under the data key.
import { z } from 'zod';
import { fromBase64Url, toBase64Url, utf8Decode, utf8Encode } from '../crypto/bytes';
import type { KdfParams } from '../crypto/kdfParams';

export const COORDINATOR_VAULT_FORMAT = 'dala-coordinator-vault';
export const COORDINATOR_VAULT_VERSION = 1;

export interface CoordinatorVaultFile {
  readonly kdf: KdfParams;
  /** secretbox(KEK, data key), nonce first. */
  readonly wrappedKey: Uint8Array;
  /** secretbox(data key, UTF-8 JSON of CoordinatorState), nonce first. */
  readonly sealedState: Uint8Array;
}

const bytesSchema = z.string().transform((text, ctx) => {
  const bytes = fromBase64Url(text);
  if (bytes === null) {
    ctx.addIssue({ code: 'custom', message: 'not base64url' });
    return z.NEVER;
  }
  return bytes;
});

const vaultFileSchema = z.strictObject({
  format: z.literal(COORDINATOR_VAULT_FORMAT),
  version: z.literal(COORDINATOR_VAULT_VERSION),
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.number(),
    iterations: z.number(),
    parallelism: z.number(),
    salt: bytesSchema,
  }),
  wrappedKey: bytesSchema,
  state: bytesSchema,
});

export function encodeCoordinatorVaultFile(file: CoordinatorVaultFile): Uint8Array {
  const { kdf } = file;
  const json = {
    format: COORDINATOR_VAULT_FORMAT,
    version: COORDINATOR_VAULT_VERSION,
    kdf: { algorithm: kdf.algorithm, memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, parallelism: kdf.parallelism, salt: toBase64Url(kdf.salt) },
    wrappedKey: toBase64Url(file.wrappedKey),
    state: toBase64Url(file.sealedState),
  };
  return utf8Encode(`${JSON.stringify(json, null, 2)}\n`);
}

/** Null when the bytes are not a version-1 vault file; the KDF numbers are range-checked by the caller. */
export function parseCoordinatorVaultFile(bytes: Uint8Array): CoordinatorVaultFile | null {
  let json: unknown;
  try {
    json = JSON.parse(utf8Decode(bytes));
  } catch {
    return null;
  }
  const parsed = vaultFileSchema.safeParse(json);
  if (!parsed.success) return null;
  return { kdf: parsed.data.kdf, wrappedKey: parsed.data.wrappedKey, sealedState: parsed.data.state };
}
