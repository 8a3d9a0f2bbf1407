// The relay's only persistent state: one SQLite file in the data folder. It holds mailboxes (token
// hashes only), opaque bundle bytes with their arrival hour, and how far each reader of a mailbox has
// acknowledged; nothing about who sent them.
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { isStorageFullError } from './isStorageFullError';
import { migrateRelaySchema, RELAY_SCHEMA_VERSION } from './relaySchema';

export const DATABASE_FILE = 'relay.sqlite';

export type PutBundleResult =
  | { readonly kind: 'stored'; readonly seq: number }
  | { readonly kind: 'already-stored'; readonly seq: number }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'storage-full' };

/** One upload for putMany: a bundle into an organisation's mailbox, or a message into a device mailbox. */
export interface PutItem {
  readonly into: 'mailbox' | 'device';
  /** The mailbox id, or the device mailbox address. */
  readonly box: string;
  /** The bundle or message id: base64url(SHA-256(bytes)), checked by the caller. */
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly receivedHourMs: number;
}

/** What a reader's acknowledgement did; `too-many-readers` changed nothing. */
export type ReaderAckResult = { readonly kind: 'acknowledged'; readonly deleted: number } | { readonly kind: 'too-many-readers' };

export interface ReaderAck {
  readonly mailboxId: string;
  readonly reader: string;
  readonly upTo: number;
  /** The hour of this acknowledgement: the reader counts until it has not acknowledged for the time-to-live. */
  readonly hourMs: number;
  /** Readers whose last acknowledgement was in this hour or before are forgotten first (expiryCutoff). */
  readonly staleAtOrBeforeHourMs: number;
  readonly maxReaders: number;
}

export type CreateMailboxResult = { readonly kind: 'created' } | { readonly kind: 'storage-full' };

export interface MailboxTokenHashes {
  readonly uploadTokenHash: Buffer;
  readonly pullTokenHash: Buffer;
}

export interface StoredBundleSummary {
  readonly seq: number;
  readonly bundleId: string;
  readonly size: number;
  readonly receivedHourMs: number;
}

export interface StoredDeviceMessage {
  readonly seq: number;
  readonly messageId: string;
  readonly receivedHourMs: number;
  readonly bytes: Buffer;
}

export type TokenKind = 'upload' | 'pull';

export type OpenStoreResult =
  | { readonly ok: true; readonly store: RelayStore }
  | { readonly ok: false; readonly reason: 'newer-schema'; readonly found: number };

interface BundleRow {
  seq: number;
  bundle_id: string;
  size: number;
  received_hour: number;
}

export class RelayStore {
  private readonly statements: Statements;
  private readonly putManyTransaction: Database.Transaction<(items: readonly PutItem[]) => PutBundleResult[]>;
  private readonly rotateTransaction: Database.Transaction<(mailboxId: string, uploadTokenHash: Buffer) => 'rotated' | 'unknown-mailbox'>;
  private readonly readerAckTransaction: Database.Transaction<(ack: ReaderAck) => ReaderAckResult>;
  // Fixed once the database exists (WAL mode cannot change it), so read once rather than per upload.
  private readonly pageSize: number;

  private constructor(
    private readonly db: Database.Database,
    private readonly maxStoreBytes: number,
  ) {
    const statements = prepareStatements(db);
    this.statements = statements;
    this.pageSize = db.pragma('page_size', { simple: true }) as number;
    this.putManyTransaction = db.transaction((items) => items.map((item) => this.putOne(item)));
    this.rotateTransaction = db.transaction((mailboxId, uploadTokenHash) => {
      statements.retireUploadToken.run(mailboxId);
      return statements.replaceUploadToken.run(uploadTokenHash, mailboxId).changes === 1 ? 'rotated' : 'unknown-mailbox';
    });
    this.readerAckTransaction = db.transaction((ack) => {
      statements.forgetStaleReadersOf.run(ack.mailboxId, ack.staleAtOrBeforeHourMs);
      const known = statements.selectReader.get(ack.mailboxId, ack.reader) !== undefined;
      if (!known && (statements.countReaders.get(ack.mailboxId) as number) >= ack.maxReaders) return { kind: 'too-many-readers' };
      statements.upsertReader.run(ack.mailboxId, ack.reader, ack.upTo, ack.hourMs);
      return { kind: 'acknowledged', deleted: statements.deleteUpToSlowestReader.run(ack.mailboxId, ack.mailboxId).changes };
    });
  }

