/** Argon2id parameters stored beside a wrapped key (DESIGN.md §4). */
export interface KdfParams {
  readonly algorithm: 'argon2id';
  /** Memory in KiB. */
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  /** 16 random bytes. */
  readonly salt: Uint8Array;
}

export const KDF_DEFAULTS = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;
/** OWASP's minimum for Argon2id; a stored header below this is refused, not used. */
export const KDF_FLOOR = { memoryKiB: 19 * 1024, iterations: 2 } as const;
/** Upper bounds so that a tampered header cannot make unlock hang or exhaust memory. */
export const KDF_CEILING = { memoryKiB: 1024 * 1024, iterations: 64, parallelism: 16 } as const;
export const KDF_SALT_BYTES = 16;

export type KdfParamsProblem = 'unknown-algorithm' | 'below-floor' | 'above-ceiling' | 'bad-salt';

/** Checks parameters read from storage before they are used. */
export function checkKdfParams(params: KdfParams): KdfParamsProblem | null {
  if (params.algorithm !== 'argon2id') return 'unknown-algorithm';
  if (!(params.salt instanceof Uint8Array) || params.salt.length !== KDF_SALT_BYTES) return 'bad-salt';
  const ints = [params.memoryKiB, params.iterations, params.parallelism];
  if (!ints.every((n) => Number.isSafeInteger(n) && n > 0)) return 'below-floor';
  if (params.memoryKiB < KDF_FLOOR.memoryKiB || params.iterations < KDF_FLOOR.iterations) return 'below-floor';
  if (params.memoryKiB > KDF_CEILING.memoryKiB || params.iterations > KDF_CEILING.iterations || params.parallelism > KDF_CEILING.parallelism) {
    return 'above-ceiling';
  }
  return null;
}
