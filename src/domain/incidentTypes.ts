import type { Freedom } from './freedoms';

/** The closed list of incident types (DESIGN.md §8). Ids are stable: they are stored in reports and message keys. */
export const incidentTypes = [
  'preventive_detention',
  'detention_or_arrest',
  'police_visit',
  'meeting_disrupted',
  'protest_or_picket',
  'registration_refused',
  'criminal_case',
  'administrative_case',
  'court_ruling',
  'fine',
  'defamation_suit',
  'surveillance',
  'intimidation_or_threat',
  'attack_or_property_damage',
  'media_obstruction',
  'online_expression_case',
  'other',
] as const;

export type IncidentType = (typeof incidentTypes)[number];

/** The freedom(s) each type usually concerns; only pre-fills the form, the monitor may change them. */
export const defaultFreedoms: { readonly [T in IncidentType]: readonly Freedom[] } = {
  preventive_detention: ['peaceful_assembly'],
  detention_or_arrest: ['peaceful_assembly'],
  police_visit: ['association'],
  meeting_disrupted: ['association', 'peaceful_assembly'],
  protest_or_picket: ['peaceful_assembly'],
  registration_refused: ['association'],
  criminal_case: ['association', 'expression'],
  administrative_case: ['peaceful_assembly'],
  court_ruling: [],
  fine: ['peaceful_assembly'],
  defamation_suit: ['expression'],
  surveillance: ['association'],
  intimidation_or_threat: ['association'],
  attack_or_property_damage: [],
  media_obstruction: ['expression'],
  online_expression_case: ['expression'],
  other: [],
};

/** The big buttons on the monitor's home screen, most frequent first (DESIGN.md §7). */
export const quickLogTypes: readonly IncidentType[] = [
  'police_visit',
  'preventive_detention',
  'meeting_disrupted',
  'detention_or_arrest',
  'intimidation_or_threat',
];

export function isIncidentType(value: unknown): value is IncidentType {
  return typeof value === 'string' && (incidentTypes as readonly string[]).includes(value);
}
