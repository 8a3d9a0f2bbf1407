// Pull against an in-memory relay that can misbehave: wrong bytes, vanishing bundles, dropped
// connections, a disk that fills up. The rule under test: nothing is acknowledged before it is stored.
import { beforeEach, describe, expect, it } from 'vitest';
import { openReceipt } from '../../../../src/bundle/openReceipt';
import { buildExportDocument } from '../../../../src/coordinator/buildExportDocument';
import { emptyArchive, loadArchive } from '../../../../src/coordinator/coordinatorArchive';
import type { CoordinatorArchive } from '../../../../src/coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../../../../src/coordinator/coordinatorIdentity';
import type { CoordinatorVault } from '../../../../src/coordinator/CoordinatorVault';
import { createCoordinatorVault } from '../../../../src/coordinator/createCoordinatorVault';
import { openCoordinatorVault } from '../../../../src/coordinator/openCoordinatorVault';
import { pullOrganisation } from '../../../../src/coordinator/pullOrganisation';
import type { RelayCallResult, RelayClient } from '../../../../src/coordinator/relayClient';
import { saveCoordinatorState } from '../../../../src/coordinator/saveCoordinatorState';
import { deviceMailboxId } from '../../../../src/crypto/deviceMailboxId';
import { KDF_FLOOR } from '../../../../src/crypto/kdfParams';
import { contentId } from '../../../../src/crypto/sha256';
import type { BundleSummary } from '../../../../src/protocol/relayApi';
import { MAILBOX, sealChain, signingKeys } from '../../bundle/bundleTestKit';
import { memoryStorage } from './memoryStorage';
import type { MemoryStorage } from './memoryStorage';

const RELAY = 'https://relay.example.org';
const MIRROR = 'https://mirror.example.org';
const TOKEN = 'PULLtokenPULLtokenPULLtokenPULLtokenPULLtok';
const READER = 'rEaDeRoFtHiSvAuLt0123w';

interface FakeRelay {
  readonly client: RelayClient;
  readonly held: Map<number, { id: string; bytes: Uint8Array }>;
  readonly acks: number[];
  /** The reader each acknowledgement named, in order. */
  readonly ackReaders: (string | undefined)[];
  /** Device messages put, in order. */
  readonly messages: { deviceMailbox: string; id: string; bytes: Uint8Array }[];
  /** Set to make putDeviceMessage fail. */
  refuseMessages: boolean;
  /** Called before serving a bundle: return a replacement answer to misbehave. */
  onFetch: ((seq: number, id: string) => RelayCallResult<Uint8Array> | null) | null;
  put(bytes: Uint8Array): number;
}

/** A relay with the v1 semantics (list after seq in pages, ack deletes up to seq); `log` records calls in order. */
function fakeRelay(url: string, log: string[]): FakeRelay {
  const held = new Map<number, { id: string; bytes: Uint8Array }>();
  let nextSeq = 1;
  const relay: FakeRelay = {
    held,
    acks: [],
    ackReaders: [],
    messages: [],
    refuseMessages: false,
    onFetch: null,
    put(bytes) {
      held.set(nextSeq, { id: contentId(bytes), bytes });
      return nextSeq++;
    },
    client: {
      url,
      createMailbox: async () => ({ ok: false, reason: 'unreachable', detail: 'not used' }),
      listBundles: async (_mailbox, _token, after, limit = 100) => {
        const all = [...held.entries()].filter(([seq]) => seq > after).sort(([a], [b]) => a - b);
        const bundles: BundleSummary[] = all.slice(0, limit).map(([seq, b]) => ({ seq, id: b.id, size: b.bytes.length, receivedHour: '2025-03-01T14:00:00Z' }));
        return { ok: true, value: { bundles, hasMore: all.length > limit } };
      },
      fetchBundle: async (_mailbox, _token, id) => {
        const entry = [...held.entries()].find(([, b]) => b.id === id);
        const override = entry && relay.onFetch ? relay.onFetch(entry[0], id) : null;
        if (override) return override;
        if (entry === undefined) return { ok: false, reason: 'http-error', status: 404, code: 'unknown_bundle', message: 'gone', retryAfterSeconds: null };
        return { ok: true, value: entry[1].bytes };
      },
      ack: async (_mailbox, _token, upTo, reader) => {
        log.push(`ack ${url} ${upTo}`);
        relay.acks.push(upTo);
        relay.ackReaders.push(reader);
        for (const seq of [...held.keys()]) if (seq <= upTo) held.delete(seq);
        return { ok: true, value: { deleted: 0 } };
      },
      putDeviceMessage: async (deviceMailbox, _token, id, bytes) => {
        if (relay.refuseMessages) return { ok: false, reason: 'unreachable', detail: 'connection refused' };
        log.push(`receipt ${url}`);
        relay.messages.push({ deviceMailbox, id, bytes });
        return { ok: true, value: { seq: relay.messages.length } };
      },
      rotateUploadToken: async () => ({ ok: false, reason: 'unreachable', detail: 'not used' }),
    },
  };
  return relay;
}

