import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAllRowsRaw } from './rawDatabase';
import { createdStore, openTestStore, PASSPHRASE, sampleReport } from './storeTestKit';

afterEach(() => vi.restoreAllMocks());

describe('reports', () => {
  it('saves versions 1, 2, 3 of a report and keeps every version in history', async () => {
    let clock = 1_700_000_000_000;
    const { store, session } = await createdStore('history', { now: () => (clock += 1000) });
    const first = sampleReport();
    const amended = { ...first, narrative: 'Two officers came, then a third one with a camera.' };
    const again = { ...amended, tags: ['follow-up'] };
    const saved = [await session.saveReport(first), await session.saveReport(amended), await session.saveReport(again)];
    expect(saved.map((s) => s.ok && [s.value.version, s.value.counter])).toEqual([[1, 1], [2, 2], [3, 3]]);

    const history = await session.reportHistory(first.id);
    expect(history.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(history.map((v) => v.report)).toEqual([first, amended, again]);
    expect(history.map((v) => v.savedAt)).toEqual([1_700_000_001_000, 1_700_000_002_000, 1_700_000_003_000]);

    const list = await session.listReports();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ reportId: first.id, versionCount: 3, state: 'local', latest: { version: 3, counter: 3, report: again } });
    store.close();
  });

  it('gives every saved version the next device counter across reports, and lists newest first', async () => {
    const { dbName, store, session } = await createdStore('counter');
    const a = sampleReport();
    const b = sampleReport({ incidentType: 'fine' });
    const results = [await session.saveReport(a), await session.saveReport(b), await session.saveReport({ ...a, tags: ['x'] })];
    expect(results.map((r) => r.ok && `${r.value.reportId === a.id ? 'a' : 'b'}${r.value.version}#${r.value.counter}`)).toEqual(['a1#1', 'b1#2', 'a2#3']);
    expect((await session.listReports()).map((s) => s.reportId)).toEqual([a.id, b.id]);
    store.close();

    // The counter persists: a reopened store continues where it stopped.
    const reopened = openTestStore(dbName);
    const unlocked = await reopened.unlock(PASSPHRASE);
    if (!unlocked.ok) throw new Error(unlocked.reason);
    const next = await unlocked.value.saveReport(b);
    expect(next.ok && [next.value.version, next.value.counter]).toEqual([2, 4]);
    expect((await unlocked.value.listReports()).map((s) => s.reportId)).toEqual([b.id, a.id]);
    reopened.close();
  });

  it('refuses an invalid report without writing anything', async () => {
    const { store, session } = await createdStore('invalid');
    const bad = { ...sampleReport(), narrative: '   ' };
    expect(await session.saveReport(bad)).toEqual({ ok: false, reason: 'invalid-report' });
    expect(await session.listReports()).toEqual([]);
    const good = await session.saveReport(sampleReport());
    expect(good.ok && good.value.counter).toBe(1);
    store.close();
  });

  it('returns an empty history for an unknown report', async () => {
    const { store, session } = await createdStore('unknown');
    await session.saveReport(sampleReport());
    expect(await session.reportHistory(sampleReport().id)).toEqual([]);
    store.close();
  });

  it('answers locked when the session locks while a save is waiting for the database', async () => {
    const { dbName, store, session } = await createdStore('lock-race');
    const pending = session.saveReport(sampleReport());
    session.lock();
    expect(await pending).toEqual({ ok: false, reason: 'locked' });
    expect((await readAllRowsRaw(dbName)).map((r) => r.table)).toEqual(['vault']);
    store.close();
  });

  it('saves in a strict-durability transaction', async () => {
    // Spy before opening: Dexie binds IDBDatabase.transaction when the connection opens.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const { store, session } = await createdStore('durability');
    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    const saveCall = spy.mock.calls.find(([names, mode]) => mode === 'readwrite' && Array.isArray(names) && names.includes('outbox'));
    expect(saveCall?.[2]).toMatchObject({ durability: 'strict' });
    store.close();
  });
});
