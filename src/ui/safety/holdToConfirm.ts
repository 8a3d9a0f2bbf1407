import type { Clock, TimerHandle } from '../../platform/clock';

export interface HoldToConfirm {
  /** The press began (pointer down, Space/Enter down). A second press while held changes nothing. */
  press(): void;
  /** The press ended before the time was up: cancelled, progress back to 0. After confirmation it does nothing. */
  release(): void;
  /** Stops the timer for good (unmount). */
  dispose(): void;
}

export interface HoldToConfirmOptions {
  readonly clock: Clock;
  /** How long the press must last. */
  readonly holdMs: number;
  /** How often progress is reported while held. */
  readonly tickMs: number;
  /** 0 when idle or cancelled, rising to 1 while held. */
  readonly onProgress: (fraction: number) => void;
  /** Called once, when a single press has lasted holdMs. */
  readonly onConfirm: () => void;
}

/**
 * Press-and-hold confirmation: hard to set off by accident (a tap, a pocket, a stray key does nothing),
 * quick under stress (one continuous gesture, no dialog to read).
 */
export function createHoldToConfirm(options: HoldToConfirmOptions): HoldToConfirm {
  const { clock, holdMs, tickMs, onProgress, onConfirm } = options;
  if (!Number.isFinite(holdMs) || holdMs <= 0) throw new RangeError(`holdMs must be a positive number, got ${holdMs}`);
  if (!Number.isFinite(tickMs) || tickMs <= 0) throw new RangeError(`tickMs must be a positive number, got ${tickMs}`);
  let pressedAt: number | null = null;
  let handle: TimerHandle | undefined;
  let done = false;

  const stopTimer = () => {
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
  };
  const tick = () => {
    handle = undefined;
    if (pressedAt === null || done) return;
    const held = clock.now() - pressedAt;
    if (held >= holdMs) {
      done = true;
      onProgress(1);
      onConfirm();
      return;
    }
    onProgress(held / holdMs);
    handle = clock.setTimeout(tick, Math.min(tickMs, holdMs - held));
  };

  return {
    press() {
      if (done || pressedAt !== null) return;
      pressedAt = clock.now();
      onProgress(0);
      handle = clock.setTimeout(tick, Math.min(tickMs, holdMs));
    },
    release() {
      if (done || pressedAt === null) return;
      pressedAt = null;
      stopTimer();
      onProgress(0);
    },
    dispose() {
      done = true;
      stopTimer();
    },
  };
}
