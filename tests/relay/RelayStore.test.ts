// The store on its own (in this process): the parts HTTP cannot reach, such as a hash collision.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, RelayStore } from '../../src/relay/RelayStore';
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
