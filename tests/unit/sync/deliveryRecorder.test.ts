import { describe, expect, it } from 'vitest';
import type { BundleDelivery, OutboxWriteFailure, Result } from '../../../src/store/storeApi';
import { createDeliveryRecorder } from '../../../src/sync/deliveryRecorder';

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
  it('writes one batch at a time; answers that come meanwhile go together in the next', async () => {
    const { session, calls } = heldStore();
    const recorded: number[] = [];
    const recorder = createDeliveryRecorder(session, (count) => recorded.push(count));
    recorder.add(answer(1));
    await settled();
    recorder.add(answer(2));
    recorder.add(answer(3));
    await settled();
    expect(calls.map((call) => call.batch)).toEqual([[1]]);
    calls[0]?.finish({ ok: true, value: undefined });
    await settled();
    expect(calls.map((call) => call.batch)).toEqual([[1], [2, 3]]);
    let done = false;
    const settling = recorder.settle().then((result) => ((done = true), result));
    await settled();
    expect(done).toBe(false);
    calls[1]?.finish({ ok: true, value: undefined });
    expect(await settling).toEqual({ ok: true, value: undefined });
    expect(recorded).toEqual([1, 2]);
  });

  it('after a failed write, writes nothing more and says why', async () => {
    const { session, calls } = heldStore();
    const recorder = createDeliveryRecorder(session, () => {});
    recorder.add(answer(1));
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
    const recorder = createDeliveryRecorder(session, () => {});
    recorder.add(answer(1));
    await settled();
    calls[0]?.finish(new Error('bug in the store'));
    await settled();
    expect(recorder.failure()).toBe('storage-error');
    await expect(recorder.settle()).rejects.toThrow('bug in the store');
  });
});
