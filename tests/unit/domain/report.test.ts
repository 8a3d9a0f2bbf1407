import { describe, expect, it } from 'vitest';
import { incidentDetailFields } from '../../../src/domain/incidentDetails';
import { incidentTypes } from '../../../src/domain/incidentTypes';
import { reportLimits } from '../../../src/domain/reportLimits';
import { reportSchema } from '../../../src/domain/report';
import { foreignDetailsField, fullDetails, fullInput, minimalInput } from './reportFixtures';

describe('reportSchema', () => {
  it.each(incidentTypes)('accepts the minimal report of %s and fills every other field with an empty default', (type) => {
    const parsed = reportSchema.parse(minimalInput(type));
    expect(parsed).toMatchObject({
      incidentType: type,
      schemaVersion: 1,
      where: { city: 'Almaty', region: '', venue: '', coordinates: null },
      peopleAffected: [],
      actors: [],
      numberAffected: null,
      legalBasis: [],
      outcome: { kind: 'unknown' },
      source: null,
      verification: '',
      freedoms: [],
      attachments: [],
      tags: [],
      details: {},
    });
  });

  it.each(incidentTypes)('accepts the full report of %s and keeps every field', (type) => {
    const input = fullInput(type);
    const parsed = reportSchema.parse(input);
    expect(parsed).toEqual(input);
    // Stored reports parse again to themselves: reading a saved report changes nothing.
    expect(reportSchema.parse(parsed)).toEqual(parsed);
  });

  it('gives each type 0 to 4 details fields of its own, 2 to 4 for all but "other"', () => {
    for (const type of incidentTypes) {
      const count = Object.keys(incidentDetailFields[type]).length;
      if (type === 'other') expect(count).toBe(0);
      else expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(4);
    }
  });

  it.each(incidentTypes)('rejects details of another type on a %s report', (type) => {
    const [name, value] = foreignDetailsField(type);
    const result = reportSchema.safeParse({ ...minimalInput(type), details: { [name]: value } });
    expect(result.success).toBe(false);
  });

  it('accepts the same details once the incident type matches them (positive control for the mismatch test)', () => {
    const details = fullDetails('police_visit');
    expect(reportSchema.safeParse({ ...minimalInput('police_visit'), details }).success).toBe(true);
    expect(reportSchema.safeParse({ ...minimalInput('fine'), details }).success).toBe(false);
  });

  it('trims text fields', () => {
    const parsed = reportSchema.parse({
      ...minimalInput('fine'),
      narrative: '  Fined for a picket.\n',
      where: { city: ' Shymkent ', venue: '  court No. 2 ' },
      legalBasis: [{ code: 'administrative_offences', article: ' 488 ' }],
      outcome: { kind: 'fine', amount: 276_900, currency: ' kzt ' },
    });
    expect(parsed.narrative).toBe('Fined for a picket.');
    expect(parsed.where.city).toBe('Shymkent');
    expect(parsed.where.venue).toBe('court No. 2');
    expect(parsed.legalBasis[0]?.article).toBe('488');
    expect(parsed.outcome).toEqual({ kind: 'fine', amount: 276_900, currency: 'KZT' });
  });

  it('defaults a fine to tenge', () => {
    const parsed = reportSchema.parse({ ...minimalInput('fine'), outcome: { kind: 'fine', amount: 0 } });
    expect(parsed.outcome).toEqual({ kind: 'fine', amount: 0, currency: 'KZT' });
  });

  it('accepts a narrative of exactly the limit and rejects one character more', () => {
    const atLimit = 'а'.repeat(reportLimits.narrative);
    expect(reportSchema.safeParse({ ...minimalInput('other'), narrative: atLimit }).success).toBe(true);
    expect(reportSchema.safeParse({ ...minimalInput('other'), narrative: `${atLimit}б` }).success).toBe(false);
  });

  it('narrows details by incident type', () => {
    const parsed = reportSchema.parse({ ...minimalInput('police_visit'), details: { hadWarrant: 'no', officersCount: 4 } });
    if (parsed.incidentType !== 'police_visit') throw new Error('wrong variant');
    expect(parsed.details.hadWarrant).toBe('no');
    expect(parsed.details.officersCount).toBe(4);
  });

  it('rejects a report of a newer format version rather than misreading it', () => {
    expect(reportSchema.safeParse({ ...minimalInput('other'), schemaVersion: 2 }).success).toBe(false);
  });
});
