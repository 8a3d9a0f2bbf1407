export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 15 * 60_000;

export interface BackoffInput {
  /** Consecutive failed attempts, 1 for the first. */
  readonly attempt: number;
  /** Uniform in [0, 1): Math.random, or a fixed value in tests. */
  readonly random: () => number;
  /** The relay's Retry-After in milliseconds, if it sent one. */
  readonly retryAfterMs?: number | null;
  /** Wait as long as the cap allows at once (the relay's disk is full: it will not be fixed in seconds). */
  readonly long?: boolean;
}

/**
 * Milliseconds to wait before the next attempt: exponential from 1 s, capped at 15 min, with "equal
 * jitter" (a random point in the upper half) so that phones that failed together do not retry together.
 * Retry-After raises the wait, but is itself capped: a wrong or hostile header cannot stop delivery for days.
 */
export function backoffDelay({ attempt, random, retryAfterMs = null, long = false }: BackoffInput): number {
  if (!Number.isSafeInteger(attempt) || attempt < 1) throw new RangeError(`backoffDelay: attempt must be a positive integer, got ${String(attempt)}`);
  if (retryAfterMs !== null && !(retryAfterMs >= 0)) throw new RangeError(`backoffDelay: retryAfterMs must be a non-negative number, got ${String(retryAfterMs)}`);
  const ceiling = long ? BACKOFF_CAP_MS : Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt - 1, 30));
  const r = random();
  if (!(r >= 0 && r < 1)) throw new RangeError(`backoffDelay: random() must return a number in [0, 1), got ${String(r)}`);
  const jittered = Math.floor(ceiling / 2 + (r * ceiling) / 2);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, BACKOFF_CAP_MS));
}