/** Storage that logs each write, so the test can see writes and acks in one order. */
function loggingStorage(log: string[]): MemoryStorage {
  const storage = memoryStorage();
  const write = storage.write.bind(storage);
  storage.write = async (name, bytes) => {
    await write(name, bytes);
    log.push(`write ${name}`);
  };
  return storage;
}

let log: string[];
let storage: MemoryStorage;
let vault: CoordinatorVault;
let relay: FakeRelay;
let mirror: FakeRelay;
const device = signingKeys('monitor-1');

beforeEach(async () => {
  log = [];
  storage = loggingStorage(log);
  relay = fakeRelay(RELAY, log);
  mirror = fakeRelay(MIRROR, log);
  const created = await createCoordinatorVault(storage, {
    passphrase: 'river steppe lantern quietly blue',
    name: 'Aigerim',
    kdfCost: { memoryKiB: KDF_FLOOR.memoryKiB, iterations: KDF_FLOOR.iterations, parallelism: 1 },
  });
  if (!created.ok) throw new Error('set-up');
  const identity = coordinatorIdentity(created.value.state);
  vault = await saveCoordinatorState(storage, created.value, {
    ...created.value.state,
    organisations: [
      {
        name: 'Steppe Watch',
        mailboxId: MAILBOX,
        uploadToken: TOKEN,
        pullToken: TOKEN,
        relays: [{ url: RELAY, lastSeq: 0 }],
        invite: { version: 1, organisation: 'Steppe Watch', mailboxId: MAILBOX, uploadToken: TOKEN, relays: [RELAY], coordinators: [identity.inviteEntry] },
        appUrl: `${RELAY}/`,
        reader: READER,
      },
    ],
  });
  log.length = 0;
});

function chain(sizes: number[]) {
  return sealChain({ device, sizes, recipients: [coordinatorIdentity(vault.state).box.publicKey] }).bundles;
}

function pull(archive: CoordinatorArchive = emptyArchive, pageSize = 100, saveEveryBundles?: number) {
  const clients = new Map([
    [RELAY, relay.client],
    [MIRROR, mirror.client],
  ]);
  return pullOrganisation({
    storage,
    vault,
    archive,
    mailboxId: MAILBOX,
    pageSize,
    ...(saveEveryBundles === undefined ? {} : { saveEveryBundles }),
    clientFor: (url) => clients.get(url) ?? relay.client,
  });
}

function flipBit(bytes: Uint8Array, at: number, mask: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ mask;
  return copy;
}

function exportedCounters(v: CoordinatorVault, archive: CoordinatorArchive): number[] {
  return buildExportDocument(v.state, archive, new Date(0)).reports.flatMap((r) => r.versions.map((x) => x.counter)).sort((a, b) => a - b);
}

