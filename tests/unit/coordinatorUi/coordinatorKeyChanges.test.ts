// The browser coordinator's token rotation, key changes and receipts, through the screens' API
// (src/app/createCoordinatorApi.ts) over a fake relay: what is stored, what devices are sent, and the
// closed reasons the screens put into words when a relay refuses or cannot be reached.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCoordinatorApi } from '../../../src/app/createCoordinatorApi';
import { openOrgUpdate } from '../../../src/bundle/openOrgUpdate';
import type { RelayCallFailure, RelayClient } from '../../../src/coordinator/relayClient';
import { fromBase64Url, toBase64Url } from '../../../src/crypto/bytes';
import { deviceMailboxId } from '../../../src/crypto/deviceMailboxId';
import { contentId } from '../../../src/crypto/sha256';
import { parseInvite } from '../../../src/protocol/invite';
import type { CoordinatorApi, CoordinatorSession } from '../../../src/ui/coordinatorWorkspace/coordinatorApi';
import { boxKeys, MAILBOX, sealChain, signingKeys } from '../bundle/bundleTestKit';
import { memoryStorage } from '../coordinator/cli/memoryStorage';

const RELAY = 'https://relay.example.org';
const token = (fill: number) => toBase64Url(new Uint8Array(32).fill(fill));
const FIRST_TOKEN = token(1);
const NEW_TOKEN = token(2);
const PULL_TOKEN = token(3);
const PASSPHRASE = 'quiet river under the old bridge';
const monitor = signingKeys('browser-monitor-1');

interface FakeRelay {
  readonly client: RelayClient;
  readonly bundles: Uint8Array[];
  readonly messages: { deviceMailbox: string; bytes: Uint8Array }[];
  /** How the next rotation and device-message puts fail; null: they succeed. */
  rotationFailure: RelayCallFailure | null;
  messageFailure: RelayCallFailure | null;
}

const unreachable: RelayCallFailure = { reason: 'unreachable', detail: 'connect ECONNREFUSED' };
const forbidden: RelayCallFailure = { reason: 'http-error', status: 403, code: 'forbidden', message: 'no', retryAfterSeconds: null };

function fakeRelay(): FakeRelay {
  const relay: FakeRelay = {
    bundles: [],
    messages: [],
    rotationFailure: null,
    messageFailure: null,
    client: {
      url: RELAY,
      createMailbox: async () => ({ ok: true, value: { mailboxId: MAILBOX, uploadToken: FIRST_TOKEN, pullToken: PULL_TOKEN } }),
      listBundles: async (_mailbox, _token, after) => ({
        ok: true,
        value: { bundles: relay.bundles.map((bytes, i) => ({ seq: i + 1, id: contentId(bytes), size: bytes.length, receivedHour: '2026-03-01T14:00:00Z' })).filter((b) => b.seq > after), hasMore: false },
      }),
      fetchBundle: async (_mailbox, _token, id) => {
        const bytes = relay.bundles.find((b) => contentId(b) === id);
        return bytes === undefined ? { ok: false, ...unreachable } : { ok: true, value: bytes };
      },
      ack: async () => ({ ok: true, value: { deleted: 0 } }),
      putDeviceMessage: async (deviceMailbox, _token, _id, bytes) => {
        if (relay.messageFailure !== null) return { ok: false, ...relay.messageFailure };
        relay.messages.push({ deviceMailbox, bytes });
        return { ok: true, value: { seq: relay.messages.length } };
      },
      rotateUploadToken: async () => (relay.rotationFailure === null ? { ok: true, value: { uploadToken: NEW_TOKEN } } : { ok: false, ...relay.rotationFailure }),
    },
  };
  return relay;
}

let relay: FakeRelay;
let storage: ReturnType<typeof memoryStorage>;
let api: CoordinatorApi;
let session: CoordinatorSession;

const boxKeyOf = (s: CoordinatorSession) => fromBase64Url(s.keys().boxPublicKey) ?? new Uint8Array(0);
const inviteOf = (s: CoordinatorSession) => {
  const link = s.organisations()[0]?.inviteLink ?? '';
  const parsed = parseInvite(link);
  if (!parsed.ok) throw new Error(`invite: ${parsed.reason}`);
  return parsed.value;
};
const noProgress = () => undefined;

async function reopened(): Promise<CoordinatorSession> {
  const opened = await createCoordinatorApi({ storage, clientFor: () => relay.client }).unlock(PASSPHRASE);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.value;
}

