import type { FormState } from './formState';
import { parseFormState } from './parseFormState';

/** One unsaved report form: a new report, or an amendment of a saved one. */
export interface DraftEntry {
  readonly reportId: string;
  /** True when the form edits a saved report (saving makes a new version). */
  readonly amendment: boolean;
  /** Epoch ms of the last change; the newest draft is reopened after unlock. */
  readonly updatedAt: number;
  readonly form: FormState;
}

/**
 * All unsaved forms live in one encrypted draft under this key, so the list is written atomically and
 * can be read back after unlock (the store has no "list drafts"). The key is a fixed id, not user text.
 */
export const draftsKey = 'report-forms';

const draftsFormat = 1;

export function draftsPayload(drafts: readonly DraftEntry[]): { format: number; drafts: readonly DraftEntry[] } {
  return { format: draftsFormat, drafts };
}

/** The drafts in a stored payload, newest first; anything unreadable is skipped rather than breaking unlock. */
export function parseDrafts(data: unknown): DraftEntry[] {
  if (typeof data !== 'object' || data === null) return [];
  const { format, drafts } = data as { format?: unknown; drafts?: unknown };
  if (format !== draftsFormat || !Array.isArray(drafts)) return [];
  const entries: DraftEntry[] = [];
  for (const item of drafts as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { amendment, updatedAt, form } = item as { amendment?: unknown; updatedAt?: unknown; form?: unknown };
    const parsed = parseFormState(form);
    if (parsed === null || typeof updatedAt !== 'number') continue;
    entries.push({ reportId: parsed.id, amendment: amendment === true, updatedAt, form: parsed });
  }
  return entries.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** The list with `entry` in place of any earlier draft of the same report, newest first. */
export function putDraft(drafts: readonly DraftEntry[], entry: DraftEntry): DraftEntry[] {
  return [entry, ...drafts.filter((draft) => draft.reportId !== entry.reportId)];
}

export function removeDraft(drafts: readonly DraftEntry[], reportId: string): DraftEntry[] {
  return drafts.filter((draft) => draft.reportId !== reportId);
}
