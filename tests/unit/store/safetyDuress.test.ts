import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveKeyOffThread } from '../../../src/crypto/deriveKeyOffThread';
import { DURESS_MARKER_BYTES } from '../../../src/store/duressHeader';
import type { VaultRow } from '../../../src/store/schema';
import { findMarkers, readAllRowsRaw } from './rawDatabase';
import { createdStore, FLOOR_KDF, OTHER_PASSPHRASE, openTestStore, PASSPHRASE, sampleReport } from './storeTestKit';

vi.mock('../../../src/crypto/deriveKeyOffThread', async (importOriginal) => {
  const original = await importOriginal<{ deriveKeyOffThread: typeof deriveKeyOffThread }>();
  return { deriveKeyOffThread: vi.fn(original.deriveKeyOffThread) };
});
const derive = vi.mocked(deriveKeyOffThread);
afterEach(() => derive.mockClear());

const DURESS = 'birch window salt granary fourteen';
const MARKER = 'Duress-test-marker-4f1c9e';

async function rawVaultRow(dbName: string): Promise<VaultRow> {
  const raw = new Dexie(dbName);
  await raw.open();
  const row = (await raw.table('vault').get('vault')) as VaultRow;
  raw.close();
  return row;
}

/** A vault holding one report with MARKER, a duress passphrase set, then locked. */
async function vaultWithDuress(label: string) {
  const created = await createdStore(label);
  const { session } = created;
  expect((await session.saveReport(sampleReport({ narrative: `Detained at the court ${MARKER}` }))).ok).toBe(true);
  expect(await session.setDuressPassphrase(DURESS)).toEqual({ ok: true, value: undefined });
  session.lock();
  return created;
}

