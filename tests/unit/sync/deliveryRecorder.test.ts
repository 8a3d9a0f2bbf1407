import { describe, expect, it } from 'vitest';
import type { BundleDelivery, OutboxWriteFailure, Result } from '../../../src/store/storeApi';
import { createFakeClock } from '../../../src/platform/fakeClock';
import { createDeliveryRecorder, MAX_UNRECORDED_MS } from '../../../src/sync/deliveryRecorder';

const answer = (firstCounter: number): BundleDelivery => ({ firstCounter, lastCounter: firstCounter, id: 'A'.repeat(43), seq: firstCounter });

/** A store whose writes wait until the test lets each one finish, answering what the test says. */
function heldStore() {
  const calls: { batch: number[]; finish: (result: Result<void, OutboxWriteFailure> | Error) => void }[] = [];
  const session = {
    markBundlesDelivered: (deliveries: readonly BundleDelivery[]) =>
      new Promise<Result<void, OutboxWriteFailure>>((resolve, reject) => {
        calls.push({ batch: deliveries.map((d) => d.firstCounter), finish: (result) => (result instanceof Error ? reject(result) : resolve(result)) });
      }),
  };
  return { session, calls };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createDeliveryRecorder', () => {
  it('writes nothing while answers are younger than MAX_UNRECORDED_MS; then one batch at a time, later answers together in the next', async () => {
    const { session, calls } = heldStore();
    const clock = createFakeClock();
    const recorded: number[] = [];
    const recorder = createDeliveryRecorder(session, (count) => recorded.push(count), clock);
    recorder.add(answer(1));
    clock.advance(MAX_UNRECORDED_MS - 1);
    await settled();
    expect(calls).toHaveLength(0);
    clock.advance(1);
    await settled();
    expect(calls.map((call) => call.batch)).toEqual([[1]]);
    // Answers that come while [1] is being written wait for their own second, then go together.
    recorder.add(answer(2));
    recorder.add(answer(3));
    clock.advance(MAX_UNRECORDED_MS);
    await settled();
    expect(calls.map((call) => call.batch)).toEqual([[1]]);
    recorder.add(answer(4));
    calls[0]?.finish({ ok: true, value: undefined });
    await settled();
    expect(calls.map((call) => call.batch)).toEqual([[1], [2, 3, 4]]);
    let done = false;
    const settling = recorder.settle().then((result) => ((done = true), result));
    await settled();
    expect(done).toBe(false);
    calls[1]?.finish({ ok: true, value: undefined });
    expect(await settling).toEqual({ ok: true, value: undefined });
    expect(recorded).toEqual([1, 3]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('settle() writes what waits at once, in one batch, without waiting for the clock', async () => {
    const { session, calls } = heldStore();
    const clock = createFakeClock();
    const recorder = createDeliveryRecorder(session, () => {}, clock);
    for (const counter of [1, 2, 3]) recorder.add(answer(counter));
    const settling = recorder.settle();
    await settled();
    expect(calls.map((call) => call.batch)).toEqual([[1, 2, 3]]);
    calls[0]?.finish({ ok: true, value: undefined });
    expect(await settling).toEqual({ ok: true, value: undefined });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('after a failed write, writes nothing more and says why', async () => {
    const { session, calls } = heldStore();
    const clock = createFakeClock();
    const recorder = createDeliveryRecorder(session, () => {}, clock);
    recorder.add(answer(1));
    clock.advance(MAX_UNRECORDED_MS);
    await settled();
    recorder.add(answer(2));
    expect(recorder.failure()).toBeNull();
    calls[0]?.finish({ ok: false, reason: 'storage-full' });
    expect(await recorder.settle()).toEqual({ ok: false, reason: 'storage-full' });
    expect(recorder.failure()).toBe('storage-full');
    expect(calls).toHaveLength(1);
  });

  it('keeps a bug in the store for settle() to throw, with no unhandled rejection meanwhile', async () => {
    const { session, calls } = heldStore();
    const clock = createFakeClock();
    const recorder = createDeliveryRecorder(session, () => {}, clock);
    recorder.add(answer(1));
    clock.advance(MAX_UNRECORDED_MS);
    await settled();
    calls[0]?.finish(new Error('bug in the store'));
    await settled();
    expect(recorder.failure()).toBe('storage-error');
    await expect(recorder.settle()).rejects.toThrow('bug in the store');
  });
});
