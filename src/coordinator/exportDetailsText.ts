import { detailChoiceLists, incidentDetailFields } from '../domain/incidentDetails';
import type { Report } from '../domain/report';
import { exportMoneyText } from './exportOutcomeText';

/** 'heldHours' -> 'held hours': the field ids are plain English in camelCase, which is enough for a table. */
function fieldWords(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
}

function isChoiceKind(kind: string): boolean {
  return Object.hasOwn(detailChoiceLists, kind);
}

function valueText(kind: string, value: unknown): string {
  if (typeof value === 'number') return String(value);
  // A choice is an id ('early_morning', 'unknown'); free text stays as written.
  if (typeof value === 'string') return !isChoiceKind(kind) ? value : value === 'unknown' ? 'not known' : value.replaceAll('_', ' ');
  if (typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value) {
    const { amount, currency } = value;
    if (typeof amount === 'number' && typeof currency === 'string') return exportMoneyText({ amount, currency });
  }
  throw new TypeError(`exportDetailsText: unexpected details value ${JSON.stringify(value)}`);
}

/**
 * The incident type's own fields that were filled in, in the type's field order, e.g.
 * 'held hours: 5; lawyer access: no'. Each value passes through `text` (the redactor) first.
 */
export function exportDetailsText(report: Report, text: (value: string) => string): string {
  const details: Readonly<Record<string, unknown>> = report.details;
  return Object.entries(incidentDetailFields[report.incidentType])
    .flatMap(([name, kind]: [string, string]) => {
      const value = details[name];
      return value === undefined || value === '' ? [] : [`${fieldWords(name)}: ${text(valueText(kind, value))}`];
    })
    .join('; ');
}
