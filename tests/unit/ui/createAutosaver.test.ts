import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/platform/fakeClock';
import { createAutosaver } from '../../../src/ui/form/createAutosaver';

/** A save function whose calls are recorded and settled by the test. */
function controlledSave() {
  const calls: { value: string; settle: (ok: boolean) => void }[] = [];
  const save = (value: string) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ value, settle: (ok) => (ok ? resolve() : reject(new Error('save failed'))) });
    });
  return { calls, save };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createAutosaver', () => {
  it('saves the latest value once, delayMs after the first change', () => {
    const clock = createFakeClock();
    const { calls, save } = controlledSave();
    const saver = createAutosaver({ clock, delayMs: 3_000, save });
    saver.changed('a');
    clock.advance(1_000);
    saver.changed('ab');
    clock.advance(1_999);
    expect(calls).toHaveLength(0);
    clock.advance(1);
    expect(calls.map((call) => call.value)).toEqual(['ab']);
  });

  it('does nothing while nothing changed', () => {
    const clock = createFakeClock();
    const { calls, save } = controlledSave();
    const saver = createAutosaver({ clock, delayMs: 3_000, save });
    clock.advance(60_000);
    expect(saver.flush()).toBeUndefined();
    expect(calls).toHaveLength(0);
  });

  it('flush() starts the save synchronously, before any timer or microtask', () => {
    const clock = createFakeClock();
    const { calls, save } = controlledSave();
    const saver = createAutosaver({ clock, delayMs: 3_000, save });
    saver.changed('typed just before pagehide');
    saver.flush();
    expect(calls.map((call) => call.value)).toEqual(['typed just before pagehide']);
    clock.advance(10_000);
    expect(calls).toHaveLength(1);
  });

  it('never overlaps saves: a change during a save waits for it, then saves the newest value', async () => {
    const clock = createFakeClock();
    const { calls, save } = controlledSave();
    const saver = createAutosaver({ clock, delayMs: 3_000, save });
    saver.changed('one');
    clock.advance(3_000);
    saver.changed('two');
    saver.changed('three');
    clock.advance(3_000);
    expect(calls).toHaveLength(1);
    calls[0]?.settle(true);
    await tick();
    clock.advance(3_000);
    expect(calls.map((call) => call.value)).toEqual(['one', 'three']);
  });

  it('tries a failed value again at the next timer', async () => {
    const clock = createFakeClock();
    const { calls, save } = controlledSave();
    const saver = createAutosaver({ clock, delayMs: 3_000, save });
    saver.changed('kept');
    clock.advance(3_000);
    calls[0]?.settle(false);
    await tick();
    clock.advance(3_000);
    expect(calls.map((call) => call.value)).toEqual(['kept', 'kept']);
  });

  it('does not bring back a failed value over a newer one', async () => {
    const clock = createFakeClock();
    const { calls, save } = controlledSave();
    const saver = createAutosaver({ clock, delayMs: 3_000, save });
    saver.changed('old');
    clock.advance(3_000);
    saver.changed('new');
    calls[0]?.settle(false);
    await tick();
    clock.advance(3_000);
    expect(calls.map((call) => call.value)).toEqual(['old', 'new']);
  });

  it('forgets pending changes on reset() and stops for good on stop()', () => {
    const clock = createFakeClock();
    const { calls, save } = controlledSave();
    const saver = createAutosaver({ clock, delayMs: 3_000, save });
    saver.changed('discarded');
    saver.reset();
    clock.advance(10_000);
    expect(calls).toHaveLength(0);
    saver.changed('after reset');
    saver.stop();
    saver.changed('after stop');
    clock.advance(10_000);
    expect(saver.flush()).toBeUndefined();
    expect(calls).toHaveLength(0);
  });
});
