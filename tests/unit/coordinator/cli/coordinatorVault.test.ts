import { describe, expect, it } from 'vitest';
import { emptyArchive, loadArchive, saveArchive } from '../../../../src/coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../../../../src/coordinator/coordinatorIdentity';
import type { Organisation } from '../../../../src/coordinator/coordinatorState';
import type { CoordinatorVault } from '../../../../src/coordinator/CoordinatorVault';
import { createBundleIntake } from '../../../../src/coordinator/createBundleIntake';
import { createCoordinatorVault } from '../../../../src/coordinator/createCoordinatorVault';
import { openCoordinatorVault } from '../../../../src/coordinator/openCoordinatorVault';
import { saveCoordinatorState } from '../../../../src/coordinator/saveCoordinatorState';
import { KDF_FLOOR } from '../../../../src/crypto/kdfParams';
import { MAILBOX, sealChain, signingKeys } from '../../bundle/bundleTestKit';
import { containsBytes, memoryStorage } from './memoryStorage';
import type { MemoryStorage } from './memoryStorage';

const PASSPHRASE = 'river steppe lantern quietly blue';
/** The floor, not the default: the same code path at a third of the cost. */
const FAST_KDF = { memoryKiB: KDF_FLOOR.memoryKiB, iterations: KDF_FLOOR.iterations, parallelism: 1 };
const PULL_TOKEN = 'PULLtokenPULLtokenPULLtokenPULLtokenPULLtok';
const UPLOAD_TOKEN = 'UPLDtokenUPLDtokenUPLDtokenUPLDtokenUPLDtok';
const MARKER = 'MARKER-shouted-down-the-founding-meeting';

async function newVault(storage: MemoryStorage = memoryStorage()): Promise<{ storage: MemoryStorage; vault: CoordinatorVault }> {
  const created = await createCoordinatorVault(storage, { passphrase: PASSPHRASE, name: 'Aigerim', kdfCost: FAST_KDF });
  if (!created.ok) throw new Error(`set-up: ${created.reason}`);
  return { storage, vault: created.value };
}

function organisation(vault: CoordinatorVault): Organisation {
  return {
    name: 'Steppe Watch',
    mailboxId: MAILBOX,
    uploadToken: UPLOAD_TOKEN,
    pullToken: PULL_TOKEN,
    relays: [{ url: 'https://relay.example.org', lastSeq: 0 }],
    invite: {
      version: 1,
      organisation: 'Steppe Watch',
      mailboxId: MAILBOX,
      uploadToken: UPLOAD_TOKEN,
      relays: ['https://relay.example.org'],
      coordinators: [coordinatorIdentity(vault.state).inviteEntry],
    },
    appUrl: 'https://relay.example.org/',
  };
}

function vaultJson(storage: MemoryStorage): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(storage.files.get('coordinator.json'))) as Record<string, unknown>;
}

function setVaultJson(storage: MemoryStorage, json: unknown): void {
  storage.files.set('coordinator.json', new TextEncoder().encode(JSON.stringify(json)));
}

