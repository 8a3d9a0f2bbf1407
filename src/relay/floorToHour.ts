const HOUR_MS = 3_600_000;

/** Rounds a Unix time in milliseconds down to the start of its UTC hour: the relay stores no finer time. */
export function floorToHour(epochMs: number): number {
  if (!Number.isFinite(epochMs)) throw new RangeError(`epochMs must be a finite number, got ${epochMs}`);
  return Math.floor(epochMs / HOUR_MS) * HOUR_MS;
}

/** `2025-03-01T14:00:00Z` for any time within that hour. */
export function formatHour(epochMs: number): string {
  return `${new Date(floorToHour(epochMs)).toISOString().slice(0, 13)}:00:00Z`;
}
