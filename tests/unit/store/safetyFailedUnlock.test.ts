import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveKeyOffThread } from '../../../src/crypto/deriveKeyOffThread';
import { attemptsLeft } from '../../../src/store/failedUnlockPolicy';
import type { FailedUnlockLimit } from '../../../src/store/storeApi';
import { readAllRowsRaw } from './rawDatabase';
import { createdStore, OTHER_PASSPHRASE, openTestStore, PASSPHRASE, sampleReport } from './storeTestKit';

vi.mock('../../../src/crypto/deriveKeyOffThread', async (importOriginal) => {
  const original = await importOriginal<{ deriveKeyOffThread: typeof deriveKeyOffThread }>();
  return { deriveKeyOffThread: vi.fn(original.deriveKeyOffThread) };
});
const derive = vi.mocked(deriveKeyOffThread);
afterEach(() => derive.mockClear());

/** A locked vault with one report and the given limit; the store stays open. */
async function lockedVault(label: string, limit: FailedUnlockLimit) {
  const created = await createdStore(label);
  expect((await created.session.saveReport(sampleReport())).ok).toBe(true);
  expect(await created.session.setFailedUnlockLimit(limit)).toEqual({ ok: true, value: undefined });
  created.session.lock();
  return created;
}

async function wrongAttempts(store: { unlock(p: string): Promise<unknown> }, count: number): Promise<unknown[]> {
  const results: unknown[] = [];
  for (let i = 0; i < count; i += 1) results.push(await store.unlock(OTHER_PASSPHRASE));
  return results;
}

describe('wipe after failed unlocks', () => {
  it('wipes exactly at the 5th wrong passphrase, not at the 4th', async () => {
    const { dbName, store } = await lockedVault('at-n', 5);
    expect(await store.failedUnlockLimit()).toBe(5);
    const firstFour = await wrongAttempts(store, 4);
    expect(firstFour).toEqual(Array.from({ length: 4 }, () => ({ ok: false, reason: 'wrong-passphrase' })));
    expect(await store.vaultStatus()).toBe('locked');
    expect(attemptsLeft(await store.failedUnlockLimit(), await store.failedUnlockCount())).toBe(1);

    expect(await store.unlock(OTHER_PASSPHRASE)).toEqual({ ok: false, reason: 'wiped' });
    expect(await store.vaultStatus()).toBe('none');
    expect(await store.unlock(PASSPHRASE)).toEqual({ ok: false, reason: 'no-vault' });
    store.close();
    expect(await readAllRowsRaw(dbName)).toEqual([]);
  });

  it('counts across reopening the store (a reload), never going back', async () => {
    const { dbName, store } = await lockedVault('reload', 5);
    await wrongAttempts(store, 2);
    store.close();
    const second = openTestStore(dbName);
    expect(await second.failedUnlockCount()).toBe(2);
    await wrongAttempts(second, 2);
    second.close();
    const third = openTestStore(dbName);
    expect(await third.failedUnlockCount()).toBe(4);
    expect(await third.unlock(OTHER_PASSPHRASE)).toEqual({ ok: false, reason: 'wiped' });
    expect(await third.vaultStatus()).toBe('none');
    third.close();
  });

  it('resets on the right passphrase, so the limit counts attempts in a row', async () => {
    const { store } = await lockedVault('reset', 5);
    await wrongAttempts(store, 4);
    const unlocked = await store.unlock(PASSPHRASE);
    expect(unlocked.ok).toBe(true);
    if (unlocked.ok) unlocked.value.lock();
    expect(await store.failedUnlockCount()).toBe(0);
    expect(await wrongAttempts(store, 4)).not.toContainEqual({ ok: false, reason: 'wiped' });
    const again = await store.unlock(PASSPHRASE);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(await again.value.listReports()).toHaveLength(1);
    store.close();
  });

  it('control: with the limit off, wrong passphrases never wipe', async () => {
    const { store } = await lockedVault('off', 0);
    expect(await wrongAttempts(store, 6)).not.toContainEqual({ ok: false, reason: 'wiped' });
    expect(await store.failedUnlockCount()).toBe(6);
    expect(attemptsLeft(0, 6)).toBeNull();
    expect((await store.unlock(PASSPHRASE)).ok).toBe(true);
    store.close();
  });

  it('an attempt killed mid-derivation still counts; the next wrong one at or past the limit wipes', async () => {
    const { store } = await lockedVault('killed', 5);
    await wrongAttempts(store, 4);
    derive.mockImplementationOnce(() => Promise.reject(new Error('killed')));
    await expect(store.unlock(OTHER_PASSPHRASE)).rejects.toThrow('killed');
    expect(await store.failedUnlockCount()).toBe(5);
    expect(await store.vaultStatus()).toBe('locked');
    expect(await store.unlock(OTHER_PASSPHRASE)).toEqual({ ok: false, reason: 'wiped' });
    store.close();
  });

  it('still opens for the right passphrase when a killed attempt reached the limit', async () => {
    const { store } = await lockedVault('killed-then-right', 5);
    await wrongAttempts(store, 4);
    derive.mockImplementationOnce(() => Promise.reject(new Error('killed')));
    await expect(store.unlock(OTHER_PASSPHRASE)).rejects.toThrow('killed');
    const unlocked = await store.unlock(PASSPHRASE);
    expect(unlocked.ok).toBe(true);
    expect(await store.failedUnlockCount()).toBe(0);
    store.close();
  });

  it('accepts 10 and 20, refuses other numbers, and answers locked after lock', async () => {
    const { store, session } = await createdStore('choices');
    for (const limit of [10, 20, 0] as const) {
      expect((await session.setFailedUnlockLimit(limit)).ok).toBe(true);
      expect(await store.failedUnlockLimit()).toBe(limit);
    }
    await expect(session.setFailedUnlockLimit(3 as FailedUnlockLimit)).rejects.toThrow(/limit/);
    session.lock();
    expect(await session.setFailedUnlockLimit(5)).toEqual({ ok: false, reason: 'locked' });
    store.close();
  });

  it('reads a stored limit that is not one of the choices as off', async () => {
    const { dbName, store } = await lockedVault('tampered', 5);
    store.close();
    const raw = new Dexie(dbName);
    await raw.open();
    await raw.table('vault').update('vault', { failedUnlockLimit: 1 });
    raw.close();
    const reopened = openTestStore(dbName);
    expect(await reopened.failedUnlockLimit()).toBe(0);
    expect(await wrongAttempts(reopened, 2)).not.toContainEqual({ ok: false, reason: 'wiped' });
    reopened.close();
  });
});
