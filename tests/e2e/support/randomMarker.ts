import { randomBytes, randomInt } from 'node:crypto';

const cyrillic = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі';

/**
 * A random string no file could contain by chance, in one of two alphabets: `latin` gives
 * `mk-` + 32 hex digits (one byte per character), `cyrillic` gives `мк-` + 24 Cyrillic and Kazakh
 * letters (two bytes each in UTF-8). Random text does not compress, so Snappy in LevelDB cannot hide it.
 */
export function randomMarker(alphabet: 'latin' | 'cyrillic'): string {
  if (alphabet === 'latin') return `mk-${randomBytes(16).toString('hex')}`;
  let letters = '';
  for (let i = 0; i < 24; i += 1) letters += cyrillic.charAt(randomInt(cyrillic.length));
  return `мк-${letters}`;
}
