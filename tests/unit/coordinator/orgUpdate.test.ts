// The coordinator's side of signed organisation updates: rotate-token gets a new upload token from the
// relay, keeps it in the vault and the invite, and sends every known device an update it accepts.
import { beforeEach, describe, expect, it } from 'vitest';
import { openOrgUpdate } from '../../../src/bundle/openOrgUpdate';
import { emptyArchive } from '../../../src/coordinator/coordinatorArchive';
import type { CoordinatorArchive } from '../../../src/coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../../../src/coordinator/coordinatorIdentity';
import type { CoordinatorVault } from '../../../src/coordinator/CoordinatorVault';
import { createCoordinatorVault } from '../../../src/coordinator/createCoordinatorVault';
import { openCoordinatorVault } from '../../../src/coordinator/openCoordinatorVault';
import { pullOrganisation } from '../../../src/coordinator/pullOrganisation';
import type { RelayClient } from '../../../src/coordinator/relayClient';
import { changeCoordinatorKeys } from '../../../src/coordinator/changeCoordinatorKeys';
import { renewCoordinatorKeys } from '../../../src/coordinator/renewCoordinatorKeys';
import { rotateUploadToken } from '../../../src/coordinator/rotateUploadToken';
import { saveCoordinatorState } from '../../../src/coordinator/saveCoordinatorState';
import { toBase64Url } from '../../../src/crypto/bytes';
import { deviceMailboxId } from '../../../src/crypto/deviceMailboxId';
import { KDF_FLOOR } from '../../../src/crypto/kdfParams';
import { generateBoxKeyPair } from '../../../src/crypto/x25519';
import { contentId } from '../../../src/crypto/sha256';
import { boxKeys, MAILBOX, sealChain, signingKeys } from '../bundle/bundleTestKit';
import { memoryStorage } from './cli/memoryStorage';

const RELAY = 'https://relay.example.org';
const OLD_TOKEN = 'OLDtokenOLDtokenOLDtokenOLDtokenOLDtokenOLk';
const NEW_TOKEN = 'NEWtokenNEWtokenNEWtokenNEWtokenNEWtokenNEk';
const PASSPHRASE = 'river steppe lantern quietly blue';
const device = signingKeys('monitor-1');

interface Relay {
  readonly client: RelayClient;
  readonly messages: { deviceMailbox: string; bytes: Uint8Array }[];
  refuseRotation: boolean;
}

function fakeRelay(bundles: readonly Uint8Array[]): Relay {
  const relay: Relay = {
    messages: [],
    refuseRotation: false,
    client: {
      url: RELAY,
      createMailbox: async () => ({ ok: false, reason: 'unreachable', detail: 'not used' }),
      listBundles: async (_mailbox, _token, after) => ({
        ok: true,
        value: { bundles: bundles.map((bytes, i) => ({ seq: i + 1, id: contentId(bytes), size: bytes.length, receivedHour: '2025-03-01T14:00:00Z' })).filter((b) => b.seq > after), hasMore: false },
      }),
      fetchBundle: async (_mailbox, _token, id) => {
        const bytes = bundles.find((b) => contentId(b) === id);
        return bytes === undefined ? { ok: false, reason: 'unreachable', detail: 'gone' } : { ok: true, value: bytes };
      },
      ack: async () => ({ ok: true, value: { deleted: 0 } }),
      putDeviceMessage: async (deviceMailbox, _token, _id, bytes) => {
        relay.messages.push({ deviceMailbox, bytes });
        return { ok: true, value: { seq: relay.messages.length } };
      },
      rotateUploadToken: async () =>
        relay.refuseRotation ? { ok: false, reason: 'http-error', status: 403, code: 'forbidden', message: 'no', retryAfterSeconds: null } : { ok: true, value: { uploadToken: NEW_TOKEN } },
    },
  };
  return relay;
}

let storage: ReturnType<typeof memoryStorage>;
let vault: CoordinatorVault;
let archive: CoordinatorArchive;
let relay: Relay;

