// The store on its own (in this process): the parts HTTP cannot reach, such as a hash collision.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, RelayStore } from '../../src/relay/RelayStore';
import { expiryCutoff } from '../../src/relay/expiryCutoff';
import { hashToken } from '../../src/relay/hashToken';
import { makeTempDir } from './relayProcess';

const HOUR = Date.parse('2025-01-01T10:00:00Z');

function openStore(maxStoreBytes = 64 * 1024 * 1024): { store: RelayStore; dir: string } {
  const dir = makeTempDir('store');
  const opened = RelayStore.open(join(dir, 'data'), maxStoreBytes);
  if (!opened.ok) throw new Error(opened.reason);
  return { store: opened.store, dir: join(dir, 'data') };
}

function withMailbox(store: RelayStore, mailboxId = 'mailbox-a'): string {
  expect(store.createMailbox(mailboxId, { uploadTokenHash: hashToken(`${mailboxId}-up`), pullTokenHash: hashToken(`${mailboxId}-pull`) }).kind).toBe('created');
  return mailboxId;
}

describe('RelayStore', () => {
  it('reports a conflict when an id already holds different bytes, and keeps the first bytes', () => {
    const { store } = openStore();
    const mailbox = withMailbox(store);
    expect(store.putBundle(mailbox, 'same-id', Buffer.from('first'), HOUR)).toEqual({ kind: 'stored', seq: 1 });
    expect(store.putBundle(mailbox, 'same-id', Buffer.from('second'), HOUR)).toEqual({ kind: 'conflict' });
    expect(store.getBundle(mailbox, 'same-id')?.toString()).toBe('first');
    store.close();
  });

  it('never reuses a sequence number, even after everything was acknowledged', () => {
    const { store } = openStore();
    const mailbox = withMailbox(store);
    store.putBundle(mailbox, 'a', Buffer.from('a'), HOUR);
    store.putBundle(mailbox, 'b', Buffer.from('b'), HOUR);
    expect(store.ack(mailbox, 2)).toBe(2);
    const next = store.putBundle(mailbox, 'c', Buffer.from('c'), HOUR);
    expect(next).toEqual({ kind: 'stored', seq: 3 });
    store.close();
  });

  it('lists only the asked mailbox, in sequence order, in pages', () => {
    const { store } = openStore();
    const a = withMailbox(store, 'a');
    const b = withMailbox(store, 'b');
    for (const name of ['1', '2', '3']) {
      store.putBundle(a, `a${name}`, Buffer.from(name), HOUR);
      store.putBundle(b, `b${name}`, Buffer.from(name), HOUR);
    }
    const first = store.listBundles(a, 0, 2);
    expect(first.bundles.map((x) => x.bundleId)).toEqual(['a1', 'a2']);
    expect(first.hasMore).toBe(true);
    const rest = store.listBundles(a, first.bundles[1]?.seq ?? 0, 2);
    expect(rest.bundles.map((x) => x.bundleId)).toEqual(['a3']);
    expect(rest.hasMore).toBe(false);
    store.close();
  });

  it('knows the hashes of upload and pull tokens, and nothing else', () => {
    const { store } = openStore();
    withMailbox(store, 'm');
    expect(store.isKnownTokenHash(hashToken('m-up'))).toBe(true);
    expect(store.isKnownTokenHash(hashToken('m-pull'))).toBe(true);
    expect(store.isKnownTokenHash(hashToken('m-other'))).toBe(false);
    store.close();
  });

  it('refuses a bundle that would take the database past its size limit, and has room again after an ack', () => {
    const { store } = openStore(256 * 1024);
    const mailbox = withMailbox(store);
    const chunk = Buffer.alloc(40 * 1024, 7);
    const results = Array.from({ length: 10 }, (_, i) => store.putBundle(mailbox, `id${i}`, chunk, HOUR).kind);
    expect(results).toContain('stored');
    expect(results).toContain('storage-full');
    expect(results.indexOf('storage-full')).toBe(results.filter((r) => r === 'stored').length);
    expect(store.usedBytes()).toBeLessThanOrEqual(256 * 1024);
    store.ack(mailbox, Number.MAX_SAFE_INTEGER);
    expect(store.putBundle(mailbox, 'after-ack', chunk, HOUR).kind).toBe('stored');
    store.close();
  });

  it('purges by arrival hour', () => {
    const { store } = openStore();
    const mailbox = withMailbox(store);
    store.putBundle(mailbox, 'old', Buffer.from('o'), HOUR - 3_600_000);
    store.putBundle(mailbox, 'new', Buffer.from('n'), HOUR);
    expect(store.purgeReceivedAtOrBefore(HOUR - 3_600_000)).toBe(1);
    expect(store.listBundles(mailbox, 0, 10).bundles.map((x) => x.bundleId)).toEqual(['new']);
    store.close();
  });

  it('refuses a database written by a newer relay instead of guessing', () => {
    const { store, dir } = openStore();
    store.close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma('user_version = 99');
    db.close();
    expect(RelayStore.open(dir, 1024 * 1024)).toEqual({ ok: false, reason: 'newer-schema', found: 99 });
  });

  it('keeps its database in WAL mode', () => {
    const { store, dir } = openStore();
    const db = new Database(join(dir, DATABASE_FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    store.close();
  });
});

describe('RelayStore readers', () => {
  const DAY = 86_400_000;
  const TTL = 30 * DAY;

  function ackAt(store: RelayStore, mailboxId: string, reader: string, upTo: number, hourMs: number, staleAtOrBeforeHourMs: number) {
    return store.ackAsReader({ mailboxId, reader, upTo, hourMs, staleAtOrBeforeHourMs, maxReaders: 16 });
  }

  it('forgets, on the next acknowledgement, a reader silent for the time-to-live, and deletes what the others hold', () => {
    const { store } = openStore();
    const mailbox = withMailbox(store);
    const later = HOUR + 31 * DAY;
    expect(ackAt(store, mailbox, 'lost-laptop', 0, HOUR, HOUR - DAY)).toEqual({ kind: 'acknowledged', deleted: 0 });
    store.putBundle(mailbox, 'x', Buffer.from('x'), later);
    const seq = store.listBundles(mailbox, 0, 10).bundles[0]?.seq ?? 0;
    // Control: while the silent reader still counts, the other reader's acknowledgement deletes nothing.
    expect(ackAt(store, mailbox, 'active', seq, later, HOUR - DAY)).toEqual({ kind: 'acknowledged', deleted: 0 });
    expect([...store.readerMarks(mailbox).keys()]).toEqual(['active', 'lost-laptop']);
    expect(ackAt(store, mailbox, 'active', seq, later, expiryCutoff(later, TTL))).toEqual({ kind: 'acknowledged', deleted: 1 });
    expect(store.readerMarks(mailbox)).toEqual(new Map([['active', seq]]));
    store.close();
  });

  it('lets the time-to-live purge forget silent readers and delete what the readers left acknowledged, per mailbox', () => {
    const { store } = openStore();
    const a = withMailbox(store, 'a');
    const b = withMailbox(store, 'b');
    const later = HOUR + 20 * DAY;
    ackAt(store, a, 'silent', 0, HOUR, 0);
    ackAt(store, b, 'silent', 0, HOUR, 0);
    store.putBundle(a, 'a1', Buffer.from('a1'), later);
    store.putBundle(b, 'b1', Buffer.from('b1'), later);
    const seqA = store.listBundles(a, 0, 10).bundles[0]?.seq ?? 0;
    ackAt(store, a, 'active', seqA, later, 0);
    expect(store.purgeReceivedAtOrBefore(HOUR - DAY)).toBe(0);
    expect(store.purgeReceivedAtOrBefore(HOUR)).toBe(1);
    // Mailbox b has no reader left and its bundle is young: only the time-to-live will delete it.
    expect(store.listBundles(a, 0, 10).bundles).toEqual([]);
    expect(store.listBundles(b, 0, 10).bundles.map((x) => x.bundleId)).toEqual(['b1']);
    store.close();
  });

  it('remembers at most maxReaders readers; a known reader is never refused', () => {
    const { store } = openStore();
    const mailbox = withMailbox(store);
    const ack = (reader: string) => store.ackAsReader({ mailboxId: mailbox, reader, upTo: 0, hourMs: HOUR, staleAtOrBeforeHourMs: 0, maxReaders: 2 });
    expect(ack('one').kind).toBe('acknowledged');
    expect(ack('two').kind).toBe('acknowledged');
    expect(ack('three')).toEqual({ kind: 'too-many-readers' });
    expect(ack('one').kind).toBe('acknowledged');
    expect([...store.readerMarks(mailbox).keys()]).toEqual(['one', 'two']);
    store.close();
  });
});