beforeEach(async () => {
  relay = fakeRelay();
  storage = memoryStorage();
  api = createCoordinatorApi({ storage, clientFor: () => relay.client, now: () => new Date(Date.UTC(2026, 2, 1, 15)) });
  const created = await api.createVault(PASSPHRASE, 'Aigerim');
  if (!created.ok) throw new Error(created.reason);
  session = created.value;
  expect(await session.createOrganisation({ name: 'Steppe Watch', relayUrl: RELAY, adminToken: 'admin' })).toEqual({ ok: true });
  // The monitor's first bundle: after this pull the device is known and gets updates.
  relay.bundles.push(...sealChain({ device: monitor, sizes: [1], recipients: [boxKeyOf(session)] }).bundles.map((b) => b.bytes));
});

describe('receipts after a browser pull', () => {
  it('says why none went out when the relay is unreachable, and sends on the next pull', async () => {
    relay.messageFailure = unreachable;
    const failed = await session.pull(noProgress);
    expect(failed.intake.newReports).toBe(1);
    expect(failed.receipts).toEqual([
      { organisation: 'Steppe Watch', mailboxId: MAILBOX, sent: 0, withheld: 0, failed: [{ deviceFingerprint: expect.any(String), problems: [{ url: RELAY, problem: { kind: 'unreachable', detail: 'connect ECONNREFUSED' } }] }] },
    ]);
    expect(relay.messages).toEqual([]);

    relay.messageFailure = null;
    const retried = await session.pull(noProgress);
    expect(retried.receipts.map((r) => [r.sent, r.failed.length])).toEqual([[1, 0]]);
    expect(relay.messages.map((m) => m.deviceMailbox)).toEqual([deviceMailboxId(monitor.publicKey)]);
    // Nothing new since: no receipt needed, and none sent.
    const again = await session.pull(noProgress);
    expect(again.receipts.map((r) => [r.sent, r.failed.length])).toEqual([[0, 0]]);
    expect(relay.messages).toHaveLength(1);
  });
});

describe('rotateUploadToken in the browser', () => {
  beforeEach(async () => {
    await session.pull(noProgress);
    relay.messages.length = 0;
  });

  it('stores nothing and sends nothing when the relay refuses or cannot be reached, and says which', async () => {
    const before = session.organisations()[0]?.inviteLink;
    relay.rotationFailure = forbidden;
    expect(await session.rotateUploadToken(MAILBOX)).toEqual({ ok: false, reason: 'relay-failed', url: RELAY, problem: { kind: 'unauthorised', status: 403, detail: 'HTTP 403 forbidden' } });
    relay.rotationFailure = unreachable;
    expect(await session.rotateUploadToken(MAILBOX)).toMatchObject({ ok: false, problem: { kind: 'unreachable' } });
    expect(session.organisations()[0]?.inviteLink).toBe(before);
    expect(inviteOf(await reopened()).uploadToken).toBe(FIRST_TOKEN);
    expect(relay.messages).toEqual([]);
  });

  it('keeps the new token in the invite it shows and stores, and the device gets it signed by a key it pins', async () => {
    const pinned = inviteOf(session).coordinators;
    const rotated = await session.rotateUploadToken(MAILBOX);
    expect(rotated).toEqual({ ok: true, value: { organisation: 'Steppe Watch', mailboxId: MAILBOX, sent: 1, failed: [], withheld: 0 } });
    expect(inviteOf(session).uploadToken).toBe(NEW_TOKEN);
    expect(inviteOf(await reopened()).uploadToken).toBe(NEW_TOKEN);
    const opened = openOrgUpdate(relay.messages[0]?.bytes ?? new Uint8Array(0), monitor, { mailboxId: MAILBOX, coordinators: pinned, lastSequence: 0 });
    expect(opened.ok && opened.value.statement.uploadToken).toBe(NEW_TOKEN);
  });

  it('does not tell a revoked device the new token, and counts it as withheld', async () => {
    const [device] = session.devices();
    if (device === undefined) throw new Error('set-up');
    await session.setDeviceRevoked(device.mailboxId, device.deviceId, true);
    expect(await session.rotateUploadToken(MAILBOX)).toMatchObject({ ok: true, value: { sent: 0, failed: [], withheld: 1 } });
    expect(relay.messages).toEqual([]);
  });

  it('reports devices the update could not reach and sends it again on request', async () => {
    relay.messageFailure = unreachable;
    const rotated = await session.rotateUploadToken(MAILBOX);
    expect(rotated).toMatchObject({ ok: true, value: { sent: 0, failed: [{ problems: [{ url: RELAY, problem: { kind: 'unreachable' } }] }] } });
    // The relay already issued the token: it is kept although no device heard of it yet.
    expect(inviteOf(await reopened()).uploadToken).toBe(NEW_TOKEN);
    relay.messageFailure = null;
    expect(await session.sendUpdateAgain(MAILBOX)).toMatchObject({ sent: 1, failed: [] });
    const opened = openOrgUpdate(relay.messages[0]?.bytes ?? new Uint8Array(0), monitor, { mailboxId: MAILBOX, coordinators: inviteOf(session).coordinators, lastSequence: 0 });
    expect(opened.ok && opened.value.statement.uploadToken).toBe(NEW_TOKEN);
  });
});

