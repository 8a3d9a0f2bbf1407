import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../src/domain/emptyReport';
import type { DraftEntry } from '../../../src/ui/form/draftBook';
import { draftsOfRemovedReports } from '../../../src/ui/form/draftsOfRemovedReports';
import { formStateFromReport } from '../../../src/ui/form/formStateFromReport';

const ids = ['0b7e3c1a-5d2f-4e6a-8b9c-1d2e3f4a5b6c', '1c8f4d2b-6e3a-4f7b-9cad-2e3f4a5b6c7d', '2d9a5e3c-7f4b-4a8c-8dbe-3f4a5b6c7d8e'] as const;

function draft(reportId: string): DraftEntry {
  return { reportId, amendment: true, updatedAt: 1, form: formStateFromReport(emptyReport('fine', new Date(2026, 2, 14), () => reportId)) };
}

describe('draftsOfRemovedReports', () => {
  const drafts = ids.map(draft);

  it('picks the drafts of removed reports, and only those', () => {
    expect(draftsOfRemovedReports(drafts, new Set([ids[0], ids[2]]), null)).toEqual([ids[0], ids[2]]);
    expect(draftsOfRemovedReports(drafts, new Set(), null)).toEqual([]);
  });

  it('leaves the draft whose form is open on screen', () => {
    expect(draftsOfRemovedReports(drafts, new Set(ids), ids[1])).toEqual([ids[0], ids[2]]);
  });
});