  /** Opens (creating if needed) the data folder and its database; refuses a database written by a newer relay. */
  static open(dataDir: string, maxStoreBytes: number): OpenStoreResult {
    if (!Number.isSafeInteger(maxStoreBytes) || maxStoreBytes <= 0) {
      throw new RangeError(`maxStoreBytes must be a positive integer, got ${maxStoreBytes}`);
    }
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma('journal_mode = WAL');
    // FULL: every commit is fsynced before better-sqlite3 returns, so a 2xx means durable.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Acknowledged bundles are overwritten with zeros rather than left in free pages.
    db.pragma('secure_delete = ON');
    db.pragma('journal_size_limit = 16777216');
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > RELAY_SCHEMA_VERSION) {
      db.close();
      return { ok: false, reason: 'newer-schema', found };
    }
    migrateRelaySchema(db, found);
    fsyncDirectory(dataDir);
    return { ok: true, store: new RelayStore(db, maxStoreBytes) };
  }

  createMailbox(mailboxId: string, hashes: MailboxTokenHashes): CreateMailboxResult {
    try {
      if (this.usedBytes() >= this.maxStoreBytes) return { kind: 'storage-full' };
      this.statements.insertMailbox.run(mailboxId, hashes.uploadTokenHash, hashes.pullTokenHash);
      return { kind: 'created' };
    } catch (error) {
      if (isStorageFullError(error)) return { kind: 'storage-full' };
      throw error;
    }
  }

  findMailbox(mailboxId: string): MailboxTokenHashes | null {
    const row = this.statements.selectMailbox.get(mailboxId) as
      | { upload_token_hash: Buffer; pull_token_hash: Buffer }
      | undefined;
    return row ? { uploadTokenHash: row.upload_token_hash, pullTokenHash: row.pull_token_hash } : null;
  }

  /** Whether this hash belongs to some mailbox's upload or pull token (used to pick a rate-limit bucket). */
  isKnownTokenHash(tokenHash: Buffer): boolean {
    return this.statements.selectTokenHash.get(tokenHash, tokenHash) !== undefined;
  }

  /**
   * Gives a mailbox a new upload token: the old one is refused for bundles from now on, but kept as the
   * retired token, which may still read device mailboxes so enrolled devices can fetch the signed update
   * that carries the new token. Only one retired token is kept: a second rotation forgets the first.
   */
  rotateUploadToken(mailboxId: string, uploadTokenHash: Buffer): 'rotated' | 'unknown-mailbox' | 'storage-full' {
    try {
      return this.rotateTransaction.immediate(mailboxId, uploadTokenHash);
    } catch (error) {
      if (isStorageFullError(error)) return 'storage-full';
      throw error;
    }
  }

  /** Which kind of token this hash belongs to, if any (device mailboxes admit any token the relay issued). */
  tokenKind(tokenHash: Buffer): TokenKind | null {
    if (this.statements.selectUploadHash.get(tokenHash, tokenHash) !== undefined) return 'upload';
    if (this.statements.selectPullHash.get(tokenHash) !== undefined) return 'pull';
    return null;
  }

  listDeviceMessages(deviceMailbox: string, afterSeq: number, limit: number): { messages: StoredDeviceMessage[]; hasMore: boolean } {
    const rows = this.statements.listMessages.all(deviceMailbox, afterSeq, limit + 1) as {
      seq: number;
      message_id: string;
      received_hour: number;
      bytes: Buffer;
    }[];
    return {
      messages: rows.slice(0, limit).map((row) => ({
        seq: row.seq,
        messageId: row.message_id,
        receivedHourMs: row.received_hour,
        bytes: row.bytes,
      })),
      hasMore: rows.length > limit,
    };
  }

  /** Deletes the device mailbox's messages with seq <= upTo; returns how many were deleted. */
  ackDeviceMessages(deviceMailbox: string, upTo: number): number {
    return this.statements.deleteMessagesUpTo.run(deviceMailbox, upTo).changes;
  }

  /** Stores a bundle and returns its sequence number once the commit is on disk. */
  putBundle(mailboxId: string, bundleId: string, bytes: Uint8Array, receivedHourMs: number): PutBundleResult {
    return this.putSingle({ into: 'mailbox', box: mailboxId, id: bundleId, bytes, receivedHourMs });
  }

  /**
   * Stores several uploads in ONE durable commit (group commit) and returns each one's own result, in
   * order. Items are applied in array order, so sequence numbers follow it and a later copy of an
   * earlier item's bytes is "already-stored" with that item's seq. The quota is checked per item. If
   * SQLite reports the disk full, nothing of the group is kept and every item is "storage-full".
   */
  putMany(items: readonly PutItem[]): PutBundleResult[] {
    if (items.length === 0) return [];
    try {
      return this.putManyTransaction.immediate(items);
    } catch (error) {
      if (isStorageFullError(error)) return items.map(() => ({ kind: 'storage-full' }));
      throw error;
    }
  }

  private putSingle(item: PutItem): PutBundleResult {
    const [result] = this.putMany([item]);
    if (result === undefined) throw new Error('putMany returned no result for one item');
    return result;
  }

  // Runs inside putManyTransaction.
  private putOne(item: PutItem): PutBundleResult {
    const toMailbox = item.into === 'mailbox';
    const select = toMailbox ? this.statements.selectExisting : this.statements.selectExistingMessage;
    const existing = select.get(item.box, item.id) as { seq: number; bytes: Buffer } | undefined;
    if (existing) {
      return Buffer.compare(existing.bytes, item.bytes) === 0 ? { kind: 'already-stored', seq: existing.seq } : { kind: 'conflict' };
    }
    if (this.usedBytes() + item.bytes.length > this.maxStoreBytes) return { kind: 'storage-full' };
    const insert = toMailbox ? this.statements.insertBundle : this.statements.insertMessage;
    const info = insert.run(item.box, item.id, item.bytes.length, item.receivedHourMs, item.bytes);
    return { kind: 'stored', seq: Number(info.lastInsertRowid) };
  }

  listBundles(
    mailboxId: string,
    afterSeq: number,
    limit: number,
  ): { bundles: StoredBundleSummary[]; hasMore: boolean } {
    const rows = this.statements.listBundles.all(mailboxId, afterSeq, limit + 1) as BundleRow[];
    return {
      bundles: rows.slice(0, limit).map((row) => ({
        seq: row.seq,
        bundleId: row.bundle_id,
        size: row.size,
        receivedHourMs: row.received_hour,
      })),
      hasMore: rows.length > limit,
    };
  }

  getBundle(mailboxId: string, bundleId: string): Buffer | null {
    const row = this.statements.selectBundleBytes.get(mailboxId, bundleId) as { bytes: Buffer } | undefined;
    return row?.bytes ?? null;
  }

  /** The legacy acknowledgement (no reader): deletes the mailbox's bundles with seq <= upTo, whoever else reads it; returns how many. */
  ack(mailboxId: string, upTo: number): number {
    return this.statements.deleteUpTo.run(mailboxId, upTo).changes;
  }

  /**
   * Records that `reader` holds everything of the mailbox up to `upTo` (never moving its mark back), then
   * deletes only what every reader the relay still counts has acknowledged. Readers that have not
   * acknowledged since `staleAtOrBeforeHourMs` are forgotten first, so a lost laptop holds nothing back.
   */
  ackAsReader(ack: ReaderAck): ReaderAckResult {
    return this.readerAckTransaction.immediate(ack);
  }

  /** How far each counted reader of the mailbox has acknowledged, by reader id (for tests and operators). */
  readerMarks(mailboxId: string): Map<string, number> {
    const rows = this.statements.selectReaders.all(mailboxId) as { reader: string; acked_up_to: number }[];
    return new Map(rows.map((row) => [row.reader, row.acked_up_to]));
  }

  /**
   * The time-to-live: deletes every bundle and device message that arrived in an hour starting at or
   * before hourMs, forgets readers whose last acknowledgement is that old, and deletes what the readers
   * left have all acknowledged. Returns how many bundles and messages were deleted.
   */
  purgeReceivedAtOrBefore(hourMs: number): number {
    const purgeAll = this.db.transaction(() => {
      const expired = this.statements.purge.run(hourMs).changes + this.statements.purgeMessages.run(hourMs).changes;
      if (this.statements.forgetStaleReaders.run(hourMs).changes === 0) return expired;
      return expired + this.statements.deleteUpToSlowestReaderEverywhere.run().changes;
    });
    return purgeAll();
  }

  /** Bytes the database occupies, not counting free pages that later writes reuse. */
  usedBytes(): number {
    return (this.statements.usedPages.get() as number) * this.pageSize;
  }

  close(): void {
    this.db.close();
  }
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Database.Database) {
  return {
    insertMailbox: db.prepare(
      'INSERT INTO mailboxes (mailbox_id, upload_token_hash, pull_token_hash) VALUES (?, ?, ?)',
    ),
    selectMailbox: db.prepare('SELECT upload_token_hash, pull_token_hash FROM mailboxes WHERE mailbox_id = ?'),
    selectTokenHash: db.prepare(
      'SELECT 1 FROM mailboxes WHERE upload_token_hash = ? UNION ALL SELECT 1 FROM mailboxes WHERE pull_token_hash = ? LIMIT 1',
    ),
    selectExisting: db.prepare('SELECT seq, bytes FROM bundles WHERE mailbox_id = ? AND bundle_id = ?'),
    insertBundle: db.prepare(
      'INSERT INTO bundles (mailbox_id, bundle_id, size, received_hour, bytes) VALUES (?, ?, ?, ?, ?)',
    ),
    listBundles: db.prepare(
      'SELECT seq, bundle_id, size, received_hour FROM bundles WHERE mailbox_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    selectBundleBytes: db.prepare('SELECT bytes FROM bundles WHERE mailbox_id = ? AND bundle_id = ?'),
    deleteUpTo: db.prepare('DELETE FROM bundles WHERE mailbox_id = ? AND seq <= ?'),
    selectReader: db.prepare('SELECT 1 FROM mailbox_readers WHERE mailbox_id = ? AND reader = ?'),
    selectReaders: db.prepare('SELECT reader, acked_up_to FROM mailbox_readers WHERE mailbox_id = ? ORDER BY reader'),
    countReaders: db.prepare('SELECT count(*) FROM mailbox_readers WHERE mailbox_id = ?').pluck(),
    upsertReader: db.prepare(
      'INSERT INTO mailbox_readers (mailbox_id, reader, acked_up_to, acked_hour) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (mailbox_id, reader) DO UPDATE SET acked_up_to = max(acked_up_to, excluded.acked_up_to), acked_hour = excluded.acked_hour',
    ),
    forgetStaleReadersOf: db.prepare('DELETE FROM mailbox_readers WHERE mailbox_id = ? AND acked_hour <= ?'),
    forgetStaleReaders: db.prepare('DELETE FROM mailbox_readers WHERE acked_hour <= ?'),
    deleteUpToSlowestReader: db.prepare(
      'DELETE FROM bundles WHERE mailbox_id = ? AND seq <= (SELECT min(acked_up_to) FROM mailbox_readers WHERE mailbox_id = ?)',
    ),
    // A mailbox without readers gives NULL here, and "seq <= NULL" deletes nothing.
    deleteUpToSlowestReaderEverywhere: db.prepare(
      'DELETE FROM bundles WHERE seq <= (SELECT min(r.acked_up_to) FROM mailbox_readers r WHERE r.mailbox_id = bundles.mailbox_id)',
    ),
    purge: db.prepare('DELETE FROM bundles WHERE received_hour <= ?'),
    selectUploadHash: db.prepare(
      'SELECT 1 FROM mailboxes WHERE upload_token_hash = ? UNION ALL SELECT 1 FROM retired_upload_tokens WHERE token_hash = ? LIMIT 1',
    ),
    retireUploadToken: db.prepare(
      'INSERT OR REPLACE INTO retired_upload_tokens (mailbox_id, token_hash) SELECT mailbox_id, upload_token_hash FROM mailboxes WHERE mailbox_id = ?',
    ),
    replaceUploadToken: db.prepare('UPDATE mailboxes SET upload_token_hash = ? WHERE mailbox_id = ?'),
    selectPullHash: db.prepare('SELECT 1 FROM mailboxes WHERE pull_token_hash = ?'),
    selectExistingMessage: db.prepare('SELECT seq, bytes FROM device_messages WHERE device_mailbox = ? AND message_id = ?'),
    insertMessage: db.prepare(
      'INSERT INTO device_messages (device_mailbox, message_id, size, received_hour, bytes) VALUES (?, ?, ?, ?, ?)',
    ),
    listMessages: db.prepare(
      'SELECT seq, message_id, received_hour, bytes FROM device_messages WHERE device_mailbox = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    deleteMessagesUpTo: db.prepare('DELETE FROM device_messages WHERE device_mailbox = ? AND seq <= ?'),
    purgeMessages: db.prepare('DELETE FROM device_messages WHERE received_hour <= ?'),
    // Prepared once: db.pragma() would compile three statements on every upload.
    usedPages: db.prepare('SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count())').pluck(),
  };
}

// The new database file's directory entry must itself reach the disk, or a crash could lose the file.
function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