describe('coordinator key changes in the browser', () => {
  const daniyar = { name: 'Daniyar', boxPublicKey: toBase64Url(boxKeys('daniyar').publicKey), signPublicKey: toBase64Url(signingKeys('daniyar').publicKey) };

  beforeEach(async () => {
    await session.pull(noProgress);
    relay.messages.length = 0;
  });

  it('refuses a bad name, a malformed or low-order key, a listed key and an unknown name, and changes nothing', async () => {
    const before = session.organisations();
    expect(await session.changeCoordinator('add', { ...daniyar, name: '  ' })).toEqual({ ok: false, reason: 'bad-name' });
    expect(await session.changeCoordinator('add', { ...daniyar, boxPublicKey: 'not-a-key' })).toEqual({ ok: false, reason: 'bad-key' });
    expect(await session.changeCoordinator('add', { ...daniyar, boxPublicKey: toBase64Url(new Uint8Array(32)) })).toEqual({ ok: false, reason: 'bad-key' });
    expect(await session.changeCoordinator('add', { ...daniyar, signPublicKey: session.keys().signPublicKey })).toEqual({ ok: false, reason: 'already-listed' });
    expect(await session.changeCoordinator('replace', daniyar)).toEqual({ ok: false, reason: 'unknown-coordinator' });
    expect(session.organisations()).toEqual(before);
    expect(relay.messages).toEqual([]);
  });

  it('adds a coordinator from name and two keys (pasted with stray spaces) and replaces their keys; devices get each change signed by a key they pin', async () => {
    const pinned = inviteOf(session).coordinators;
    const added = await session.changeCoordinator('add', { name: ' Daniyar ', boxPublicKey: ` ${daniyar.boxPublicKey}\n`, signPublicKey: daniyar.signPublicKey });
    expect(added).toEqual({ ok: true, value: [{ organisation: 'Steppe Watch', mailboxId: MAILBOX, sent: 1, failed: [], withheld: 0 }] });
    expect(session.organisations()[0]?.coordinators.map((c) => [c.name, c.self])).toEqual([
      ['Aigerim', true],
      ['Daniyar', false],
    ]);
    expect(inviteOf(await reopened()).coordinators).toEqual([...pinned, daniyar]);
    const opened = openOrgUpdate(relay.messages[0]?.bytes ?? new Uint8Array(0), monitor, { mailboxId: MAILBOX, coordinators: pinned, lastSequence: 0 });
    expect(opened.ok && opened.value.statement.coordinators).toEqual([...pinned, daniyar]);

    const renewedDaniyar = { name: 'Daniyar', boxPublicKey: toBase64Url(boxKeys('daniyar-2').publicKey), signPublicKey: toBase64Url(signingKeys('daniyar-2').publicKey) };
    expect(await session.changeCoordinator('replace', renewedDaniyar)).toMatchObject({ ok: true, value: [{ sent: 1 }] });
    expect(inviteOf(session).coordinators).toEqual([...pinned, renewedDaniyar]);
  });

  it('renews this coordinator\'s keys: devices accept the update signed with the old key, and bundles sealed to the old and the new key both open', async () => {
    const old = { keys: session.keys(), box: boxKeyOf(session), pinned: inviteOf(session).coordinators };
    const updates = await session.renewKeys();
    expect(updates).toEqual([{ organisation: 'Steppe Watch', mailboxId: MAILBOX, sent: 1, failed: [], withheld: 0 }]);
    expect(session.keys().boxFingerprint).not.toBe(old.keys.boxFingerprint);
    expect(session.keys().signFingerprint).not.toBe(old.keys.signFingerprint);
    const opened = openOrgUpdate(relay.messages[0]?.bytes ?? new Uint8Array(0), monitor, { mailboxId: MAILBOX, coordinators: old.pinned, lastSequence: 0 });
    expect(opened.ok && opened.value.statement.coordinators.map((c) => c.boxPublicKey)).toEqual([session.keys().boxPublicKey]);

    // One phone sealed before it heard of the change, another after.
    relay.bundles.push(...sealChain({ device: signingKeys('browser-monitor-2'), sizes: [1], recipients: [old.box], label: ' old key' }).bundles.map((b) => b.bytes));
    relay.bundles.push(...sealChain({ device: signingKeys('browser-monitor-3'), sizes: [1], recipients: [boxKeyOf(session)], label: ' new key' }).bundles.map((b) => b.bytes));
    const pulled = await (await reopened()).pull(noProgress);
    expect(pulled.intake).toEqual({ newReports: 2, newVersions: 2, duplicates: 0, rejected: 0 });
  });
});
