import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clock } from '../../platform/clock';
import type { SaveFailure, VaultSession } from '../../store/storeApi';
import { createAutosaver, type Autosaver } from './createAutosaver';
import { draftsKey, draftsPayload, parseDrafts, putDraft, removeDraft, type DraftEntry } from './draftBook';

/** Autosave interval while a form keeps changing (issue: "every ~3 s while changed"). */
const autosaveDelayMs = 3_000;

export interface DraftBook {
  /** Null until the encrypted drafts have been read after unlock. */
  readonly drafts: readonly DraftEntry[] | null;
  /** Why the last autosave failed (e.g. 'storage-full'), or null. */
  readonly problem: Exclude<SaveFailure, 'locked'> | null;
  put(entry: DraftEntry): void;
  remove(reportId: string): void;
  /** Starts saving any pending change now, synchronously (pagehide, lock). */
  flush(): void;
}

export function useDraftBook(session: VaultSession, clock: Clock): DraftBook {
  const [drafts, setDrafts] = useState<readonly DraftEntry[] | null>(null);
  const [problem, setProblem] = useState<DraftBook['problem']>(null);
  const current = useRef<readonly DraftEntry[]>([]);

  const autosaver = useRef<Autosaver<readonly DraftEntry[]> | null>(null);

  // Created in an effect (not useMemo) so React's development double-mount cannot leave a stopped saver in use.
  useEffect(() => {
    const saver = createAutosaver<readonly DraftEntry[]>({
      clock,
      delayMs: autosaveDelayMs,
      save: async (list) => {
        const result = await session.saveDraft(draftsKey, draftsPayload(list));
        // 'locked' only happens when a save races the lock; the draft was sealed before the key went.
        if (result.ok || result.reason === 'locked') setProblem(null);
        else setProblem(result.reason);
      },
    });
    autosaver.current = saver;
    return () => {
      saver.stop();
      if (autosaver.current === saver) autosaver.current = null;
    };
  }, [session, clock]);

  useEffect(() => {
    let live = true;
    session.loadDraft(draftsKey).then(
      (data) => {
        if (!live) return;
        const list = parseDrafts(data);
        current.current = list;
        setDrafts(list);
      },
      (error: unknown) => {
        // Locked while reading: the unlocked screens are gone already. Anything else is a bug.
        if (!session.isLocked()) throw error;
      },
    );
    return () => {
      live = false;
    };
  }, [session]);

  const put = useCallback(
    (entry: DraftEntry) => {
      const list = putDraft(current.current, entry);
      current.current = list;
      setDrafts(list);
      autosaver.current?.changed(list);
    },
    [],
  );
  const remove = useCallback(
    (reportId: string) => {
      if (!current.current.some((draft) => draft.reportId === reportId)) return;
      const list = removeDraft(current.current, reportId);
      current.current = list;
      setDrafts(list);
      autosaver.current?.changed(list);
      void autosaver.current?.flush();
    },
    [],
  );
  const flush = useCallback(() => void autosaver.current?.flush(), []);

  return { drafts, problem, put, remove, flush };
}
