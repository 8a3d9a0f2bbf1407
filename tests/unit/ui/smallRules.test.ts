import { describe, expect, it } from 'vitest';
import { whenForPrecision } from '../../../src/ui/form/whenForPrecision';
import { lockTimeoutOptions } from '../../../src/ui/settings/lockTimeoutChoices';
import { describedBy } from '../../../src/ui/components/describedBy';

describe('whenForPrecision', () => {
  it('keeps what is still true when the date becomes coarser', () => {
    expect(whenForPrecision('2026-03-14T06:10', 'exact', 'day')).toBe('2026-03-14');
    expect(whenForPrecision('2026-03-14T06:10', 'exact', 'month')).toBe('2026-03');
    expect(whenForPrecision('2026-03-14', 'day', 'month')).toBe('2026-03');
  });

  it('does not invent the missing part when it becomes finer', () => {
    expect(whenForPrecision('2026-03', 'month', 'day')).toBe('');
    expect(whenForPrecision('2026-03-14', 'day', 'exact')).toBe('');
    expect(whenForPrecision('2026-03-14', 'day', 'day')).toBe('2026-03-14');
  });
});

describe('lockTimeoutOptions', () => {
  it('offers the usual choices in order, plus an unusual current value', () => {
    expect(lockTimeoutOptions(5)).toEqual([1, 2, 5, 10, 15, 30]);
    expect(lockTimeoutOptions(7)).toEqual([1, 2, 5, 7, 10, 15, 30]);
  });
});

describe('describedBy', () => {
  it('joins the ids that are present and gives undefined for none', () => {
    expect(describedBy('a-hint', false, 'a-error')).toBe('a-hint a-error');
    expect(describedBy(false, undefined, '')).toBeUndefined();
  });
});
