export type UpdateDecision = { action: 'apply' } | { action: 'refuse'; reason: 'unsaved-report' };

/** An update reloads the page, so it is never applied over a report the user has not saved (DESIGN.md §7). */
export function decideUpdate(hasUnsavedChanges: boolean): UpdateDecision {
  return hasUnsavedChanges ? { action: 'refuse', reason: 'unsaved-report' } : { action: 'apply' };
}
