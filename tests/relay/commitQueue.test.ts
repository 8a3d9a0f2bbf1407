// Group commit in this process, against a real RelayStore: uploads queued in one turn of the event loop
// share one transaction, each keeps its own result, sequence numbers follow arrival order, and a
// caller hears back only after the commit that holds its item returned.
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCommitQueue, type CommitQueueLimits } from '../../src/relay/createCommitQueue';
import { hashToken } from '../../src/relay/hashToken';
import { RelayStore, type PutBundleResult, type PutItem } from '../../src/relay/RelayStore';
import { idOf, randomBundle } from './relayClient';
import { makeTempDir } from './relayProcess';

const HOUR = Date.parse('2025-01-01T10:00:00Z');
const DEVICE = 'dEvIcEmAiLbOx0123456_A';

function openStore(maxStoreBytes = 64 * 1024 * 1024): RelayStore {
  const opened = RelayStore.open(join(makeTempDir('commit-queue'), 'data'), maxStoreBytes);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.store;
}

function withMailbox(store: RelayStore, mailboxId: string): string {
  expect(store.createMailbox(mailboxId, { uploadTokenHash: hashToken(`${mailboxId}-up`), pullTokenHash: hashToken(`${mailboxId}-pull`) }).kind).toBe('created');
  return mailboxId;
}

function bundle(mailboxId: string, bytes: Uint8Array): PutItem {
  return { into: 'mailbox', box: mailboxId, id: idOf(bytes), bytes, receivedHourMs: HOUR };
}

/** A queue over the store that records the size of every group it commits. */
function recordingQueue(store: RelayStore, limits?: CommitQueueLimits) {
  const groups: number[] = [];
  const putMany = (items: readonly PutItem[]): PutBundleResult[] => {
    groups.push(items.length);
    return store.putMany(items);
  };
  return { queue: limits === undefined ? createCommitQueue(putMany) : createCommitQueue(putMany, limits), groups };
}

