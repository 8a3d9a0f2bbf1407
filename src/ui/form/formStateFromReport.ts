import { incidentDetailFields } from '../../domain/incidentDetails';
import type { Outcome } from '../../domain/outcome';
import type { Report } from '../../domain/report';
import type { FormState } from './formState';

/** The form's view of a report: every value as the text its input shows. */
export function formStateFromReport(report: Report): FormState {
  return {
    id: report.id,
    incidentType: report.incidentType,
    whenValue: report.when.value,
    whenPrecision: report.when.precision,
    region: report.where.region,
    city: report.where.city,
    venue: report.where.venue,
    narrative: report.narrative,
    people: report.peopleAffected.map((person) => ({ ...person })),
    actors: [...report.actors],
    numberAffected: report.numberAffected === null ? '' : String(report.numberAffected),
    legalBasis: report.legalBasis.map((basis) => ({ ...basis })),
    outcomeKind: report.outcome.kind,
    outcomeAmount: report.outcome.kind === 'fine' ? String(report.outcome.amount) : '',
    outcomeCurrency: report.outcome.kind === 'fine' ? report.outcome.currency : 'KZT',
    outcomeDuration: outcomeDuration(report.outcome),
    source: report.source ?? '',
    verification: report.verification,
    freedoms: [...report.freedoms],
    details: detailsAsText(report),
    carried: { coordinates: report.where.coordinates, attachments: report.attachments, tags: report.tags },
  };
}

function outcomeDuration(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'administrative_arrest':
      return String(outcome.days);
    case 'prison_term':
    case 'restricted_freedom':
      return String(outcome.months);
    default:
      return '';
  }
}

function detailsAsText(report: Report): Record<string, string> {
  const fields: Readonly<Record<string, string>> = incidentDetailFields[report.incidentType];
  const values: Readonly<Record<string, unknown>> = report.details;
  const text: Record<string, string> = {};
  for (const [name, kind] of Object.entries(fields)) {
    const value = values[name];
    if (value === undefined) continue;
    if (kind === 'money' && typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value) {
      text[`${name}.amount`] = String(value.amount);
      text[`${name}.currency`] = String(value.currency);
    } else {
      text[name] = String(value);
    }
  }
  return text;
}
