import { floorToHour } from './floorToHour';

const HOUR_MS = 3_600_000;

/**
 * The latest arrival hour whose bundles have all outlived the time-to-live. Only the hour of
 * arrival is stored, so a bundle is kept at least ttlMs and at most ttlMs plus one hour.
 */
export function expiryCutoff(nowMs: number, ttlMs: number): number {
  if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
  return floorToHour(nowMs - ttlMs - HOUR_MS);
}
