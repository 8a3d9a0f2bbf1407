import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/platform/fakeClock';
import { createIdleLock } from '../../../src/ui/lock/idleLock';

const minute = 60_000;

function setup(timeoutMs = 5 * minute) {
  const clock = createFakeClock(1_000_000);
  let locks = 0;
  const idle = createIdleLock({ clock, timeoutMs, onIdle: () => (locks += 1) });
  return { clock, idle, locks: () => locks };
}

describe('createIdleLock', () => {
  it('locks once the timeout passes without activity, not before', () => {
    const { clock, locks } = setup();
    clock.advance(5 * minute - 1);
    expect(locks()).toBe(0);
    clock.advance(1);
    expect(locks()).toBe(1);
  });

  it('counts from the last activity', () => {
    const { clock, idle, locks } = setup();
    clock.advance(4 * minute);
    idle.activity();
    clock.advance(4 * minute);
    expect(locks()).toBe(0);
    idle.activity();
    clock.advance(5 * minute - 1);
    expect(locks()).toBe(0);
    clock.advance(1);
    expect(locks()).toBe(1);
  });

  it('locks only once, and leaves no timer behind', () => {
    const { clock, locks } = setup();
    clock.advance(60 * minute);
    expect(locks()).toBe(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('keeps a single timer however much activity there is', () => {
    const { clock, idle } = setup();
    for (let i = 0; i < 1_000; i += 1) {
      clock.advance(10);
      idle.activity();
    }
    expect(clock.pendingTimers()).toBe(1);
  });

  it('never locks after stop()', () => {
    const { clock, idle, locks } = setup();
    clock.advance(2 * minute);
    idle.stop();
    clock.advance(60 * minute);
    expect(locks()).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('refuses a timeout that is not a positive number, naming it', () => {
    expect(() => setup(0)).toThrow(/timeoutMs/);
    expect(() => setup(Number.NaN)).toThrow(/timeoutMs/);
  });
});
