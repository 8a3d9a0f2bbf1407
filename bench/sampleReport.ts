// A report of the size a monitor types in the field, for the benchmarks in Node and in the bench pages.
import { reportSchema } from '../src/domain/report';
import type { Report } from '../src/domain/report';

/** A schema-valid police-visit report with a paragraph of narrative (about 1 KB of JSON); fresh id each call. */
export function sampleReport(n: number): Report {
  const sentence = `At ${6 + (n % 12)}:10 four officers in plain clothes came to the flat of an activist and asked him to come to the station. `;
  return reportSchema.parse({
    id: crypto.randomUUID(),
    incidentType: 'police_visit',
    when: { value: `2026-03-${String(1 + (n % 28)).padStart(2, '0')}T06:10`, precision: 'exact' },
    where: { city: 'Almaty', region: 'Almaty', venue: `Flat ${n}` },
    narrative: sentence.repeat(6),
    actors: ['police'],
    freedoms: ['association'],
  });
}
