import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveKeyOffThread } from '../../../src/crypto/deriveKeyOffThread';
import { fromBase64Url } from '../../../src/crypto/bytes';
import { VaultLockedError } from '../../../src/store/VaultLockedError';
import { createdStore, OTHER_PASSPHRASE, openTestStore, PASSPHRASE, uniqueDbName } from './storeTestKit';

vi.mock('../../../src/crypto/deriveKeyOffThread', async (importOriginal) => {
  const original = await importOriginal<{ deriveKeyOffThread: typeof deriveKeyOffThread }>();
  return { deriveKeyOffThread: vi.fn(original.deriveKeyOffThread) };
});
const derive = vi.mocked(deriveKeyOffThread);

afterEach(() => derive.mockClear());

/** The failedUnlocks counter as stored, read through a separate connection. */
async function storedFailedUnlocks(dbName: string): Promise<unknown> {
  const raw = new Dexie(dbName);
  await raw.open();
  const row = (await raw.table('vault').get('vault')) as { failedUnlocks: unknown };
  raw.close();
  return row.failedUnlocks;
}

async function tamperKdfHeader(dbName: string, change: Record<string, number>): Promise<void> {
  const raw = new Dexie(dbName);
  await raw.open();
  const row = (await raw.table('vault').get('vault')) as { kdf: object };
  await raw.table('vault').put({ ...row, kdf: { ...row.kdf, ...change } });
  raw.close();
}

describe('vault', () => {
  it('creates, locks and unlocks with the same device id', async () => {
    const { dbName, store, session } = await createdStore('roundtrip');
    expect(fromBase64Url(session.deviceId)).toHaveLength(32);
    expect(await store.vaultStatus()).toBe('locked');
    session.lock();
    expect(session.isLocked()).toBe(true);
    store.close();

    const reopened = openTestStore(dbName);
    const unlocked = await reopened.unlock(PASSPHRASE);
    expect(unlocked.ok && unlocked.value.deviceId).toBe(session.deviceId);
    expect(unlocked.ok && unlocked.value.isLocked()).toBe(false);
    reopened.close();
  });

  it('reports no vault before creation, and refuses a second one', async () => {
    const store = openTestStore(uniqueDbName('none'));
    expect(await store.vaultStatus()).toBe('none');
    expect(await store.unlock(PASSPHRASE)).toEqual({ ok: false, reason: 'no-vault' });
    expect((await store.createVault(PASSPHRASE)).ok).toBe(true);
    expect(await store.createVault(OTHER_PASSPHRASE)).toEqual({ ok: false, reason: 'vault-exists' });
    store.close();
  });

  it('refuses a weak passphrase without creating anything', async () => {
    const store = openTestStore(uniqueDbName('weak'));
    expect(await store.createVault('1234')).toEqual({ ok: false, reason: 'passphrase-too-weak' });
    expect(await store.vaultStatus()).toBe('none');
    expect(derive).not.toHaveBeenCalled();
    store.close();
  });

  it('refuses a wrong passphrase, counts it durably across reopen, and resets on success', async () => {
    const { dbName, store } = await createdStore('wrong');
    store.close();
    const first = openTestStore(dbName);
    expect(await first.unlock(OTHER_PASSPHRASE)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await first.unlock(`${PASSPHRASE} `)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await first.failedUnlockCount()).toBe(2);
    first.close();

    const second = openTestStore(dbName);
    expect(await second.failedUnlockCount()).toBe(2);
    expect((await second.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await second.failedUnlockCount()).toBe(0);
    second.close();
  });

  it('commits the incremented counter before it starts deriving', async () => {
    const { dbName, store } = await createdStore('before');
    const seenDuringDerivation: unknown[] = [];
    derive.mockImplementationOnce(async () => {
      seenDuringDerivation.push(await storedFailedUnlocks(dbName));
      // Simulates the app being killed mid-derivation: the attempt must already be on disk.
      throw new Error('killed');
    });
    await expect(store.unlock(PASSPHRASE)).rejects.toThrow('killed');
    expect(seenDuringDerivation).toEqual([1]);
    expect(await store.failedUnlockCount()).toBe(1);
    store.close();
  });

  it.each([
    ['memory below the floor', { memoryKiB: 1024 }],
    ['iterations below the floor', { iterations: 1 }],
    ['memory above the ceiling', { memoryKiB: 8 * 1024 * 1024 }],
    ['iterations above the ceiling', { iterations: 1_000_000 }],
  ])('refuses a stored header with %s, without deriving', async (_label, change) => {
    const { dbName, store } = await createdStore('unsafe');
    store.close();
    await tamperKdfHeader(dbName, change);
    derive.mockClear();
    const reopened = openTestStore(dbName);
    expect(await reopened.unlock(PASSPHRASE)).toEqual({ ok: false, reason: 'unsafe-kdf-params' });
    expect(derive).not.toHaveBeenCalled();
    reopened.close();
  });

  it('control: the untampered header unlocks after a reopen', async () => {
    const { dbName, store } = await createdStore('safe');
    store.close();
    await tamperKdfHeader(dbName, {});
    const reopened = openTestStore(dbName);
    expect((await reopened.unlock(PASSPHRASE)).ok).toBe(true);
    reopened.close();
  });

  it('after lock, writes answer locked and reads throw VaultLockedError', async () => {
    const { store, session } = await createdStore('locked');
    session.lock();
    expect(await session.saveDraft('d', { a: 1 })).toEqual({ ok: false, reason: 'locked' });
    expect(await session.updateSettings({ lockTimeoutMinutes: 10 })).toEqual({ ok: false, reason: 'locked' });
    expect(await session.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)).toEqual({ ok: false, reason: 'locked' });
    await expect(session.listReports()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(session.reportHistory('x')).rejects.toBeInstanceOf(VaultLockedError);
    await expect(session.loadDraft('d')).rejects.toBeInstanceOf(VaultLockedError);
    await expect(session.getSettings()).rejects.toBeInstanceOf(VaultLockedError);
    store.close();
  });

  it('close() locks the sessions it handed out', async () => {
    const { store, session } = await createdStore('close');
    store.close();
    expect(session.isLocked()).toBe(true);
  });

  it('rejects KDF options below the floor when opening', () => {
    expect(() => openTestStore(uniqueDbName('opts'), { kdf: { iterations: 1 } })).toThrow(/options\.kdf/);
  });
});
