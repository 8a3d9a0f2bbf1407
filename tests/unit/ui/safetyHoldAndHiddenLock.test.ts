import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/platform/fakeClock';
import { createHiddenLock } from '../../../src/ui/safety/hiddenLock';
import { createHoldToConfirm } from '../../../src/ui/safety/holdToConfirm';

function hold(holdMs = 1500, tickMs = 50) {
  const clock = createFakeClock(10_000);
  const progress: number[] = [];
  let confirmed = 0;
  const control = createHoldToConfirm({ clock, holdMs, tickMs, onProgress: (f) => progress.push(f), onConfirm: () => (confirmed += 1) });
  return { clock, control, progress, confirmed: () => confirmed };
}

describe('createHoldToConfirm', () => {
  it('confirms once a single press has lasted the hold time, not a moment before', () => {
    const { clock, control, progress, confirmed } = hold();
    control.press();
    clock.advance(1499);
    expect(confirmed()).toBe(0);
    expect(progress.at(-1)).toBeGreaterThan(0.9);
    expect(progress.at(-1)).toBeLessThan(1);
    clock.advance(1);
    expect(confirmed()).toBe(1);
    expect(progress.at(-1)).toBe(1);
    clock.advance(10_000);
    control.release();
    control.press();
    clock.advance(10_000);
    expect(confirmed()).toBe(1);
  });

  it('reports rising progress while held', () => {
    const { clock, control, progress } = hold(1000, 100);
    control.press();
    clock.advance(999);
    const rising = progress.slice(1);
    expect(rising.length).toBeGreaterThan(5);
    expect([...rising].sort((a, b) => a - b)).toEqual(rising);
  });

  it('a tap, or letting go early, never confirms and resets the progress', () => {
    const { clock, control, progress, confirmed } = hold();
    control.press();
    clock.advance(200);
    control.release();
    expect(progress.at(-1)).toBe(0);
    control.press();
    clock.advance(1400);
    control.release();
    clock.advance(60_000);
    expect(confirmed()).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a second press while held (key repeat) does not restart the count', () => {
    const { clock, control, confirmed } = hold();
    control.press();
    clock.advance(1000);
    control.press();
    clock.advance(500);
    expect(confirmed()).toBe(1);
  });

  it('dispose stops a hold in progress', () => {
    const { clock, control, confirmed } = hold();
    control.press();
    clock.advance(1000);
    control.dispose();
    clock.advance(10_000);
    expect(confirmed()).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('rejects a non-positive hold time', () => {
    const clock = createFakeClock();
    expect(() => createHoldToConfirm({ clock, holdMs: 0, tickMs: 10, onProgress: () => undefined, onConfirm: () => undefined })).toThrow(/holdMs/);
  });
});

function hidden(graceMs = 30_000) {
  const clock = createFakeClock(5_000);
  let locks = 0;
  const lock = createHiddenLock({ clock, graceMs, onLock: () => (locks += 1) });
  return { clock, lock, locks: () => locks };
}

describe('createHiddenLock', () => {
  it('locks once hidden for the grace period', () => {
    const { clock, lock, locks } = hidden();
    lock.hidden();
    clock.advance(29_999);
    expect(locks()).toBe(0);
    clock.advance(1);
    expect(locks()).toBe(1);
    lock.visible();
    expect(locks()).toBe(1);
  });

  it('control: coming back within the grace period does not lock, and the next hide starts afresh', () => {
    const { clock, lock, locks } = hidden();
    lock.hidden();
    clock.advance(20_000);
    lock.visible();
    lock.hidden();
    clock.advance(20_000);
    lock.visible();
    clock.advance(60_000);
    expect(locks()).toBe(0);
  });

  it('locks on becoming visible when the timer was frozen while hidden', () => {
    // A frozen background page: time passes, but no timer fires.
    let now = 0;
    let locks = 0;
    const frozen = { now: () => now, setTimeout: () => 1, clearTimeout: () => undefined };
    const lock = createHiddenLock({ clock: frozen, graceMs: 30_000, onLock: () => (locks += 1) });
    lock.hidden();
    now = 45_000;
    lock.visible();
    expect(locks).toBe(1);
  });

  it('stop() cancels a pending lock', () => {
    const { clock, lock, locks } = hidden();
    lock.hidden();
    lock.stop();
    clock.advance(60_000);
    expect(locks()).toBe(0);
  });
});
