import { incidentDetailFields, type DetailFieldKind } from '../../domain/incidentDetails';
import type { FormState } from './formState';

/**
 * The form's text turned into the shape reportSchema reads, for validateReport to judge. Nothing is
 * dropped or guessed: a number field with text becomes NaN so validation says 'not_a_number' next to it,
 * and list rows keep their positions so error paths ('peopleAffected.2.name') point at the right row.
 */
export function reportInputFromFormState(state: FormState): Record<string, unknown> {
  return {
    id: state.id,
    incidentType: state.incidentType,
    when: { value: state.whenValue, precision: state.whenPrecision },
    where: { region: state.region, city: state.city, venue: state.venue, coordinates: state.carried.coordinates },
    narrative: state.narrative,
    peopleAffected: state.people.map((person) => ({ ...person })),
    actors: [...state.actors],
    numberAffected: numberOrNull(state.numberAffected),
    legalBasis: state.legalBasis.map((basis) => ({ ...basis })),
    outcome: outcomeInput(state),
    source: state.source === '' ? null : state.source,
    verification: state.verification,
    freedoms: [...state.freedoms],
    attachments: state.carried.attachments,
    tags: state.carried.tags,
    details: detailsInput(state),
  };
}

/** '' means "not given"; a comma is accepted as the decimal separator (ru-RU, kk-KZ keyboards). */
export function numberOrNull(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return Number(trimmed.replace(/\s/g, '').replace(',', '.'));
}

function outcomeInput(state: FormState): Record<string, unknown> {
  switch (state.outcomeKind) {
    case 'fine':
      return { kind: 'fine', amount: numberOrNull(state.outcomeAmount) ?? undefined, currency: state.outcomeCurrency };
    case 'administrative_arrest':
      return { kind: 'administrative_arrest', days: numberOrNull(state.outcomeDuration) ?? undefined };
    case 'prison_term':
    case 'restricted_freedom':
      return { kind: state.outcomeKind, months: numberOrNull(state.outcomeDuration) ?? undefined };
    default:
      return { kind: state.outcomeKind };
  }
}

const numericKinds: ReadonlySet<DetailFieldKind> = new Set(['count', 'hours', 'days', 'attempt']);

function detailsInput(state: FormState): Record<string, unknown> {
  const fields: Readonly<Record<string, DetailFieldKind>> = incidentDetailFields[state.incidentType];
  const details: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(fields)) {
    if (kind === 'money') {
      const amount = state.details[`${name}.amount`] ?? '';
      if (amount.trim() === '') continue;
      details[name] = { amount: numberOrNull(amount), currency: state.details[`${name}.currency`] ?? 'KZT' };
      continue;
    }
    const text = state.details[name] ?? '';
    // Empty means "not known": every details field is optional.
    if (text.trim() === '') continue;
    details[name] = numericKinds.has(kind) ? numberOrNull(text) : text;
  }
  return details;
}
