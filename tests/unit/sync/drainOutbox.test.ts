// Draining the outbox: uploads go out in chain order without waiting for each delivery to be written;
// the answers are written in batches behind them, all before the flush ends; an answer that is never
// written (lock, crash) loses nothing and counts nothing twice.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { BundleDelivery, VaultSession } from '../../../src/store/storeApi';
import { MAX_UNRECORDED_MS } from '../../../src/sync/deliveryRecorder';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { outboxPacking } from '../../../src/sync/outboxPacking';
import { createdStore, PASSPHRASE, sampleReport } from '../store/storeTestKit';
import { createFakeRelay, createTestEngine, openStoredBundles, RELAY_A, testInvite } from './syncTestKit';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** A joined vault with `bundles` sealed bundles of one report each, waiting to be sent. */
async function queuedBundles(label: string, bundles: number) {
  const created = await createdStore(label);
  const joined = await joinOrganisation(created.session, testInvite({ relays: [RELAY_A] }));
  if (!joined.ok) throw new Error(`set-up: ${joined.reason}`);
  for (let i = 0; i < bundles; i += 1) {
    expect((await created.session.saveReport(sampleReport())).ok).toBe(true);
    expect(await created.session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
  }
  return created;
}

describe('draining the outbox', () => {
  it('sends the next bundle while earlier answers are still being written, writes them in batches, and ends only once all are written', async () => {
    const { store, session } = await queuedBundles('pipelined', 3);
    const relay = createFakeRelay();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batches: number[][] = [];
    const gated: VaultSession = {
      ...session,
      markBundlesDelivered: async (deliveries) => {
        batches.push(deliveries.map((delivery) => delivery.firstCounter));
        await gate;
        return session.markBundlesDelivered(deliveries);
      },
    };
    const { engine, clock } = createTestEngine(gated, relay);
    // Slow uploads: each PUT takes as long as an answer may wait unwritten, so answers are written as they go.
    relay.afterStore = () => clock.advance(MAX_UNRECORDED_MS);
    engine.start();
    let finished = false;
    const run = engine.trigger('start').then(() => {
      finished = true;
    });
    await vi.waitFor(() => expect(relay.stored()).toHaveLength(3));
    // Every PUT went out, in chain order, while the first answer was still being written.
    expect(relay.requests().filter((r) => r.method === 'PUT').map((r) => b64(r.body ?? new Uint8Array()))).toEqual((await session.unsentBundles()).map((b) => b64(b.bytes)));
    expect(batches).toEqual([[1]]);
    expect(finished).toBe(false);
    expect(engine.snapshot().state).toEqual({ kind: 'uploading', sent: 0, total: 3 });
    release();
    await run;
    // The answers that came while the first batch was written went together, in one more transaction.
    expect(batches).toEqual([[1], [2, 3]]);
    expect(engine.snapshot().state).toEqual({ kind: 'idle' });
    expect(await session.unsentBundles()).toEqual([]);
    expect((await session.listReports()).map((r) => r.state)).toEqual(['delivered', 'delivered', 'delivered']);
    engine.stop();
    store.close();
  });

  it('quick uploads share one write at the end: every answer in one transaction, written before the flush ends', async () => {
    const { store, session } = await queuedBundles('quick', 3);
    const relay = createFakeRelay();
    const batches: number[][] = [];
    const counting: VaultSession = {
      ...session,
      markBundlesDelivered: (deliveries) => {
        batches.push(deliveries.map((delivery) => delivery.firstCounter));
        return session.markBundlesDelivered(deliveries);
      },
    };
    const { engine, clock } = createTestEngine(counting, relay);
    engine.start();
    await engine.trigger('start');
    expect(relay.stored()).toHaveLength(3);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(clock.pendingTimers()).toBe(0);
    expect(await session.unsentBundles()).toEqual([]);
    expect((await session.listReports()).map((r) => r.state)).toEqual(['delivered', 'delivered', 'delivered']);
    engine.stop();
    store.close();
  });

  it('uploads the bundles sealed offline while the unsealed tail is sealed, then the tail, in chain order', async () => {
    const { store, session } = await queuedBundles('overlap', 2);
    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    const relay = createFakeRelay();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const scopes: string[] = [];
    const gated: VaultSession = {
      ...session,
      sealPendingVersions: async (packing, scope) => {
        scopes.push(scope);
        await gate;
        return session.sealPendingVersions(packing, scope);
      },
    };
    const { engine } = createTestEngine(gated, relay);
    engine.start();
    const run = engine.trigger('start');
    // Both bundles sealed before went out while the tail's sealing was held back.
    await vi.waitFor(() => expect(relay.stored()).toHaveLength(2));
    expect(scopes).toEqual(['everything']);
    expect(engine.snapshot().state).toMatchObject({ kind: 'uploading', total: 2 });
    expect((await session.outboxSummary()).unsealedVersions).toBe(1);
    release();
    await run;
    const puts = relay.requests().filter((r) => r.method === 'PUT').map((r) => b64(r.body ?? new Uint8Array()));
    expect(puts).toHaveLength(3);
    expect(openStoredBundles(relay).map((bundle) => [bundle.firstCounter, bundle.lastCounter])).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(puts).toEqual(relay.stored().map((stored) => b64(stored.bytes)));
    expect(engine.snapshot().state).toEqual({ kind: 'idle' });
    expect(await session.outboxSummary()).toMatchObject({ unsealedVersions: 0, unsentBundles: 0, reports: { queued: 0, delivered: 3 } });
    engine.stop();
    store.close();
  });

  it('a lock between the relay answer and its record loses nothing and counts nothing twice: offered again, the relay answers 200 with the same seq', async () => {
    const { store, session } = await queuedBundles('lock-before-mark', 1);
    const relay = createFakeRelay();
    const statuses: number[] = [];
    const http = { http: (request: Parameters<typeof relay.http>[0]) => relay.http(request).then((response) => (statuses.push(response.status), response)), requests: relay.requests };
    const lockFirst: VaultSession = {
      ...session,
      markBundlesDelivered: (deliveries) => {
        session.lock();
        return session.markBundlesDelivered(deliveries);
      },
    };
    const first = createTestEngine(lockFirst, http).engine;
    first.start();
    await first.trigger('start');
    expect(first.snapshot().state).toEqual({ kind: 'stopped' });
    expect(relay.stored()).toHaveLength(1);

    const unlocked = await store.unlock(PASSPHRASE);
    if (!unlocked.ok) throw new Error(unlocked.reason);
    const again = unlocked.value;
    expect((await again.listReports()).map((r) => r.state)).toEqual(['queued']);
    const recorded: BundleDelivery[] = [];
    const watched: VaultSession = { ...again, markBundlesDelivered: (deliveries) => (recorded.push(...deliveries), again.markBundlesDelivered(deliveries)) };
    const second = createTestEngine(watched, http).engine;
    second.start();
    await second.trigger('start');
    const puts = relay.requests().filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(b64(puts[1]?.body ?? new Uint8Array())).toBe(b64(puts[0]?.body ?? new Uint8Array(1)));
    expect(statuses.slice(0, 2)).toEqual([201, 200]);
    expect(relay.stored()).toHaveLength(1);
    expect(recorded).toEqual([{ firstCounter: 1, lastCounter: 1, id: relay.stored()[0]?.id, seq: relay.stored()[0]?.seq }]);
    expect((await again.listReports()).map((r) => r.state)).toEqual(['delivered']);
    expect(second.snapshot().state).toEqual({ kind: 'idle' });
    second.stop();
    store.close();
  });

  it('stops sending once an answer cannot be written, and says why only after the batch in progress ended', async () => {
    const { store, session } = await queuedBundles('disk-error', 3);
    const relay = createFakeRelay();
    const failing: VaultSession = { ...session, markBundlesDelivered: () => Promise.resolve({ ok: false, reason: 'storage-error' }) };
    const { engine, clock } = createTestEngine(failing, relay);
    // Slow uploads, so the first answer is written (and fails) while the second PUT is on its way.
    relay.afterStore = () => clock.advance(MAX_UNRECORDED_MS);
    engine.start();
    await engine.trigger('start');
    // The first answer's write failed before the second PUT's answer came: the third was not offered.
    expect(relay.requests().filter((r) => r.method === 'PUT')).toHaveLength(2);
    expect(engine.snapshot().state).toEqual({ kind: 'backing-off', until: clock.now() + 750, reason: 'phone-storage-error' });
    expect(await session.unsentBundles()).toHaveLength(3);
    engine.stop();
    store.close();
  });
});
