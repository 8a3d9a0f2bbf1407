import { intlLocale, type Language } from '../i18n/languages';

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A byte count in the largest fitting unit (1000-based, as browsers report quota), e.g. "1.5 MB" / "1,5 МБ". */
export function formatBytes(bytes: number, language: Language): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`bytes must be a non-negative number, got ${bytes}`);
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(intlLocale[language], {
    style: 'unit',
    unit: units[unit],
    // "999 bytes" reads better than the short form "999 byte"; larger units use "kB", "МБ".
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
