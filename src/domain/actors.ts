/** Who acted against the people affected (DESIGN.md §8). A closed list so the coordinator can count by actor. */
export const actors = [
  'police',
  'national_security',
  'local_authorities',
  'court',
  'prosecutor',
  'ruling_party',
  'unidentified_group',
  'other',
] as const;

export type Actor = (typeof actors)[number];
