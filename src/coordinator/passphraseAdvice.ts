import { passphraseRules } from '../domain/passphraseStrength';
import type { PassphraseProblem } from '../domain/passphraseStrength';

const advice: Readonly<Record<PassphraseProblem, string>> = {
  'too-short': `use at least ${passphraseRules.minLength} characters`,
  'too-few-words': `use at least ${passphraseRules.minWords} words, or ${passphraseRules.minLengthWithoutWords} characters mixing ${passphraseRules.minClasses} kinds (lower case, upper case, digits, symbols)`,
  repetitive: 'do not repeat a few characters or one short piece',
  common: 'do not build it from common passwords, keyboard rows and digits',
};

/** English advice for a refused passphrase, one clause per problem (the CLI's wording; the app has its own translations). */
export function passphraseAdvice(problems: readonly PassphraseProblem[]): string {
  return problems.map((problem) => advice[problem]).join('; ');
}