describe('duress passphrase', () => {
  it('control: with a duress passphrase set, the real passphrase still opens the reports', async () => {
    const { store, session } = await vaultWithDuress('control');
    const again = await store.unlock(PASSPHRASE);
    expect(again.ok && again.value.deviceId).toBe(session.deviceId);
    if (!again.ok) return;
    expect((await again.value.listReports()).map((r) => r.latest.report.narrative)).toEqual([`Detained at the court ${MARKER}`]);
    store.close();
  });

  it('silently replaces the vault with an empty one; the real passphrase then opens nothing', async () => {
    const { dbName, store, session } = await vaultWithDuress('opens-empty');
    const opened = await store.unlock(DURESS);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const empty = opened.value;
    expect(empty.deviceId).not.toBe(session.deviceId);
    expect(await empty.listReports()).toEqual([]);
    expect(await empty.getSettings()).toEqual({ lockTimeoutMinutes: 5, removeAfterReceipt: false });
    // It behaves normally: reports can be saved and read back.
    expect((await empty.saveReport(sampleReport({ narrative: 'A quiet day at the market.' }))).ok).toBe(true);
    expect(await empty.listReports()).toHaveLength(1);
    // Nothing of the real vault is left at rest, and its passphrase is refused.
    expect(findMarkers(await readAllRowsRaw(dbName), [MARKER])).toEqual([]);
    empty.lock();
    expect(await store.unlock(PASSPHRASE)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    // The duress passphrase is now simply this vault's passphrase; the new vault has no duress passphrase.
    const reopened = await store.unlock(DURESS);
    expect(reopened.ok && reopened.value.deviceId).toBe(empty.deviceId);
    if (!reopened.ok) return;
    expect(await reopened.value.hasDuressPassphrase()).toBe(false);
    store.close();
  });

  it('runs both derivations on every unlock, whichever passphrase is typed', async () => {
    const { store } = await vaultWithDuress('two-derivations');
    for (const passphrase of [PASSPHRASE, OTHER_PASSPHRASE, DURESS]) {
      derive.mockClear();
      const result = await store.unlock(passphrase);
      if (result.ok) result.value.lock();
      expect(derive).toHaveBeenCalledTimes(2);
    }
    store.close();
  });

  it('leaves the vault row the same shape whether or not a duress passphrase is set', async () => {
    const { dbName, store, session } = await createdStore('shape');
    const before = await rawVaultRow(dbName);
    expect(await session.hasDuressPassphrase()).toBe(false);
    expect((await session.setDuressPassphrase(DURESS)).ok).toBe(true);
    const withDuress = await rawVaultRow(dbName);
    expect(await session.hasDuressPassphrase()).toBe(true);

    expect(Object.keys(withDuress).sort()).toEqual(Object.keys(before).sort());
    for (const row of [before, withDuress]) {
      expect(row.duress?.marker).toHaveLength(DURESS_MARKER_BYTES);
      expect(row.duress?.sealedIsSet).toHaveLength(before.duress?.sealedIsSet.length ?? -1);
      expect(row.duress?.kdf).toMatchObject({ algorithm: 'argon2id', ...FLOOR_KDF });
      expect(row.duress?.kdf.salt).not.toEqual(row.kdf.salt);
    }
    expect(withDuress.duress?.marker).not.toEqual(before.duress?.marker);
    store.close();
  });

  it('refuses the vault passphrase, a weak one, and a locked session; remove makes it an ordinary wrong passphrase', async () => {
    const { store, session } = await createdStore('refusals');
    expect(await session.setDuressPassphrase(PASSPHRASE)).toEqual({ ok: false, reason: 'same-as-passphrase' });
    expect(await session.setDuressPassphrase('1234')).toEqual({ ok: false, reason: 'passphrase-too-weak' });
    expect(await session.hasDuressPassphrase()).toBe(false);
    expect((await session.setDuressPassphrase(DURESS)).ok).toBe(true);
    expect(await session.clearDuressPassphrase()).toEqual({ ok: true, value: undefined });
    expect(await session.hasDuressPassphrase()).toBe(false);
    const deviceId = session.deviceId;
    session.lock();
    expect(await session.setDuressPassphrase(DURESS)).toEqual({ ok: false, reason: 'locked' });
    expect(await session.clearDuressPassphrase()).toEqual({ ok: false, reason: 'locked' });

    expect(await store.unlock(DURESS)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await store.failedUnlockCount()).toBe(1);
    const real = await store.unlock(PASSPHRASE);
    expect(real.ok && real.value.deviceId).toBe(deviceId);
    store.close();
  });

  it('refuses to change the passphrase to the duress passphrase', async () => {
    const { store, session } = await createdStore('change');
    expect((await session.setDuressPassphrase(DURESS)).ok).toBe(true);
    expect(await session.changePassphrase(PASSPHRASE, DURESS)).toEqual({ ok: false, reason: 'matches-duress' });
    expect((await session.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)).ok).toBe(true);
    session.lock();
    expect((await store.unlock(OTHER_PASSPHRASE)).ok).toBe(true);
    store.close();
  });

  it('gives a vault row written before duress headers existed a decoy header at its next unlock', async () => {
    const { dbName, store, session } = await createdStore('old-row');
    session.lock();
    store.close();
    const raw = new Dexie(dbName);
    await raw.open();
    const { duress: _dropped, failedUnlockLimit: _off, ...oldRow } = (await raw.table('vault').get('vault')) as VaultRow;
    await raw.table('vault').put(oldRow);
    raw.close();
    expect((await rawVaultRow(dbName)).duress).toBeUndefined();

    const reopened = openTestStore(dbName);
    expect(await reopened.failedUnlockLimit()).toBe(0);
    const unlocked = await reopened.unlock(PASSPHRASE);
    expect(unlocked.ok).toBe(true);
    if (!unlocked.ok) return;
    expect((await rawVaultRow(dbName)).duress?.marker).toHaveLength(DURESS_MARKER_BYTES);
    expect(await unlocked.value.hasDuressPassphrase()).toBe(false);
    reopened.close();
  });
});
