import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../src/domain/emptyReport';
import { draftsPayload, parseDrafts, putDraft, removeDraft, type DraftEntry } from '../../../src/ui/form/draftBook';
import type { FormState } from '../../../src/ui/form/formState';
import { formStateFromReport } from '../../../src/ui/form/formStateFromReport';
import { parseFormState } from '../../../src/ui/form/parseFormState';

const ids = ['0b7e3c1a-5d2f-4e6a-8b9c-1d2e3f4a5b6c', '1c8f4d2b-6e3a-4f7b-9cad-2e3f4a5b6c7d', '2d9a5e3c-7f4b-4a8c-8dbe-3f4a5b6c7d8e'];

function form(index: number, patch: Partial<FormState> = {}): FormState {
  return { ...formStateFromReport(emptyReport('police_visit', new Date(2026, 2, 14), () => ids[index] ?? '')), ...patch };
}

function entry(index: number, updatedAt: number, patch: Partial<FormState> = {}): DraftEntry {
  return { reportId: ids[index] ?? '', amendment: index === 2, updatedAt, form: form(index, patch) };
}

/** What the store gives back: the payload after a trip through structured JSON. */
function stored(drafts: readonly DraftEntry[]): unknown {
  return JSON.parse(JSON.stringify(draftsPayload(drafts)));
}

describe('draft book', () => {
  it('reads back what it stored, half-typed values included, newest first', () => {
    const drafts = [
      entry(0, 100, { city: 'Алматы', narrative: 'Начало…', numberAffected: '1O', people: [{ name: 'A', role: '', affiliation: '', consentToPublish: true }] }),
      entry(2, 300, { whenValue: '2026-0', whenPrecision: 'month', details: { officersCount: 'two' } }),
      entry(1, 200),
    ];
    expect(parseDrafts(stored(drafts))).toEqual([drafts[1], drafts[2], drafts[0]]);
  });

  it('gives no drafts for nothing stored or another format', () => {
    expect(parseDrafts(undefined)).toEqual([]);
    expect(parseDrafts({ format: 2, drafts: [] })).toEqual([]);
    expect(parseDrafts({ format: 1, drafts: 'x' })).toEqual([]);
  });

  it('skips an unreadable entry and keeps the others', () => {
    const good = entry(0, 100, { city: 'Shymkent' });
    const payload = stored([good]) as { format: number; drafts: unknown[] };
    payload.drafts.push({ updatedAt: 5, form: { id: ids[1], incidentType: 'not_a_type' } }, null, { form: form(2) });
    expect(parseDrafts(payload)).toEqual([good]);
  });

  it('falls back field by field when a stored form has a wrong or missing value', () => {
    const parsed = parseFormState({
      id: ids[0],
      incidentType: 'fine',
      city: 'Taraz',
      narrative: 42,
      whenPrecision: 'week',
      actors: ['police', 'aliens', 'police'],
      people: [{ name: 'B', consentToPublish: 'yes' }, 'junk'],
      details: { imposedBy: 'Court', paid: 1 },
    });
    expect(parsed).toMatchObject({
      id: ids[0],
      incidentType: 'fine',
      city: 'Taraz',
      narrative: '',
      whenPrecision: 'exact',
      actors: ['police'],
      people: [{ name: 'B', role: '', affiliation: '', consentToPublish: false }],
      details: { imposedBy: 'Court' },
    });
  });

  it('refuses something that is not a form at all', () => {
    expect(parseFormState(null)).toBeNull();
    expect(parseFormState({ incidentType: 'fine' })).toBeNull();
    expect(parseFormState({ id: ids[0], incidentType: 'nope' })).toBeNull();
  });

  it('keeps one draft per report, the latest in front', () => {
    const first = putDraft([], entry(0, 1));
    const second = putDraft(first, entry(1, 2));
    const updated = putDraft(second, entry(0, 3, { city: 'Atyrau' }));
    expect(updated.map((draft) => [draft.reportId, draft.form.city])).toEqual([
      [ids[0], 'Atyrau'],
      [ids[1], ''],
    ]);
    expect(removeDraft(updated, ids[0] ?? '').map((draft) => draft.reportId)).toEqual([ids[1]]);
  });
});
