import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveKeyOffThread } from '../../../src/crypto/deriveKeyOffThread';
import { readAllRowsRaw } from './rawDatabase';
import { createdStore, openTestStore, PASSPHRASE, sampleReport } from './storeTestKit';

vi.mock('../../../src/crypto/deriveKeyOffThread', async (importOriginal) => {
  const original = await importOriginal<{ deriveKeyOffThread: typeof deriveKeyOffThread }>();
  return { deriveKeyOffThread: vi.fn(original.deriveKeyOffThread) };
});
const derive = vi.mocked(deriveKeyOffThread);
afterEach(() => derive.mockClear());

/** A vault with a report, an amendment, a draft and a changed setting: a row in most tables. */
async function filledStore(label: string) {
  const created = await createdStore(label);
  const { session } = created;
  const report = sampleReport({ narrative: 'Officers searched the flat and took the laptop.' });
  expect((await session.saveReport(report)).ok).toBe(true);
  expect((await session.saveReport({ ...report, narrative: 'Officers searched the flat, took the laptop and a phone.' })).ok).toBe(true);
  expect((await session.saveDraft('draft-1', { narrative: 'half typed' })).ok).toBe(true);
  expect((await session.updateSettings({ lockTimeoutMinutes: 2 })).ok).toBe(true);
  expect((await session.setFailedUnlockLimit(5)).ok).toBe(true);
  return created;
}

async function databaseExists(dbName: string): Promise<boolean> {
  return (await indexedDB.databases()).some((info) => info.name === dbName);
}

describe('panic wipe', () => {
  it('control: a filled store has rows in its tables', async () => {
    const { dbName, store } = await filledStore('control');
    store.close();
    const tables = new Set((await readAllRowsRaw(dbName)).map((row) => row.table));
    expect([...tables].sort()).toEqual(['counters', 'drafts', 'outbox', 'reportVersions', 'reports', 'settings', 'vault']);
  });

  it('drops the key, deletes the database, and leaves a store that reports no vault', async () => {
    const { dbName, store, session } = await filledStore('unlocked');
    const lockedWhenKeyGone: boolean[] = [];
    const result = await store.panicWipe({ onKeyMaterialGone: () => lockedWhenKeyGone.push(session.isLocked()) });

    expect(result).toEqual({ ok: true, value: undefined });
    expect(lockedWhenKeyGone).toEqual([true]);
    expect(session.isLocked()).toBe(true);
    expect(await databaseExists(dbName)).toBe(false);
    expect(await store.vaultStatus()).toBe('none');
    expect(await store.failedUnlockCount()).toBe(0);
    expect(await store.failedUnlockLimit()).toBe(0);
    expect(await store.unlock(PASSPHRASE)).toEqual({ ok: false, reason: 'no-vault' });
    store.close();
    // Reopened by the calls above, as on a fresh install: every table of the current schema, and no row.
    expect(await readAllRowsRaw(dbName)).toEqual([]);
  });

  it('works while locked, and a new vault can be created afterwards with a new device id', async () => {
    const { dbName, store, session } = await filledStore('locked');
    const oldDeviceId = session.deviceId;
    session.lock();
    expect((await store.panicWipe()).ok).toBe(true);
    expect(await databaseExists(dbName)).toBe(false);

    const fresh = await store.createVault(PASSPHRASE);
    expect(fresh.ok).toBe(true);
    if (!fresh.ok) return;
    expect(fresh.value.deviceId).not.toBe(oldDeviceId);
    expect(await fresh.value.listReports()).toEqual([]);
    expect(await fresh.value.loadDraft('draft-1')).toBeUndefined();
    expect(await fresh.value.getSettings()).toEqual({ lockTimeoutMinutes: 5, removeAfterReceipt: false });
    store.close();
  });

  it('locks the sessions of another tab (another connection) when their database is deleted', async () => {
    const { dbName, store } = await filledStore('two-tabs');
    const otherTab = openTestStore(dbName);
    const unlocked = await otherTab.unlock(PASSPHRASE);
    expect(unlocked.ok).toBe(true);
    if (!unlocked.ok) return;
    expect(await unlocked.value.listReports()).toHaveLength(1);

    expect((await store.panicWipe()).ok).toBe(true);
    expect(unlocked.value.isLocked()).toBe(true);
    expect(await databaseExists(dbName)).toBe(false);
    otherTab.close();
    store.close();
  });

  it('finishes an interrupted wipe when the next vault is created: rows left without their vault row are cleared', async () => {
    const { dbName, store } = await filledStore('interrupted');
    store.close();
    // As if the app died between step 2 (vault row deleted) and step 3 (database deleted).
    const raw = new Dexie(dbName);
    await raw.open();
    await raw.table('vault').clear();
    raw.close();
    const leftover = await readAllRowsRaw(dbName);
    expect(leftover.length).toBeGreaterThan(0);

    const reopened = openTestStore(dbName);
    expect(await reopened.vaultStatus()).toBe('none');
    const created = await reopened.createVault(PASSPHRASE);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await created.value.listReports()).toEqual([]);
    reopened.close();
    const rows = await readAllRowsRaw(dbName);
    expect(rows.map((row) => row.table)).toEqual(['vault']);
  });

  it('an unlock whose derivation was running during the wipe opens nothing', async () => {
    const { store, session } = await filledStore('during-unlock');
    session.lock();
    const realDerive = derive.getMockImplementation();
    if (realDerive === undefined) throw new Error('derive mock has no implementation');
    derive.mockImplementationOnce(async (passphrase, params) => {
      const key = await realDerive(passphrase, params);
      expect((await store.panicWipe()).ok).toBe(true);
      return key;
    });
    expect(await store.unlock(PASSPHRASE)).toEqual({ ok: false, reason: 'no-vault' });
    expect(await store.vaultStatus()).toBe('none');
    store.close();
  });
});