beforeEach(async () => {
  storage = memoryStorage();
  const created = await createCoordinatorVault(storage, { passphrase: PASSPHRASE, name: 'Aigerim', kdfCost: { memoryKiB: KDF_FLOOR.memoryKiB, iterations: KDF_FLOOR.iterations, parallelism: 1 } });
  if (!created.ok) throw new Error('set-up');
  const identity = coordinatorIdentity(created.value.state);
  vault = await saveCoordinatorState(storage, created.value, {
    ...created.value.state,
    organisations: [
      {
        name: 'Steppe Watch',
        mailboxId: MAILBOX,
        uploadToken: OLD_TOKEN,
        pullToken: OLD_TOKEN,
        relays: [{ url: RELAY, lastSeq: 0 }],
        invite: { version: 1, organisation: 'Steppe Watch', mailboxId: MAILBOX, uploadToken: OLD_TOKEN, relays: [RELAY], coordinators: [identity.inviteEntry] },
        appUrl: `${RELAY}/`,
      },
    ],
  });
  relay = fakeRelay(sealChain({ device, sizes: [1], recipients: [identity.box.publicKey] }).bundles.map((b) => b.bytes));
  const pulled = await pullOrganisation({ storage, vault, archive: emptyArchive, mailboxId: MAILBOX, clientFor: () => relay.client });
  vault = pulled.vault;
  archive = pulled.archive;
  relay.messages.length = 0;
});

describe('rotateUploadToken', () => {
  it('stores the new token in the vault and the invite, and every known device accepts the signed update carrying it', async () => {
    const result = await rotateUploadToken({ storage, vault, archive, mailboxId: MAILBOX, clientFor: () => relay.client, now: () => new Date(Date.UTC(2026, 0, 1)) });
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.updates).toEqual({ sent: 1, failed: [] });
    const reopened = await openCoordinatorVault(storage, PASSPHRASE);
    if (!reopened.ok) throw new Error(reopened.reason);
    expect(reopened.value.state.organisations[0]?.uploadToken).toBe(NEW_TOKEN);
    expect(reopened.value.state.organisations[0]?.invite.uploadToken).toBe(NEW_TOKEN);

    const [message] = relay.messages;
    expect(message?.deviceMailbox).toBe(deviceMailboxId(device.publicKey));
    const pinned = { mailboxId: MAILBOX, coordinators: vault.state.organisations[0]?.invite.coordinators ?? [], lastSequence: 0 };
    const opened = openOrgUpdate(message?.bytes ?? new Uint8Array(0), device, pinned);
    expect(opened.ok && opened.value.statement.uploadToken).toBe(NEW_TOKEN);
    expect(opened.ok && opened.value.statement.relayUrls).toEqual([RELAY]);
    expect(openOrgUpdate(message?.bytes ?? new Uint8Array(0), device, { ...pinned, coordinators: [] })).toEqual({ ok: false, reason: 'unknown-signer' });
  });

  it('leaves the vault and devices alone when the relay refuses', async () => {
    relay.refuseRotation = true;
    const result = await rotateUploadToken({ storage, vault, archive, mailboxId: MAILBOX, clientFor: () => relay.client });
    expect(result).toMatchObject({ ok: false, reason: 'relay-refused', url: RELAY });
    const reopened = await openCoordinatorVault(storage, PASSPHRASE);
    expect(reopened.ok && reopened.value.state.organisations[0]?.uploadToken).toBe(OLD_TOKEN);
    expect(relay.messages).toEqual([]);
  });
});

