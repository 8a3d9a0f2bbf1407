import type { Clock, TimerHandle } from '../../platform/clock';

export interface Autosaver<T> {
  /** The form changed; a save happens within delayMs. */
  changed(value: T): void;
  /** Saves now if anything is unsaved (pagehide, lock). Starts the save synchronously. */
  flush(): Promise<void> | undefined;
  /** Forget pending changes (the report was saved or discarded). */
  reset(): void;
  stop(): void;
}

/**
 * Saves the latest value at most once per delayMs while it keeps changing. Saves never overlap: a change
 * that arrives during a save is picked up by the next timer.
 */
export function createAutosaver<T>(options: { clock: Clock; delayMs: number; save: (value: T) => Promise<unknown> }): Autosaver<T> {
  const { clock, delayMs, save } = options;
  if (!Number.isFinite(delayMs) || delayMs <= 0) throw new RangeError(`delayMs must be a positive number, got ${delayMs}`);
  let pending: { value: T } | undefined;
  let handle: TimerHandle | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = false;

  const clearTimer = () => {
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
  };
  const arm = () => {
    if (handle === undefined && !stopped) handle = clock.setTimeout(fire, delayMs);
  };
  const run = (): Promise<void> | undefined => {
    if (pending === undefined) return undefined;
    const { value } = pending;
    pending = undefined;
    const attempt: Promise<void> = save(value)
      .then(
        () => undefined,
        () => {
          // Keep the value so the next timer or flush tries again; the caller reports failures itself.
          pending ??= { value };
        },
      )
      .finally(() => {
        if (inFlight === attempt) inFlight = undefined;
        if (pending !== undefined) arm();
      });
    inFlight = attempt;
    return attempt;
  };
  function fire() {
    handle = undefined;
    if (stopped) return;
    if (inFlight !== undefined) {
      arm();
      return;
    }
    run();
  }

  return {
    changed(value) {
      if (stopped) return;
      pending = { value };
      arm();
    },
    flush() {
      clearTimer();
      return run();
    },
    reset() {
      pending = undefined;
      clearTimer();
    },
    stop() {
      stopped = true;
      pending = undefined;
      clearTimer();
    },
  };
}
