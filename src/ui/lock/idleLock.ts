import type { Clock, TimerHandle } from '../../platform/clock';

export interface IdleLock {
  /** Call on any user activity (pointer, key); postpones the lock. Cheap: it only records the time. */
  activity(): void;
  /** Cancels the timer for good (the vault was locked some other way). */
  stop(): void;
}

/**
 * Calls onIdle once when no activity() was seen for timeoutMs. One timer at a time: activity only stamps
 * the time, and a timer that fires early reschedules itself for the rest, so a pointermove storm costs nothing.
 */
export function createIdleLock(options: { clock: Clock; timeoutMs: number; onIdle: () => void }): IdleLock {
  const { clock, onIdle } = options;
  const timeoutMs = checkTimeout(options.timeoutMs);
  let lastActivity = clock.now();
  let handle: TimerHandle | undefined;
  let stopped = false;

  const schedule = (delay: number) => {
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = clock.setTimeout(check, delay);
  };
  function check() {
    handle = undefined;
    if (stopped) return;
    const idleFor = clock.now() - lastActivity;
    if (idleFor >= timeoutMs) {
      stopped = true;
      onIdle();
    } else {
      schedule(timeoutMs - idleFor);
    }
  }
  schedule(timeoutMs);

  return {
    activity() {
      lastActivity = clock.now();
    },
    stop() {
      stopped = true;
      if (handle !== undefined) clock.clearTimeout(handle);
      handle = undefined;
    },
  };
}

function checkTimeout(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`timeoutMs must be a positive number, got ${ms}`);
  return ms;
}