describe('changeCoordinatorKeys', () => {
  const daniyar = { name: 'Daniyar', boxPublicKey: toBase64Url(boxKeys('daniyar').publicKey), signPublicKey: toBase64Url(signingKeys('daniyar').publicKey) };

  it('adds a coordinator to the invite and every known device accepts the new set, signed by a key it pins', async () => {
    const before = vault.state.organisations[0]?.invite.coordinators ?? [];
    const result = await changeCoordinatorKeys({ storage, vault, archive, change: { kind: 'add', coordinator: daniyar }, clientFor: () => relay.client });
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.vault.state.organisations[0]?.invite.coordinators).toEqual([...before, daniyar]);
    const [message] = relay.messages;
    const opened = openOrgUpdate(message?.bytes ?? new Uint8Array(0), device, { mailboxId: MAILBOX, coordinators: before, lastSequence: 0 });
    expect(opened.ok && opened.value.statement.coordinators).toEqual([...before, daniyar]);
  });

  it('replaces the keys of a named coordinator', async () => {
    const renewed = { ...daniyar, name: 'Aigerim' };
    const result = await changeCoordinatorKeys({ storage, vault, archive, change: { kind: 'replace', coordinator: renewed }, clientFor: () => relay.client });
    expect(result.ok && result.value.vault.state.organisations[0]?.invite.coordinators).toEqual([renewed]);
  });

  it('refuses an unknown name, a repeated key or name, and a low-order key, and sends nothing', async () => {
    const own = vault.state.organisations[0]?.invite.coordinators[0];
    if (own === undefined) throw new Error('set-up');
    const run = (change: Parameters<typeof changeCoordinatorKeys>[0]['change']) => changeCoordinatorKeys({ storage, vault, archive, change, clientFor: () => relay.client });
    expect(await run({ kind: 'replace', coordinator: daniyar })).toEqual({ ok: false, reason: 'unknown-coordinator' });
    expect(await run({ kind: 'add', coordinator: { ...daniyar, signPublicKey: own.signPublicKey } })).toEqual({ ok: false, reason: 'already-listed' });
    expect(await run({ kind: 'add', coordinator: { ...daniyar, name: own.name } })).toEqual({ ok: false, reason: 'already-listed' });
    expect(await run({ kind: 'add', coordinator: { ...daniyar, boxPublicKey: toBase64Url(new Uint8Array(32)) } })).toEqual({ ok: false, reason: 'bad-key' });
    expect(relay.messages).toEqual([]);
  });
});

describe('retired coordinator keys', () => {
  it('a bundle sealed to the key this coordinator used before a renewal still opens; without the retired key it does not', async () => {
    const old = coordinatorIdentity(vault.state).box;
    // A fresh relay cursor: the fake relay below numbers its bundles from 1 again.
    const organisations = vault.state.organisations.map((org) => ({ ...org, relays: org.relays.map((relayCursor) => ({ ...relayCursor, lastSeq: 0 as const })) }));
    const renewed = { ...vault.state, organisations, boxSecretKey: toBase64Url(generateBoxKeyPair().secretKey) };
    const sealedToOld = sealChain({ device: signingKeys('monitor-2'), sizes: [1], recipients: [old.publicKey] }).bundles.map((b) => b.bytes);

    const withoutRetired = await saveCoordinatorState(storage, vault, renewed);
    const refused = await pullOrganisation({ storage, vault: withoutRetired, archive, mailboxId: MAILBOX, clientFor: () => fakeRelay(sealedToOld).client });
    expect(refused.summary.rejected.map((r) => r.reason)).toEqual(['not-a-recipient']);

    const withRetired = await saveCoordinatorState(storage, vault, { ...renewed, retiredBoxSecretKeys: [toBase64Url(old.secretKey)] });
    const opened = await pullOrganisation({ storage, vault: withRetired, archive, mailboxId: MAILBOX, clientFor: () => fakeRelay(sealedToOld).client });
    expect(opened.summary).toMatchObject({ newVersions: 1, rejected: [] });
  });
});

describe('renewCoordinatorKeys', () => {
  it('devices accept the new keys because the old, pinned key signs; the old box key is kept as retired', async () => {
    const old = coordinatorIdentity(vault.state);
    const { vault: renewed, updates } = await renewCoordinatorKeys({ storage, vault, archive, clientFor: () => relay.client });
    const fresh = coordinatorIdentity(renewed.state);
    expect(fresh.inviteEntry.boxPublicKey).not.toBe(old.inviteEntry.boxPublicKey);
    expect(renewed.state.retiredBoxSecretKeys).toEqual([vault.state.boxSecretKey]);
    expect(renewed.state.organisations[0]?.invite.coordinators).toEqual([fresh.inviteEntry]);
    expect(updates.map((u) => u.report.sent)).toEqual([1]);

    const bytes = relay.messages[0]?.bytes ?? new Uint8Array(0);
    const opened = openOrgUpdate(bytes, device, { mailboxId: MAILBOX, coordinators: [old.inviteEntry], lastSequence: 0 });
    expect(opened.ok && opened.value.statement.coordinators).toEqual([fresh.inviteEntry]);
    // A device that already moved to the new key would not take an update its own new key did not sign.
    expect(openOrgUpdate(bytes, device, { mailboxId: MAILBOX, coordinators: [fresh.inviteEntry], lastSequence: 0 })).toEqual({ ok: false, reason: 'unknown-signer' });
  });
});