describe('coordinator vault', () => {
  it('opens with the passphrase and gives back the same keys and organisations', async () => {
    const { storage, vault } = await newVault();
    await saveCoordinatorState(storage, vault, { ...vault.state, organisations: [organisation(vault)] });
    const opened = await openCoordinatorVault(storage, PASSPHRASE);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.state.organisations).toEqual([organisation(vault)]);
    expect(coordinatorIdentity(opened.value.state).box.publicKey).toEqual(coordinatorIdentity(vault.state).box.publicKey);
    expect(coordinatorIdentity(opened.value.state).sign.publicKey).toEqual(coordinatorIdentity(vault.state).sign.publicKey);
  });

  it('normalises the passphrase (NFKC): a composed and a decomposed letter open the same vault', async () => {
    const storage = memoryStorage();
    const composed = 'қала әже өзен үкі ағаш';
    const created = await createCoordinatorVault(storage, { passphrase: composed.normalize('NFC'), name: 'A', kdfCost: FAST_KDF });
    expect(created.ok).toBe(true);
    expect((await openCoordinatorVault(storage, composed.normalize('NFD'))).ok).toBe(true);
  });

  it('refuses a wrong passphrase', async () => {
    const { storage } = await newVault();
    expect(await openCoordinatorVault(storage, 'river steppe lantern quietly red')).toEqual({ ok: false, reason: 'wrong-passphrase' });
  });

  it('refuses to replace an existing vault', async () => {
    const { storage } = await newVault();
    const before = storage.files.get('coordinator.json');
    const again = await createCoordinatorVault(storage, { passphrase: PASSPHRASE, name: 'B', kdfCost: FAST_KDF });
    expect(again).toEqual({ ok: false, reason: 'exists' });
    expect(storage.files.get('coordinator.json')).toEqual(before);
  });

  it('refuses a weak passphrase and says why', async () => {
    const storage = memoryStorage();
    const created = await createCoordinatorVault(storage, { passphrase: 'qwerty123', name: 'A', kdfCost: FAST_KDF });
    expect(created.ok).toBe(false);
    expect(created.ok === false && created.reason === 'weak-passphrase' && created.problems).toContain('too-short');
    expect(storage.files.size).toBe(0);
  });

  it('will not create a vault with KDF settings below the floor', async () => {
    await expect(
      createCoordinatorVault(memoryStorage(), { passphrase: PASSPHRASE, name: 'A', kdfCost: { ...FAST_KDF, memoryKiB: KDF_FLOOR.memoryKiB - 1 } }),
    ).rejects.toThrow(/kdfCost/);
  });

  it('uses the real defaults (64 MiB, t=3) when no cost is given', async () => {
    const storage = memoryStorage();
    expect((await createCoordinatorVault(storage, { passphrase: PASSPHRASE, name: 'A' })).ok).toBe(true);
    expect(vaultJson(storage)['kdf']).toMatchObject({ algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 });
  });

  it('refuses a header edited below the floor, before deriving anything', async () => {
    const { storage } = await newVault();
    const json = vaultJson(storage);
    // Positive control: the unedited file opens.
    expect((await openCoordinatorVault(storage, PASSPHRASE)).ok).toBe(true);
    setVaultJson(storage, { ...json, kdf: { ...(json['kdf'] as object), memoryKiB: 1024 } });
    expect(await openCoordinatorVault(storage, PASSPHRASE)).toEqual({ ok: false, reason: 'unsafe-kdf-params' });
    setVaultJson(storage, { ...json, kdf: { ...(json['kdf'] as object), iterations: 1 } });
    expect(await openCoordinatorVault(storage, PASSPHRASE)).toEqual({ ok: false, reason: 'unsafe-kdf-params' });
  });

  it('reports a missing, foreign or damaged file', async () => {
    expect(await openCoordinatorVault(memoryStorage(), PASSPHRASE)).toEqual({ ok: false, reason: 'no-vault' });
    const { storage } = await newVault();
    const json = vaultJson(storage);
    const state = json['state'] as string;
    // Flip one character in the middle of the encrypted state: authentication fails.
    const flipped = state.slice(0, 40) + (state[40] === 'A' ? 'B' : 'A') + state.slice(41);
    setVaultJson(storage, { ...json, state: flipped });
    expect(await openCoordinatorVault(storage, PASSPHRASE)).toEqual({ ok: false, reason: 'corrupt' });
    storage.files.set('coordinator.json', new TextEncoder().encode('{"format":"something-else"}'));
    expect(await openCoordinatorVault(storage, PASSPHRASE)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('keeps tokens, keys and report text out of the clear (scan with a positive control)', async () => {
    const { storage, vault } = await newVault();
    const saved = await saveCoordinatorState(storage, vault, { ...vault.state, organisations: [organisation(vault)] });
    const device = signingKeys('monitor');
    const chain = sealChain({ device, sizes: [2], recipients: [coordinatorIdentity(vault.state).box.publicKey], label: MARKER });
    const intake = createBundleIntake({ storage, archive: emptyArchive, mailboxId: MAILBOX, recipient: coordinatorIdentity(vault.state).box });
    const bundle = chain.bundles[0];
    if (bundle === undefined) throw new Error('set-up: no bundle');
    expect(await intake.receive(bundle.bytes, 'test')).toEqual({ kind: 'accepted', newReports: 2, newVersions: 2 });
    await saveArchive(storage, saved, intake.archive());

    const secrets = [PULL_TOKEN, UPLOAD_TOKEN, MARKER, 'Steppe Watch', saved.state.boxSecretKey, saved.state.signSeed].map((s) => new TextEncoder().encode(s));
    // Positive control: the scan finds each secret in the decrypted contents.
    const reopened = await openCoordinatorVault(storage, PASSPHRASE);
    if (!reopened.ok) throw new Error('reopen failed');
    const loaded = await loadArchive(storage, reopened.value);
    const clear = new TextEncoder().encode(JSON.stringify(reopened.value.state) + JSON.stringify(loaded.ok && loaded.value.bundles));
    for (const secret of secrets) expect(containsBytes(clear, secret)).toBe(true);
    for (const [name, bytes] of storage.files) {
      for (const secret of secrets) expect(containsBytes(bytes, secret), `${name} holds a secret in the clear`).toBe(false);
    }
    expect([...storage.files.keys()].sort()).toEqual(['coordinator.json', 'reports.bin']);
  });

  it('reads reports.bin back only with the data key of its own vault', async () => {
    const { storage, vault } = await newVault();
    await saveArchive(storage, vault, emptyArchive);
    const other = await newVault();
    const foreign = storage.files.get('reports.bin');
    if (foreign === undefined) throw new Error('set-up: no archive');
    other.storage.files.set('reports.bin', foreign);
    expect(await loadArchive(storage, vault)).toEqual({ ok: true, value: emptyArchive });
    expect(await loadArchive(other.storage, other.vault)).toEqual({ ok: false, reason: 'corrupt' });
  });
});
