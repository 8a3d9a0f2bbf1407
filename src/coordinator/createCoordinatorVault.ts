import { toBase64Url, wipe } from '../crypto/bytes';
import { deriveKeyOffThread } from '../crypto/deriveKeyOffThread';
import { checkKdfParams, KDF_DEFAULTS, KDF_SALT_BYTES } from '../crypto/kdfParams';
import type { KdfParams } from '../crypto/kdfParams';
import { generateKey, wrapKey } from '../crypto/keyWrap';
import { randomBytes } from '../crypto/random';
import { generateSigningKeyPair } from '../crypto/signingKeys';
import { generateBoxKeyPair } from '../crypto/x25519';
import { assessPassphrase } from '../domain/passphraseStrength';
import type { PassphraseProblem } from '../domain/passphraseStrength';
import { coordinatorFiles } from './CoordinatorStorage';
import type { CoordinatorStorage } from './CoordinatorStorage';
import { COORDINATOR_STATE_VERSION } from './coordinatorState';
import type { CoordinatorState } from './coordinatorState';
import type { CoordinatorVault } from './CoordinatorVault';
import { encodeVaultWithState } from './saveCoordinatorState';

export interface CreateCoordinatorVaultInput {
  readonly passphrase: string;
  /** How this coordinator is named in the invites it writes. */
  readonly name: string;
  /** Argon2id cost; defaults to KDF_DEFAULTS. Tests pass the floor to run faster; below the floor throws. */
  readonly kdfCost?: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;
}

export type CreateCoordinatorVaultResult =
  | { ok: true; value: CoordinatorVault }
  | { ok: false; reason: 'exists' }
  | { ok: false; reason: 'weak-passphrase'; problems: readonly PassphraseProblem[] };

/**
 * Creates coordinator.json: a random data key wrapped under Argon2id(NFKC(passphrase)), and fresh
 * X25519 and Ed25519 key pairs with no organisation yet, encrypted under the data key.
 */
export async function createCoordinatorVault(storage: CoordinatorStorage, input: CreateCoordinatorVaultInput): Promise<CreateCoordinatorVaultResult> {
  const name = input.name.trim();
  if (name === '') throw new TypeError('createCoordinatorVault: input.name must not be empty');
  const kdf: KdfParams = { algorithm: 'argon2id', ...(input.kdfCost ?? KDF_DEFAULTS), salt: randomBytes(KDF_SALT_BYTES) };
  const problem = checkKdfParams(kdf);
  if (problem !== null) throw new RangeError(`createCoordinatorVault: input.kdfCost is ${problem}`);
  const assessment = assessPassphrase(input.passphrase);
  if (!assessment.acceptable) return { ok: false, reason: 'weak-passphrase', problems: assessment.problems };
  if ((await storage.read(coordinatorFiles.vault)) !== null) return { ok: false, reason: 'exists' };

  const kek = await deriveKeyOffThread(input.passphrase, kdf);
  const dataKey = generateKey();
  const wrappedKey = wrapKey(kek, dataKey);
  wipe(kek);
  const box = generateBoxKeyPair();
  const sign = generateSigningKeyPair();
  const state: CoordinatorState = {
    version: COORDINATOR_STATE_VERSION,
    name,
    boxSecretKey: toBase64Url(box.secretKey),
    signSeed: toBase64Url(sign.secretKey.subarray(0, 32)),
    organisations: [],
  };
  wipe(box.secretKey);
  wipe(sign.secretKey);
  const created = await storage.create(coordinatorFiles.vault, encodeVaultWithState({ kdf, wrappedKey, dataKey }, state));
  if (created === 'exists') {
    wipe(dataKey);
    return { ok: false, reason: 'exists' };
  }
  return { ok: true, value: { kdf, wrappedKey, dataKey, state } };
}
