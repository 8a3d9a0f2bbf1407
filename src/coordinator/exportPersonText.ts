import type { Report } from '../domain/report';
import { NAME_WITHHELD } from './exportRedactor';

/**
 * 'Aigerim N., activist, Democratic Party', or '(name withheld), journalist' for a person who did not
 * consent to be named. Role and affiliation pass through `redact`, the name of a consenting person does not.
 */
export function exportPersonText(person: Report['peopleAffected'][number], redact: (text: string) => string): string {
  const name = person.consentToPublish ? person.name : NAME_WITHHELD;
  return [name, redact(person.role), redact(person.affiliation)].filter((part) => part !== '').join(', ');
}
