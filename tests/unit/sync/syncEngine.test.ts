import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { FakeHttpAnswer } from '../../../src/platform/fakeHttp';
import type { Http } from '../../../src/platform/http';
import { createMemoryExclusiveLock } from '../../../src/platform/memoryExclusiveLock';
import { SYNC_LOCK_NAME } from '../../../src/sync/createSyncEngine';
import type { SyncEngine } from '../../../src/sync/createSyncEngine';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { createdStore, sampleReport } from '../store/storeTestKit';
import { createFakeRelay, createTestEngine, openStoredBundles, RELAY_A, testInvite, UPLOAD_TOKEN } from './syncTestKit';
import type { FakeRelay } from './syncTestKit';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const relayError = (status: number, code: string, headers: Record<string, string> = {}): FakeHttpAnswer => ({ status, headers, body: { error: { code, message: code } } });

async function joinedSetup(label: string, options: { invite?: Parameters<typeof testInvite>[0]; http?: (relay: FakeRelay) => Http } = {}) {
  const { store, session } = await createdStore(label);
  const joined = await joinOrganisation(session, testInvite(options.invite));
  if (!joined.ok) throw new Error(`set-up: ${joined.reason}`);
  const relay = createFakeRelay();
  const http = options.http?.(relay) ?? relay.http;
  const test = createTestEngine(session, { http, requests: relay.requests });
  return { store, session, relay, ...test };
}

async function save(session: Awaited<ReturnType<typeof createdStore>>['session'], engine?: SyncEngine) {
  const saved = await session.saveReport(sampleReport());
  if (!saved.ok) throw new Error(saved.reason);
  await engine?.trigger('save');
}