describe('createCommitQueue', () => {
  it('commits uploads queued in the same turn together, with seqs in arrival order', async () => {
    const store = openStore();
    const mailbox = withMailbox(store, 'mailbox-a');
    const { queue, groups } = recordingQueue(store);
    const bundles = Array.from({ length: 6 }, () => randomBundle(500));
    const results = await Promise.all(bundles.map((bytes) => queue.put(bundle(mailbox, bytes))));
    expect(groups).toEqual([6]);
    expect(results).toEqual([1, 2, 3, 4, 5, 6].map((seq) => ({ kind: 'stored', seq })));
    expect(store.listBundles(mailbox, 0, 10).bundles.map((b) => b.bundleId)).toEqual(bundles.map(idOf));
    store.close();
  });

  it('answers a duplicate in the same group "already stored" with the first copy\'s seq, and keeps one copy', async () => {
    const store = openStore();
    const mailbox = withMailbox(store, 'mailbox-a');
    const { queue, groups } = recordingQueue(store);
    const a = randomBundle(700);
    const b = randomBundle(700);
    const results = await Promise.all([queue.put(bundle(mailbox, a)), queue.put(bundle(mailbox, a)), queue.put(bundle(mailbox, b)), queue.put(bundle(mailbox, a))]);
    expect(groups).toEqual([4]);
    expect(results).toEqual([
      { kind: 'stored', seq: 1 },
      { kind: 'already-stored', seq: 1 },
      { kind: 'stored', seq: 2 },
      { kind: 'already-stored', seq: 1 },
    ]);
    expect(store.listBundles(mailbox, 0, 10).bundles.map((x) => x.bundleId)).toEqual([idOf(a), idOf(b)]);
    store.close();
  });

  it('commits bundles for several mailboxes and device messages in one group, each where it belongs', async () => {
    const store = openStore();
    const first = withMailbox(store, 'mailbox-a');
    const second = withMailbox(store, 'mailbox-b');
    const { queue, groups } = recordingQueue(store);
    const [a1, b1, message, a2] = [randomBundle(300), randomBundle(300), randomBundle(200), randomBundle(300)];
    const results = await Promise.all([
      queue.put(bundle(first, a1)),
      queue.put(bundle(second, b1)),
      queue.put({ into: 'device', box: DEVICE, id: idOf(message), bytes: message, receivedHourMs: HOUR }),
      queue.put(bundle(first, a2)),
    ]);
    expect(groups).toEqual([4]);
    expect(results.map((r) => r.kind)).toEqual(['stored', 'stored', 'stored', 'stored']);
    expect(store.listBundles(first, 0, 10).bundles.map((x) => x.bundleId)).toEqual([idOf(a1), idOf(a2)]);
    expect(store.listBundles(second, 0, 10).bundles.map((x) => x.bundleId)).toEqual([idOf(b1)]);
    const messages = store.listDeviceMessages(DEVICE, 0, 10).messages;
    expect(messages.map((m) => m.messageId)).toEqual([idOf(message)]);
    expect(new Uint8Array(messages[0]?.bytes ?? [])).toEqual(message);
    store.close();
  });

  it('checks the size limit per item: a group that runs out of quota keeps what fitted', async () => {
    const store = openStore(200 * 1024);
    const mailbox = withMailbox(store, 'mailbox-a');
    const { queue, groups } = recordingQueue(store);
    const bundles = Array.from({ length: 10 }, () => randomBundle(30 * 1024));
    const results = await Promise.all(bundles.map((bytes) => queue.put(bundle(mailbox, bytes))));
    expect(groups).toEqual([10]);
    const stored = results.filter((r) => r.kind === 'stored');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(10);
    // Once an item did not fit, no later one of the same size did either.
    const firstFull = results.findIndex((r) => r.kind === 'storage-full');
    expect(results.slice(firstFull).every((r) => r.kind === 'storage-full')).toBe(true);
    bundles.slice(0, firstFull).forEach((bytes) => expect(new Uint8Array(store.getBundle(mailbox, idOf(bytes)) ?? [])).toEqual(bytes));
    expect(store.listBundles(mailbox, 0, 20).bundles).toHaveLength(firstFull);
    store.close();
  });

  it('answers storage-full to every item of a group that hits SQLITE_FULL, keeps none of it, and takes the next group', async () => {
    const store = openStore();
    const mailbox = withMailbox(store, 'mailbox-a');
    const early = randomBundle(1000);
    expect(store.putBundle(mailbox, idOf(early), early, HOUR)).toEqual({ kind: 'stored', seq: 1 });
    // A real SQLITE_FULL from SQLite: cap the file at the pages it has now.
    const db = Reflect.get(store, 'db') as Database.Database;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const { queue, groups } = recordingQueue(store);
    const bundles = Array.from({ length: 4 }, () => randomBundle(20 * 1024));
    const results = await Promise.all(bundles.map((bytes) => queue.put(bundle(mailbox, bytes))));
    expect(groups).toEqual([4]);
    expect(results).toEqual(bundles.map(() => ({ kind: 'storage-full' })));
    expect(store.listBundles(mailbox, 0, 10).bundles.map((b) => b.bundleId)).toEqual([idOf(early)]);

    db.pragma(`max_page_count = ${pages * 100}`);
    const later = randomBundle(20 * 1024);
    expect(await queue.put(bundle(mailbox, later))).toEqual({ kind: 'stored', seq: 2 });
    store.close();
  });

  it('puts uploads that arrive during a commit into the next group, after it, and still stores a duplicate once', async () => {
    const store = openStore();
    const mailbox = withMailbox(store, 'mailbox-a');
    const first = randomBundle(400);
    const arriving = randomBundle(400);
    const groups: string[][] = [];
    let duringCommit: Promise<PutBundleResult>[] = [];
    const queue = createCommitQueue((items) => {
      groups.push(items.map((item) => item.id));
      if (groups.length === 1) duringCommit = [queue.put(bundle(mailbox, arriving)), queue.put(bundle(mailbox, first))];
      return store.putMany(items);
    });
    const firstResult = await queue.put(bundle(mailbox, first));
    expect(firstResult).toEqual({ kind: 'stored', seq: 1 });
    expect(await Promise.all(duringCommit)).toEqual([
      { kind: 'stored', seq: 2 },
      { kind: 'already-stored', seq: 1 },
    ]);
    expect(groups).toEqual([[idOf(first)], [idOf(arriving), idOf(first)]]);
    expect(store.listBundles(mailbox, 0, 10).bundles).toHaveLength(2);
    store.close();
  });

  it('answers a caller only after the commit holding its item has returned', async () => {
    const store = openStore();
    const mailbox = withMailbox(store, 'mailbox-a');
    let committed = false;
    const queue = createCommitQueue((items) => {
      const results = store.putMany(items);
      committed = true;
      return results;
    });
    const answer = queue.put(bundle(mailbox, randomBundle(100))).then((result) => ({ result, committedFirst: committed }));
    expect(committed).toBe(false);
    expect(await answer).toEqual({ result: { kind: 'stored', seq: 1 }, committedFirst: true });
    store.close();
  });

  it('splits a long queue into groups of at most maxItems and maxBytes, in order', async () => {
    const store = openStore();
    const mailbox = withMailbox(store, 'mailbox-a');
    const byCount = recordingQueue(store, { maxItems: 2, maxBytes: 1024 * 1024 });
    const five = Array.from({ length: 5 }, () => randomBundle(100));
    const results = await Promise.all(five.map((bytes) => byCount.queue.put(bundle(mailbox, bytes))));
    expect(byCount.groups).toEqual([2, 2, 1]);
    expect(results.map((r) => (r.kind === 'stored' ? r.seq : 0))).toEqual([1, 2, 3, 4, 5]);

    const byBytes = recordingQueue(store, { maxItems: 100, maxBytes: 1000 });
    // 400 + 400 fit, the third would not; a single item above maxBytes still goes, alone.
    const sizes = [400, 400, 400, 1500, 100];
    await Promise.all(sizes.map((size) => byBytes.queue.put(bundle(mailbox, randomBundle(size)))));
    expect(byBytes.groups).toEqual([2, 1, 1, 1]);
    store.close();
  });

  it('rejects every item of a group whose commit throws something other than a full disk, and commits the next group', async () => {
    const store = openStore();
    const mailbox = withMailbox(store, 'mailbox-a');
    let fail = true;
    const queue = createCommitQueue((items) => {
      if (fail) throw new Error('disk I/O error');
      return store.putMany(items);
    });
    const doomed = [queue.put(bundle(mailbox, randomBundle(10))), queue.put(bundle(mailbox, randomBundle(10)))];
    for (const answer of doomed) await expect(answer).rejects.toThrow('disk I/O error');
    fail = false;
    expect(await queue.put(bundle(mailbox, randomBundle(10)))).toEqual({ kind: 'stored', seq: 1 });
    store.close();
  });

  it('refuses limits that could never commit anything', () => {
    const store = openStore();
    expect(() => createCommitQueue((items) => store.putMany(items), { maxItems: 0, maxBytes: 1 })).toThrow(RangeError);
    expect(() => createCommitQueue((items) => store.putMany(items), { maxItems: 1, maxBytes: 0 })).toThrow(RangeError);
    store.close();
  });
});
