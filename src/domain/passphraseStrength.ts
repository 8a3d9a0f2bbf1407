// Refuses a vault passphrase that is too weak (issue: "e.g. under 4 words or 16 characters"). Lengths are
// counted in Unicode code points after NFKC, so Cyrillic and Kazakh letters count one each, and a letter
// typed precomposed or as letter + combining mark counts the same.

export const passphraseProblems = ['too-short', 'too-few-words', 'repetitive', 'common'] as const;

export type PassphraseProblem = (typeof passphraseProblems)[number];

export type PassphraseScore = 0 | 1 | 2 | 3 | 4;

export interface PassphraseAssessment {
  /** 0-1 refused, 2 acceptable, 3 good, 4 strong. */
  readonly score: PassphraseScore;
  /** True exactly when there are no problems (and then score >= 2). */
  readonly acceptable: boolean;
  readonly problems: readonly PassphraseProblem[];
}

export const passphraseRules = {
  minLength: 16,
  minWords: 4,
  /** The alternative to four words: this long with at least minClasses kinds of character. */
  minLengthWithoutWords: 20,
  minClasses: 3,
  minDistinctCharacters: 6,
} as const;

// Passwords and keyboard walks that guessers try first, in Latin and Cyrillic layouts. Matched after
// lower-casing; a passphrase that is little more than these and digits is 'common'.
const commonTokens = [
  'password', 'passw0rd', 'pass', 'parol', 'пароль', 'qwerty', 'qwertyuiop', 'йцукен', 'йцукенгшщзхъ', 'asdfgh',
  'asdfghjkl', 'фывапр', 'фывапролдж', 'zxcvbn', 'ячсмит', '1q2w3e', 'qazwsx', 'admin', 'letmein', 'welcome',
  'iloveyou', 'monkey', 'dragon', 'football', 'abcdef', 'abc', 'secret', 'секрет', 'привет', 'сәлем',
];

// What must remain once common tokens, digits and separators are removed.
const minUncommonCharacters = 8;

function codePoints(text: string): string[] {
  return [...text];
}

function distinctWords(text: string): number {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => codePoints(word).length >= 2);
  return new Set(words).size;
}

function characterClasses(text: string): number {
  const classes = [/[\p{Ll}\p{Lo}\p{Lm}]/u, /[\p{Lu}\p{Lt}]/u, /\p{N}/u, /[^\p{L}\p{M}\p{N}]/u];
  return classes.filter((pattern) => pattern.test(text)).length;
}

function isRepetitive(text: string): boolean {
  const lower = text.toLowerCase();
  if (new Set(codePoints(lower)).size < passphraseRules.minDistinctCharacters) return true;
  // A shorter unit repeated ("abc123abc123abc123") adds no strength.
  return (lower + lower).indexOf(lower, 1) < lower.length;
}

function isCommon(text: string): boolean {
  let rest = text.toLowerCase();
  for (const token of [...commonTokens].sort((a, b) => b.length - a.length)) rest = rest.split(token).join('');
  rest = rest.replace(/[^\p{L}\p{M}]+/gu, '');
  return codePoints(rest).length < minUncommonCharacters;
}

export function assessPassphrase(passphrase: string): PassphraseAssessment {
  if (typeof passphrase !== 'string') throw new TypeError('passphrase must be a string');
  const text = passphrase.normalize('NFKC');
  const length = codePoints(text).length;
  const words = distinctWords(text);

  const problems: PassphraseProblem[] = [];
  if (length < passphraseRules.minLength) problems.push('too-short');
  const enoughWords = words >= passphraseRules.minWords;
  const complexEnough =
    length >= passphraseRules.minLengthWithoutWords && characterClasses(text) >= passphraseRules.minClasses;
  if (!enoughWords && !complexEnough) problems.push('too-few-words');
  // Too short to judge: 'too-short' already says what to do.
  if (length >= 8 && isRepetitive(text)) problems.push('repetitive');
  if (length >= 8 && isCommon(text)) problems.push('common');

  const acceptable = problems.length === 0;
  return { score: scoreOf(length, words, acceptable), acceptable, problems };
}

function scoreOf(length: number, words: number, acceptable: boolean): PassphraseScore {
  if (!acceptable) return length < 8 ? 0 : 1;
  if (length >= 32 && words >= 6) return 4;
  if (length >= 24 && words >= 5) return 3;
  if (length >= 28) return 3;
  return 2;
}
