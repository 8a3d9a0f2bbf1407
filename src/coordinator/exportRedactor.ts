import type { Report } from '../domain/report';

export const NAME_WITHHELD = '(name withheld)';

const letter = String.raw`[\p{L}\p{M}\p{N}]`;

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * A function that blanks out, in free text, the names of the people affected who did not consent to
 * publication: the whole name as written, and each word of it of 3 letters or more, also with up to 3
 * letters more (Russian and Kazakh names take endings: Нурлан -> Нурлана). Case-insensitive.
 * Best effort: a name spelled another way gets through, and a word that happens to start like a name is
 * blanked too, so the coordinator still reads every draft before it goes out.
 */
export function exportRedactor(people: Report['peopleAffected']): (text: string) => string {
  const names = people.filter((person) => !person.consentToPublish).map((person) => person.name.normalize('NFC').trim()).filter((name) => name !== '');
  if (names.length === 0) return (text) => text;
  const words = names.flatMap((name) => name.split(/[^\p{L}\p{M}\p{N}]+/u)).filter((word) => [...word].length >= 3);
  const alternatives = [
    // Whole names first, longest first, so a full name becomes one marker rather than one per word.
    ...[...new Set(names)].sort((a, b) => b.length - a.length).map(escapeRegExp),
    ...[...new Set(words)].map((word) => `(?<!${letter})${escapeRegExp(word)}[\\p{L}\\p{M}]{0,3}(?!${letter})`),
  ];
  const pattern = new RegExp(alternatives.join('|'), 'giu');
  return (text) => text.normalize('NFC').replace(pattern, NAME_WITHHELD);
}