describe('sync engine', () => {
  it('at start, seals and delivers what waits, then shows everything delivered', async () => {
    const { store, session, relay, engine } = await joinedSetup('start');
    await save(session);
    await save(session);
    engine.start();
    await engine.trigger('start');
    expect(engine.snapshot().state).toEqual({ kind: 'idle' });
    expect(relay.stored()).toHaveLength(1);
    expect(engine.snapshot().outbox).toMatchObject({ joined: true, reports: { local: 0, queued: 0, delivered: 2 }, unsentBundles: 0 });
    expect((await session.listReports()).map((r) => r.state)).toEqual(['delivered', 'delivered']);
    await save(session, engine);
    expect(relay.stored()).toHaveLength(2);
    engine.stop();
    store.close();
  });

  it('keeps reports on this phone while no organisation is joined', async () => {
    const { store, session } = await createdStore('not-joined');
    const relay = createFakeRelay();
    const { engine } = createTestEngine(session, relay);
    await save(session);
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    await engine.trigger('save');
    expect(engine.snapshot()).toMatchObject({ state: { kind: 'idle' }, outbox: { joined: false, reports: { local: 1 } } });
    expect(relay.requests()).toEqual([]);
    engine.stop();
    store.close();
  });

  it('backs off after a network failure and retries on the timer; a lost response is retried byte-identical (one copy at the relay)', async () => {
    // One relay: a mirror sharing its storage would answer "already stored" at once.
    const { store, session, relay, engine, clock } = await joinedSetup('lost-response', { invite: { relays: [RELAY_A] } });
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    relay.loseResponses = 1;
    await save(session, engine);
    const state = engine.snapshot().state;
    expect(state).toEqual({ kind: 'backing-off', until: clock.now() + 750, reason: 'network' });
    expect(relay.stored()).toHaveLength(1);
    expect(engine.snapshot().outbox?.reports.queued).toBe(1);
    clock.advance(750);
    await vi.waitFor(() => expect(engine.snapshot().state).toEqual({ kind: 'idle' }));
    // Uploads only (once delivered, the engine also looks for coordinator receipts with a GET).
    const bodies = relay.requests().filter((r) => r.method === 'PUT').map((r) => b64(r.body ?? new Uint8Array()));
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    expect(relay.stored()).toHaveLength(1);
    expect(engine.snapshot().outbox?.reports.delivered).toBe(1);
    engine.stop();
    store.close();
  });

  it('honours Retry-After on 429: saves meanwhile wait (unsealed, short of a full bundle) until the time has come', async () => {
    let limited = true;
    const { store, session, relay, engine, clock } = await joinedSetup('rate-limited', {
      http: (r) => (request) => (limited ? Promise.resolve(fakeResponse(relayError(429, 'rate_limited', { 'retry-after': '30' }))) : r.http(request)),
    });
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    await save(session, engine);
    expect(engine.snapshot().state).toEqual({ kind: 'backing-off', until: clock.now() + 30_000, reason: 'rate-limited' });
    limited = false;
    await save(session, engine);
    await engine.trigger('online');
    await engine.trigger('visible');
    expect(relay.stored()).toHaveLength(0);
    // The first save's run was an upload attempt, so it sealed; the second only waits.
    expect(engine.snapshot().outbox).toMatchObject({ unsealedVersions: 1, unsentBundles: 1, reports: { queued: 2 } });
    clock.advance(29_999);
    expect(relay.stored()).toHaveLength(0);
    clock.advance(1);
    await vi.waitFor(() => expect(engine.snapshot().state).toEqual({ kind: 'idle' }));
    expect(relay.stored()).toHaveLength(2);
    engine.stop();
    store.close();
  });

  it('backs off long when the relay disk is full (507)', async () => {
    const { store, session, relay, engine, clock } = await joinedSetup('relay-full');
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    relay.override = relayError(507, 'storage_full');
    await save(session, engine);
    expect(engine.snapshot().state).toEqual({ kind: 'backing-off', until: clock.now() + 675_000, reason: 'relay-full' });
    engine.stop();
    store.close();
  });

  it('blocks when the relay refuses the token (401/403), and a renewed invite with the same keys unblocks it', async () => {
    const wrongToken = b64(new Uint8Array(32).fill(1));
    const { store, session, relay, engine } = await joinedSetup('unauthorised', { invite: { uploadToken: wrongToken } });
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    await save(session, engine);
    expect(engine.snapshot().state).toEqual({ kind: 'blocked', reason: 'unauthorised' });
    const attempts = relay.requests().length;
    await save(session, engine);
    await engine.trigger('online');
    expect(relay.requests()).toHaveLength(attempts);
    expect(engine.snapshot().outbox).toMatchObject({ unsealedVersions: 1, unsentBundles: 1, reports: { queued: 2 } });

    const renewed = await joinOrganisation(session, testInvite({ uploadToken: UPLOAD_TOKEN }));
    expect(renewed.ok && renewed.value.kind).toBe('renewed');
    await engine.trigger('joined');
    expect(engine.snapshot().state).toEqual({ kind: 'idle' });
    expect(relay.stored()).toHaveLength(2);
    engine.stop();
    store.close();
  });

  it('a bundle the relay finds too large (413) is held back while the others are delivered; "Sync now" tries it again', async () => {
    let tooLargeId: string | null = null;
    const { store, session, relay, engine } = await joinedSetup('too-large', {
      http: (r) => (request) => (tooLargeId !== null && request.url.endsWith(tooLargeId) ? Promise.resolve(fakeResponse(relayError(413, 'payload_too_large'))) : r.http(request)),
    });
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    relay.partitioned = true;
    await save(session, engine);
    tooLargeId = (await session.unsentBundles())[0]?.id ?? null;
    relay.partitioned = false;
    await save(session, engine);
    expect(engine.snapshot().state).toEqual({ kind: 'blocked', reason: 'too-large' });
    expect(relay.stored()).toHaveLength(1);
    expect(engine.snapshot().outbox?.reports).toEqual({ local: 0, queued: 1, delivered: 1 });
    await save(session, engine);
    expect(relay.stored()).toHaveLength(2);
    tooLargeId = null;
    await engine.trigger('manual');
    expect(engine.snapshot().state).toEqual({ kind: 'idle' });
    expect(relay.stored()).toHaveLength(3);
    engine.stop();
    store.close();
  });

  it('tries the mirrors in order', async () => {
    const { store, session, relay, engine } = await joinedSetup('mirrors', {
      http: (r) => (request) => (request.url.startsWith('https://relay-a.example') ? Promise.reject(new TypeError('Failed to fetch')) : r.http(request)),
    });
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    await save(session, engine);
    expect(engine.snapshot().state).toEqual({ kind: 'idle' });
    expect(relay.requests().filter((r) => r.method === 'PUT').map((r) => new URL(r.url).origin)).toEqual(['https://relay-b.example']);
    expect(relay.stored()).toHaveLength(1);
    engine.stop();
    store.close();
  });

  it('while offline seals nothing short of a full bundle (the report waits to be sent); the online event seals and delivers', async () => {
    const { store, session, relay, engine, online } = await joinedSetup('offline');
    online.set(false);
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    await save(session, engine);
    await save(session, engine);
    expect(engine.snapshot().state).toEqual({ kind: 'offline' });
    expect(engine.snapshot().outbox).toMatchObject({ unsealedVersions: 2, unsentBundles: 0, reports: { queued: 2 } });
    expect((await session.listReports()).map((r) => r.state)).toEqual(['queued', 'queued']);
    expect(relay.requests()).toEqual([]);
    online.set(true);
    await vi.waitFor(() => expect(engine.snapshot().state).toEqual({ kind: 'idle' }));
    expect(openStoredBundles(relay).map((b) => [b.firstCounter, b.lastCounter])).toEqual([[1, 2]]);
    engine.stop();
    store.close();
  });

  it('becoming visible delivers what a network failure held back', async () => {
    const { store, session, relay, engine, visibility } = await joinedSetup('visible');
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    relay.partitioned = true;
    await save(session, engine);
    expect(engine.snapshot().state.kind).toBe('backing-off');
    relay.partitioned = false;
    visibility.set(false);
    visibility.set(true);
    await vi.waitFor(() => expect(engine.snapshot().state).toEqual({ kind: 'idle' }));
    expect(relay.stored()).toHaveLength(1);
    engine.stop();
    store.close();
  });

  it('one tab flushes at a time: while another holds the lock nothing is sent, and it looks again shortly after', async () => {
    const locks = createMemoryExclusiveLock();
    const { store, session } = await createdStore('locks');
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    const relay = createFakeRelay();
    const { engine, clock } = createTestEngine(session, relay, { locks });
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    let release = () => {};
    const otherTab = locks.runIfAvailable(SYNC_LOCK_NAME, () => new Promise<void>((resolve) => (release = resolve)));
    await save(session, engine);
    expect(relay.requests()).toEqual([]);
    release();
    await otherTab;
    clock.advance(1000);
    await vi.waitFor(() => expect(relay.stored()).toHaveLength(1));
    engine.stop();
    store.close();
  });

  it('stop (on lock) drops listeners and timers, and later triggers do nothing', async () => {
    const { store, session, relay, engine, clock, online, visibility } = await joinedSetup('stop');
    engine.start();
    // The start run first, so that what the test does next is not raced by it.
    await engine.trigger('start');
    expect([online.listenerCount(), visibility.listenerCount()]).toEqual([1, 1]);
    relay.partitioned = true;
    await save(session, engine);
    expect(clock.pendingTimers()).toBe(1);
    engine.stop();
    expect([online.listenerCount(), visibility.listenerCount(), clock.pendingTimers()]).toEqual([0, 0, 0]);
    expect(engine.snapshot()).toMatchObject({ state: { kind: 'stopped' }, outbox: null });
    relay.partitioned = false;
    const before = relay.requests().length;
    await engine.trigger('manual');
    expect(relay.requests()).toHaveLength(before);
    store.close();
  });

  it('an upload cut off by stop (lock) does not leave a backoff behind when the engine starts again', async () => {
    let hang = true;
    let requestSeen = () => {};
    const seen = new Promise<void>((resolve) => (requestSeen = resolve));
    const { store, session, relay, engine } = await joinedSetup('restart', {
      http: (r) => (request) => {
        if (!hang) return r.http(request);
        requestSeen();
        return new Promise((_resolve, reject) => request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      },
    });
    engine.start();
    await engine.trigger('start');
    const states: string[] = [];
    engine.subscribe(() => states.push(engine.snapshot().state.kind));
    await save(session);
    const cutOff = engine.trigger('save');
    await seen;
    engine.stop();
    hang = false;
    engine.start();
    await cutOff;
    await engine.trigger('start');
    expect(engine.snapshot().state).toEqual({ kind: 'idle' });
    expect(relay.stored()).toHaveLength(1);
    expect(states).not.toContain('backing-off');
    engine.stop();
    store.close();
  });

  it('a bug in a flush rejects the trigger but leaves the engine usable (not stuck "sending")', async () => {
    const { store, session } = await createdStore('bug');
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    let broken = true;
    const flaky = { ...session, unsentBundleQueue: (after?: number) => (broken ? Promise.reject(new Error('bug in unsentBundles')) : session.unsentBundleQueue(after)) };
    const relay = createFakeRelay();
    const { engine } = createTestEngine(flaky, relay);
    engine.start();
    await expect(engine.trigger('start')).rejects.toThrow('bug in unsentBundles');
    expect(engine.snapshot().state).toEqual({ kind: 'idle' });
    broken = false;
    await save(session, engine);
    expect(relay.stored()).toHaveLength(1);
    engine.stop();
    store.close();
  });

  it('stops by itself when the vault is locked under it', async () => {
    const { store, session, engine } = await joinedSetup('locked-under');
    engine.start();
    await engine.trigger('start');
    session.lock();
    await save(session).catch(() => undefined);
    await engine.trigger('manual');
    expect(engine.snapshot().state).toEqual({ kind: 'stopped' });
    store.close();
  });
});

function fakeResponse(answer: FakeHttpAnswer) {
  if (answer === 'network-error') throw new Error('use a rejection for network errors');
  return { status: answer.status, header: (name: string) => Object.entries(answer.headers ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? null, json: () => Promise.resolve(answer.body) };
}
