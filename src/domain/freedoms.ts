/** The three freedoms a monitoring update is grouped by (DESIGN.md §7, §8). */
export const freedoms = ['association', 'peaceful_assembly', 'expression'] as const;

export type Freedom = (typeof freedoms)[number];
