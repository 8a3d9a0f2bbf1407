import type { DraftEntry } from './draftBook';

/**
 * The drafts to delete once their reports were removed from the phone after a coordinator's receipt:
 * an unsaved amendment is report content too. The form open on screen is left alone.
 */
export function draftsOfRemovedReports(drafts: readonly DraftEntry[], removedReportIds: ReadonlySet<string>, openReportId: string | null): string[] {
  return drafts.filter((draft) => removedReportIds.has(draft.reportId) && draft.reportId !== openReportId).map((draft) => draft.reportId);
}
