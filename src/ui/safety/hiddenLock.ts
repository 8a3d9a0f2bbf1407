import type { Clock, TimerHandle } from '../../platform/clock';

export interface HiddenLock {
  hidden(): void;
  visible(): void;
  stop(): void;
}

/**
 * Calls onLock once the page has been hidden for graceMs. A hidden page's timers may be frozen (phones
 * suspend background tabs), so becoming visible checks the elapsed time as well, before anything is shown.
 */
export function createHiddenLock(options: { clock: Clock; graceMs: number; onLock: () => void }): HiddenLock {
  const { clock, graceMs, onLock } = options;
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new RangeError(`graceMs must be a non-negative number, got ${graceMs}`);
  let hiddenAt: number | null = null;
  let handle: TimerHandle | undefined;
  let locked = false;

  const stopTimer = () => {
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
  };
  const lock = () => {
    if (locked) return;
    locked = true;
    stopTimer();
    onLock();
  };

  return {
    hidden() {
      if (locked || hiddenAt !== null) return;
      hiddenAt = clock.now();
      handle = clock.setTimeout(lock, graceMs);
    },
    visible() {
      if (locked || hiddenAt === null) return;
      const away = clock.now() - hiddenAt;
      hiddenAt = null;
      stopTimer();
      if (away >= graceMs) lock();
    },
    stop() {
      locked = true;
      stopTimer();
    },
  };
}
