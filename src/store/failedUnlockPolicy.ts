import type { VaultRow } from './schema';
import type { FailedUnlockLimit } from './storeApi';

/** The choices offered in settings, 0 (off) first. */
export const FAILED_UNLOCK_LIMITS: readonly FailedUnlockLimit[] = [0, 5, 10, 20];

/** The lock screen warns from this many attempts left (issue: "a warning when 3 remain"). */
export const WARN_WHEN_ATTEMPTS_LEFT = 3;

export function isFailedUnlockLimit(value: unknown): value is FailedUnlockLimit {
  return FAILED_UNLOCK_LIMITS.some((limit) => limit === value);
}

/**
 * The stored limit. A missing value (older rows) or any other number is off: the field is in the clear, and
 * whoever can write storage can also copy it and guess offline, so the limit only guards the unlock screen.
 */
export function failedUnlockLimitOf(row: VaultRow | undefined): FailedUnlockLimit {
  const limit = row?.failedUnlockLimit;
  return isFailedUnlockLimit(limit) ? limit : 0;
}

/** Attempts left before the wipe, or null when the limit is off. */
export function attemptsLeft(limit: FailedUnlockLimit, failedUnlocks: number): number | null {
  if (limit === 0) return null;
  return Math.max(0, limit - failedUnlocks);
}

/** True when a wrong passphrase was just counted as attempt number `failedUnlocks` and the limit says wipe. */
export function limitReached(limit: FailedUnlockLimit, failedUnlocks: number): boolean {
  return limit !== 0 && failedUnlocks >= limit;
}
