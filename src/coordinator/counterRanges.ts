export interface CounterRange {
  readonly first: number;
  readonly last: number;
}

/**
 * The counters from 1 up to the highest seen that were not seen, as ranges. Works from the seen
 * counters alone, so a device claiming counter 4,000,000,000 costs no more than one claiming 4.
 */
export function missingRanges(seen: Iterable<number>): CounterRange[] {
  const sorted = [...new Set(seen)].sort((a, b) => a - b);
  const missing: CounterRange[] = [];
  let expected = 1;
  for (const counter of sorted) {
    if (counter > expected) missing.push({ first: expected, last: counter - 1 });
    expected = Math.max(expected, counter + 1);
  }
  return missing;
}
