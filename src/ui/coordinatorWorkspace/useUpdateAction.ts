import { useState } from 'react';

/** The life of a confirmed action that ends in a report or a message: idle, asking, working, done. */
export type ActionPhase = 'idle' | 'confirm' | 'busy';

export interface UpdateAction<R> {
  readonly phase: ActionPhase;
  /** Counts runs, so a view of one result can be keyed apart from the next. */
  readonly round: number;
  readonly result: R | null;
  /** What an unexpected failure (e.g. the browser refusing to save) said; null when none. */
  readonly error: string | null;
  ask(): void;
  cancel(): void;
  /** Runs `task` once (a second call while one runs is ignored) and keeps its result. */
  run(task: () => Promise<R>): Promise<void>;
}

export function useUpdateAction<R>(onDone: () => void): UpdateAction<R> {
  const [phase, setPhase] = useState<ActionPhase>('idle');
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  return {
    phase,
    round,
    result,
    error,
    ask: () => {
      setResult(null);
      setError(null);
      setPhase('confirm');
    },
    cancel: () => setPhase('idle'),
    run: async (task) => {
      if (phase === 'busy') return;
      setPhase('busy');
      setRound((n) => n + 1);
      setResult(null);
      setError(null);
      try {
        setResult(await task());
      } catch (thrown) {
        setError(thrown instanceof Error ? thrown.message : String(thrown));
      } finally {
        setPhase('idle');
        onDone();
      }
    },
  };
}