describe('pullOrganisation', () => {
  it('by default stores reports.bin, then the cursor, then acknowledges once, after the last page', async () => {
    for (const bundle of chain([1, 2, 1, 1, 1])) relay.put(bundle.bytes);
    const result = await pull(emptyArchive, 2);
    expect(result.summary).toMatchObject({ newReports: 6, newVersions: 6, duplicates: 0, rejected: [] });
    expect(log).toEqual(['write reports.bin', 'write coordinator.json', `ack ${RELAY} 5`, `receipt ${RELAY}`, 'write receipts.bin']);
    expect(relay.held.size).toBe(0);
    expect(exportedCounters(result.vault, result.archive)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stores reports.bin, then the cursor, then acknowledges, every saveEveryBundles bundles', async () => {
    for (const bundle of chain([1, 2, 1, 1, 1])) relay.put(bundle.bytes);
    const result = await pull(emptyArchive, 2, 2);
    expect(result.summary).toMatchObject({ newReports: 6, newVersions: 6, duplicates: 0, rejected: [] });
    expect(log).toEqual([
      'write reports.bin', 'write coordinator.json', `ack ${RELAY} 2`,
      'write reports.bin', 'write coordinator.json', `ack ${RELAY} 4`,
      'write reports.bin', 'write coordinator.json', `ack ${RELAY} 5`,
      `receipt ${RELAY}`, 'write receipts.bin',
    ]);
    expect(relay.held.size).toBe(0);
    expect(result.vault.state.organisations[0]?.relays[0]?.lastSeq).toBe(5);
    expect(exportedCounters(result.vault, result.archive)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.gaps).toEqual([expect.objectContaining({ highestCounter: 6, missing: [] })]);
  });

  it('never acknowledges when the cursor cannot be written, and the next pull counts nothing twice', async () => {
    for (const bundle of chain([2, 1])) relay.put(bundle.bytes);
    storage.failWritesOf = 'coordinator.json';
    await expect(pull()).rejects.toThrow(/ENOSPC/);
    expect(relay.acks).toEqual([]);
    expect(relay.held.size).toBe(2);

    storage.failWritesOf = null;
    const stored = await loadArchive(storage, vault);
    if (!stored.ok) throw new Error('archive unreadable');
    const again = await pull(stored.value);
    // reports.bin was written before the failure, so the bundles are known: duplicates, not new.
    expect(again.summary).toMatchObject({ newVersions: 0, duplicates: 2, rejected: [] });
    expect(relay.acks).toEqual([2]);
    expect(exportedCounters(again.vault, again.archive)).toEqual([1, 2, 3]);
  });

  it('acknowledges as its reader id, and acknowledges its cursor when nothing new arrived so the relay keeps counting it', async () => {
    for (const bundle of chain([1, 1])) relay.put(bundle.bytes);
    const first = await pull();
    expect(relay.acks).toEqual([2]);
    vault = first.vault;
    log.length = 0;
    const idle = await pull(first.archive);
    expect(idle.summary.newVersions).toBe(0);
    // Nothing new: no file is written, and the cursor is acknowledged once more.
    expect(log).toEqual([`ack ${RELAY} 2`]);
    expect(relay.acks).toEqual([2, 2]);
    expect(relay.ackReaders).toEqual([READER, READER]);
  });

  it('does not acknowledge when the relay cannot even list', async () => {
    relay.client.listBundles = async () => ({ ok: false, reason: 'unreachable', detail: 'connection refused' });
    const result = await pull();
    expect(result.relays[0]?.failure).toMatchObject({ reason: 'unreachable' });
    expect(relay.acks).toEqual([]);
  });

  it('gives a state written before readers a random reader id, stores it before the first acknowledgement, and keeps it', async () => {
    const organisation = vault.state.organisations[0];
    if (organisation === undefined) throw new Error('set-up');
    const { reader: _dropped, ...withoutReader } = organisation;
    vault = await saveCoordinatorState(storage, vault, { ...vault.state, organisations: [withoutReader] });
    log.length = 0;
    for (const bundle of chain([1])) relay.put(bundle.bytes);
    const first = await pull();
    const picked = first.vault.state.organisations[0]?.reader;
    expect(picked).toMatch(/^[A-Za-z0-9_-]{21}[AQgw]$/);
    expect(picked).not.toBe(READER);
    expect(log.slice(0, 1)).toEqual(['write coordinator.json']);
    expect(log.indexOf('write coordinator.json')).toBeLessThan(log.indexOf(`ack ${RELAY} 1`));
    const reopened = await openCoordinatorVault(storage, 'river steppe lantern quietly blue');
    if (!reopened.ok) throw new Error('vault unreadable');
    expect(reopened.value.state.organisations[0]?.reader).toBe(picked);

    vault = first.vault;
    log.length = 0;
    await pull(first.archive);
    expect(log).toEqual([`ack ${RELAY} 1`]);
    expect(relay.ackReaders).toEqual([picked, picked]);
  });

  it('keeps aside bytes that do not match the listed id, with the reason, and moves on', async () => {
    const [first, second] = chain([1, 1]);
    if (!first || !second) throw new Error('set-up');
    relay.put(first.bytes);
    relay.put(second.bytes);
    const swapped = flipBit(second.bytes, second.bytes.length - 1, 0x01);
    relay.onFetch = (seq) => (seq === 2 ? { ok: true, value: swapped } : null);
    const result = await pull();
    const actualId = contentId(swapped);
    expect(result.summary.rejected).toEqual([{ id: actualId, reason: 'id-mismatch' }]);
    expect(storage.files.get(`rejected/${actualId}.bundle`)).toEqual(swapped);
    expect(new TextDecoder().decode(storage.files.get(`rejected/${actualId}.reason`))).toBe('id-mismatch\n');
    expect(result.archive.rejected).toEqual([expect.objectContaining({ id: actualId, reason: 'id-mismatch', source: `relay ${RELAY}` })]);
    // Kept aside before the acknowledgement that lets the relay delete it.
    expect(log.indexOf(`write rejected/${actualId}.bundle`)).toBeLessThan(log.indexOf(`ack ${RELAY} 2`));
    expect(result.gaps).toEqual([expect.objectContaining({ highestCounter: 1 })]);
  });

  it('rejects a bundle altered on the relay (listed under its new hash) as tampered', async () => {
    const [bundle] = chain([1]);
    if (!bundle) throw new Error('set-up');
    const altered = flipBit(bundle.bytes, bundle.bytes.length - 20, 0x40);
    relay.put(altered);
    const result = await pull();
    expect(result.summary.rejected).toEqual([{ id: contentId(altered), reason: 'tampered' }]);
    expect(result.summary.newVersions).toBe(0);
  });

  it('stops at a dropped connection, keeps and acknowledges what came before, and resumes after it', async () => {
    for (const bundle of chain([1, 1, 1])) relay.put(bundle.bytes);
    relay.onFetch = (seq) => (seq === 3 ? { ok: false, reason: 'unreachable', detail: 'connection reset' } : null);
    const first = await pull();
    expect(first.relays[0]).toMatchObject({ fetched: 2, lastSeq: 2, failure: { reason: 'unreachable' } });
    expect(relay.acks).toEqual([2]);
    relay.onFetch = null;
    vault = first.vault;
    const second = await pull(first.archive);
    expect(second.summary).toMatchObject({ newVersions: 1, duplicates: 0 });
    expect(relay.acks).toEqual([2, 3]);
    expect(exportedCounters(second.vault, second.archive)).toEqual([1, 2, 3]);
  });

  it('counts a bundle that vanished between list and fetch, and reports the gap it leaves', async () => {
    for (const bundle of chain([1, 1, 1])) relay.put(bundle.bytes);
    relay.onFetch = (seq) =>
      seq === 2 ? { ok: false, reason: 'http-error', status: 404, code: 'unknown_bundle', message: 'gone', retryAfterSeconds: null } : null;
    const result = await pull();
    expect(result.relays[0]).toMatchObject({ fetched: 2, vanished: 1, lastSeq: 3, failure: null });
    expect(result.gaps).toEqual([expect.objectContaining({ highestCounter: 3, missing: [{ first: 2, last: 2 }] })]);
  });

  it('pulls every mirror and counts what two of them hold once', async () => {
    const [a, b] = chain([1, 2]);
    if (!a || !b) throw new Error('set-up');
    relay.put(a.bytes);
    mirror.put(a.bytes);
    mirror.put(b.bytes);
    const org = vault.state.organisations[0];
    if (!org) throw new Error('set-up');
    vault = await saveCoordinatorState(storage, vault, {
      ...vault.state,
      organisations: [{ ...org, relays: [...org.relays, { url: MIRROR, lastSeq: 0 }] }],
    });
    const result = await pull();
    expect(result.summary).toMatchObject({ newReports: 3, newVersions: 3, duplicates: 1 });
    expect(result.vault.state.organisations[0]?.relays).toEqual([
      { url: RELAY, lastSeq: 1 },
      { url: MIRROR, lastSeq: 2 },
    ]);
  });
});

describe('createBundleIntake', () => {
  it('keeps an equivocating bundle aside once, and the first content stays', async () => {
    const recipients = [coordinatorIdentity(vault.state).box.publicKey];
    const [honest] = sealChain({ device, sizes: [1], recipients }).bundles;
    const [rewritten] = sealChain({ device, sizes: [1], recipients, label: ' (rewritten)' }).bundles;
    if (!honest || !rewritten) throw new Error('set-up');
    relay.put(honest.bytes);
    relay.put(rewritten.bytes);
    const first = await pull();
    expect(first.summary.rejected).toEqual([{ id: rewritten.id, reason: 'equivocation' }]);
    expect(first.equivocations).toEqual([{ deviceId: first.gaps[0]?.deviceId, bundleId: rewritten.id, counters: [1] }]);
    // Delivered again: still one archived copy, and the export keeps the first text.
    relay.put(rewritten.bytes);
    vault = first.vault;
    const second = await pull(first.archive);
    expect(second.archive.bundles.filter((b) => b.id === rewritten.id)).toHaveLength(1);
    expect(second.archive.rejected.filter((r) => r.id === rewritten.id)).toHaveLength(1);
    const document = buildExportDocument(second.vault.state, second.archive, new Date(0));
    expect(document.reports.map((r) => r.versions.map((v) => v.report.narrative))).toEqual([[expect.not.stringContaining('rewritten')]]);
    expect(document.rejected).toEqual([expect.objectContaining({ bundleId: rewritten.id, reason: 'equivocation' })]);
  });
});

describe('pullOrganisation receipts', () => {
  function openAsDevice(bytes: Uint8Array, who = device) {
    return openReceipt(bytes, { device: who, organisationMailbox: MAILBOX, coordinatorSignKeys: [coordinatorIdentity(vault.state).inviteEntry.signPublicKey] });
  }

  it('sends each device, after the acknowledgement, a receipt only it can open, covering every counter held', async () => {
    const other = signingKeys('monitor-2');
    for (const bundle of chain([2, 1])) relay.put(bundle.bytes);
    for (const bundle of sealChain({ device: other, sizes: [1], recipients: [coordinatorIdentity(vault.state).box.publicKey] }).bundles) relay.put(bundle.bytes);
    const result = await pull();
    expect(result.receipts).toEqual({ sent: 2, failed: [] });
    expect(log.indexOf(`receipt ${RELAY}`)).toBeGreaterThan(log.indexOf(`ack ${RELAY} 3`));
    const mine = relay.messages.find((m) => m.deviceMailbox === deviceMailboxId(device.publicKey));
    const theirs = relay.messages.find((m) => m.deviceMailbox === deviceMailboxId(other.publicKey));
    expect(mine?.id).toBe(contentId(mine?.bytes ?? new Uint8Array()));
    expect(openAsDevice(mine?.bytes ?? new Uint8Array())).toMatchObject({ ok: true, value: { counters: [{ first: 1, last: 3 }] } });
    expect(openAsDevice(theirs?.bytes ?? new Uint8Array(), other)).toMatchObject({ ok: true, value: { counters: [{ first: 1, last: 1 }] } });
    expect(openAsDevice(theirs?.bytes ?? new Uint8Array())).toEqual({ ok: false, reason: 'not-for-this-device' });
  });

  it('sends nothing when nothing new arrived, and a cumulative receipt when more did', async () => {
    const [a, b] = chain([1, 2]);
    if (!a || !b) throw new Error('set-up');
    relay.put(a.bytes);
    const first = await pull();
    expect(first.receipts.sent).toBe(1);
    vault = first.vault;
    const idle = await pull(first.archive);
    expect(idle.receipts).toEqual({ sent: 0, failed: [] });
    relay.put(b.bytes);
    const more = await pull(idle.archive);
    expect(more.receipts.sent).toBe(1);
    expect(openAsDevice(relay.messages[1]?.bytes ?? new Uint8Array())).toMatchObject({ ok: true, value: { counters: [{ first: 1, last: 3 }] } });
  });

  it('reports a receipt no relay took without failing the pull, and the next pull sends it', async () => {
    for (const bundle of chain([1])) relay.put(bundle.bytes);
    relay.refuseMessages = true;
    const failed = await pull();
    expect(failed.summary.newVersions).toBe(1);
    expect(failed.receipts).toEqual({ sent: 0, failed: [{ deviceId: expect.any(String), failures: [{ url: RELAY, failure: expect.objectContaining({ reason: 'unreachable' }) }] }] });
    expect(storage.files.has('receipts.bin')).toBe(false);
    relay.refuseMessages = false;
    vault = failed.vault;
    const retried = await pull(failed.archive);
    expect(retried.summary.newVersions).toBe(0);
    expect(retried.receipts).toEqual({ sent: 1, failed: [] });
    expect(openAsDevice(relay.messages[0]?.bytes ?? new Uint8Array())).toMatchObject({ ok: true });
  });
});
