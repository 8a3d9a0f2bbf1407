import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCoordinatorApi } from '../../../src/app/createCoordinatorApi';
import { createBlobStorage } from '../../../src/store/blobStorage';

const passphrase = 'quiet river under the old bridge';
let dbCount = 0;
const freshDb = () => `dala-coordinator-test-${++dbCount}`;

describe('blobStorage', () => {
  it('reads back what it wrote, and create never replaces, even when two race', async () => {
    const storage = createBlobStorage(freshDb());
    expect(await storage.read('a')).toBeNull();
    await storage.write('a', new Uint8Array([1, 2]));
    await storage.write('a', new Uint8Array([3]));
    expect(await storage.read('a')).toEqual(new Uint8Array([3]));
    const raced = await Promise.all([storage.create('b', new Uint8Array([1])), storage.create('b', new Uint8Array([2]))]);
    expect([...raced].sort()).toEqual(['created', 'exists']);
    expect(await storage.create('a', new Uint8Array([9]))).toBe('exists');
    expect(await storage.read('a')).toEqual(new Uint8Array([3]));
  });
});

describe('createCoordinatorApi (browser vault)', () => {
  it('creates a vault whose stored bytes hold no key or name in the clear, unlocks it, and refuses a wrong passphrase', async () => {
    const dbName = freshDb();
    const api = createCoordinatorApi({ storage: createBlobStorage(dbName) });
    expect(await api.hasVault()).toBe(false);
    const created = await api.createVault(passphrase, 'Aigerim Secretname');
    if (!created.ok) throw new Error(`createVault failed: ${created.reason}`);
    const keys = created.value.keys();
    expect(keys.name).toBe('Aigerim Secretname');
    const stored = new TextDecoder().decode((await createBlobStorage(dbName).read('coordinator.json')) ?? new Uint8Array());
    // Positive control: the file is there and carries its KDF header; the name is not readable in it.
    expect(stored).toContain('argon2id');
    expect(stored).not.toContain('Secretname');
    created.value.lock();
    expect(() => created.value.keys()).toThrow();

    const again = createCoordinatorApi({ storage: createBlobStorage(dbName) });
    expect(await again.hasVault()).toBe(true);
    expect(await again.unlock('not the passphrase at all')).toEqual({ ok: false, reason: 'wrong-passphrase' });
    const opened = await again.unlock(passphrase);
    if (!opened.ok) throw new Error(`unlock failed: ${opened.reason}`);
    expect(opened.value.keys()).toEqual(keys);
    expect(await again.createVault(passphrase, 'Other')).toEqual({ ok: false, reason: 'exists' });
  });

  it('takes a vault file from elsewhere only where there is none, and only if it is a vault file', async () => {
    const source = createCoordinatorApi({ storage: createBlobStorage(freshDb()) });
    const created = await source.createVault(passphrase, 'Aigerim');
    if (!created.ok) throw new Error(created.reason);
    const file = await created.value.vaultFile();

    const target = createCoordinatorApi({ storage: createBlobStorage(freshDb()) });
    expect(await target.importVaultFile(new TextEncoder().encode('{"format":"something-else"}'))).toEqual({ ok: false, reason: 'not-a-vault' });
    expect(await target.importVaultFile(file)).toEqual({ ok: true });
    expect(await target.importVaultFile(file)).toEqual({ ok: false, reason: 'exists' });
    const opened = await target.unlock(passphrase);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.keys()).toEqual(created.value.keys());
  });
});
