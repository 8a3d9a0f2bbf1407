// Several coordinators reading one mailbox, against the real relay process: each acknowledges as its own
// reader, and a bundle is deleted only once every reader the relay counts has acknowledged it. The legacy
// acknowledgement (no reader) still deletes at once; a reader silent for the time-to-live stops counting;
// a v3 data folder is migrated with its bundles kept.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackResponseSchema, listBundlesResponseSchema, MAX_READERS_PER_MAILBOX, putBundleResponseSchema, type CreateMailboxResponse } from '../../src/protocol/relayApi';
import { DATABASE_FILE } from '../../src/relay/RelayStore';
import { ack, ackAs, ADMIN_TOKEN, createMailbox, errorCode, idOf, listBundles, putBundle, randomBundle } from './relayClient';
import { makeTempDir, spawnRelay, type RelayProcess } from './relayProcess';

// Reader ids: 16 bytes of unpadded base64url (22 characters, the last one of AQgw).
const FIRST = 'fIrStReAdEr0123456789A';
const SECOND = 'sEcOnDrEaDeR012345678Q';

async function listedIds(url: string, mailbox: CreateMailboxResponse): Promise<string[]> {
  const response = await listBundles(url, mailbox);
  expect(response.status).toBe(200);
  return listBundlesResponseSchema.parse(await response.json()).bundles.map((b) => b.id);
}

async function deleted(response: Response): Promise<number> {
  expect(response.status).toBe(200);
  return ackResponseSchema.parse(await response.json()).deleted;
}

async function upload(url: string, mailbox: CreateMailboxResponse, bytes: Uint8Array<ArrayBuffer>): Promise<number> {
  const response = await putBundle(url, mailbox, bytes);
  expect(response.status).toBe(201);
  return putBundleResponseSchema.parse(await response.json()).seq;
}

describe('readers of one mailbox', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_RATE_LIMIT_MAX: '1000000' } });
  });
  afterAll(() => relay.kill('SIGTERM'));

  it("deletes nothing on the first reader's ack that the second has not acknowledged, and everything once both have", async () => {
    const mailbox = await createMailbox(relay.url);
    // Both coordinators have pulled once before (nothing was there): the relay knows them.
    expect(await deleted(await ackAs(relay.url, mailbox, FIRST, 0))).toBe(0);
    expect(await deleted(await ackAs(relay.url, mailbox, SECOND, 0))).toBe(0);
    const bundles = [randomBundle(100), randomBundle(200), randomBundle(300)];
    const seqs: number[] = [];
    for (const bytes of bundles) seqs.push(await upload(relay.url, mailbox, bytes));
    const [, second = 0, third = 0] = seqs;

    expect(await deleted(await ackAs(relay.url, mailbox, FIRST, third))).toBe(0);
    // The list is the same for everyone holding the pull token: the second reader still sees all three.
    expect(await listedIds(relay.url, mailbox)).toEqual(bundles.map(idOf));
    // Acknowledging again, or lower, never moves the first reader's mark back.
    expect(await deleted(await ackAs(relay.url, mailbox, FIRST, 1))).toBe(0);

    expect(await deleted(await ackAs(relay.url, mailbox, SECOND, second))).toBe(2);
    expect(await listedIds(relay.url, mailbox)).toEqual([idOf(bundles[2] ?? new Uint8Array())]);
    expect(await deleted(await ackAs(relay.url, mailbox, SECOND, third))).toBe(1);
    expect(await listedIds(relay.url, mailbox)).toEqual([]);
  });

  it('keeps the legacy acknowledgement: without a reader it deletes up to upTo, whatever the readers acknowledged', async () => {
    const mailbox = await createMailbox(relay.url);
    expect(await deleted(await ackAs(relay.url, mailbox, FIRST, 0))).toBe(0);
    const seqs = [await upload(relay.url, mailbox, randomBundle(50)), await upload(relay.url, mailbox, randomBundle(60))];
    expect(await deleted(await ack(relay.url, mailbox, seqs[0] ?? 0))).toBe(1);
    expect(await deleted(await ack(relay.url, mailbox, seqs[1] ?? 0))).toBe(1);
    expect(await listedIds(relay.url, mailbox)).toEqual([]);
  });

  it('refuses a malformed reader id with malformed_reader and changes nothing', async () => {
    const mailbox = await createMailbox(relay.url);
    const bytes = randomBundle(70);
    const seq = await upload(relay.url, mailbox, bytes);
    // 22 characters but not canonical (last one outside AQgw), too short, too long, padded, not a string.
    for (const reader of ['fIrStReAdEr0123456789B', 'short', `${FIRST}A`, 'fIrStReAdEr01234567==', 42, null, '']) {
      const response = await ackAs(relay.url, mailbox, reader, seq);
      expect(response.status, JSON.stringify(reader)).toBe(400);
      expect(await errorCode(response)).toBe('malformed_reader');
    }
    expect(await listedIds(relay.url, mailbox)).toEqual([idOf(bytes)]);
    // Positive control: the same request with a well-formed reader is accepted.
    expect(await deleted(await ackAs(relay.url, mailbox, FIRST, seq))).toBe(1);
    // Other mistakes in an acknowledgement that names a reader keep their own code.
    const unknownField = await fetch(`${relay.url}/v1/mailboxes/${mailbox.mailboxId}/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mailbox.pullToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ upTo: 1, reader: FIRST, extra: true }),
    });
    expect(unknownField.status).toBe(400);
    expect(await errorCode(unknownField)).toBe('invalid_request');
  });

  it(`remembers at most ${MAX_READERS_PER_MAILBOX} readers per mailbox; the known ones keep acknowledging`, async () => {
    const mailbox = await createMailbox(relay.url);
    const readers = Array.from({ length: MAX_READERS_PER_MAILBOX }, (_, i) => `reader${String(i).padStart(2, '0')}abcdefghijklmA`);
    for (const reader of readers) expect(await deleted(await ackAs(relay.url, mailbox, reader, 0))).toBe(0);
    const refused = await ackAs(relay.url, mailbox, 'oneTooMany0123456789AQ', 0);
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('too_many_readers');
    const seq = await upload(relay.url, mailbox, randomBundle(80));
    for (const reader of readers) await deleted(await ackAs(relay.url, mailbox, reader, seq));
    expect(await listedIds(relay.url, mailbox)).toEqual([]);
  });
});

describe('a reader that stopped acknowledging', () => {
  it('holds bundles back until it has been silent for the time-to-live, then counts no more', async () => {
    const dataDir = `${makeTempDir('readers-stale')}/data`;
    const at = (now: string) => spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_TEST_NOW: now, DALA_TTL_DAYS: '30' } });
    let relay = await at('2025-01-01T10:30:00Z');
    let mailbox: CreateMailboxResponse;
    const late = randomBundle(90);
    try {
      mailbox = await createMailbox(relay.url);
      // The lost laptop acknowledges once, on 1 January, and never again.
      expect(await deleted(await ackAs(relay.url, mailbox, SECOND, 0))).toBe(0);
    } finally {
      await relay.kill('SIGTERM');
    }
    relay = await at('2025-01-20T09:00:00Z');
    try {
      const seq = await upload(relay.url, mailbox, late);
      expect(await deleted(await ackAs(relay.url, mailbox, FIRST, seq))).toBe(0);
    } finally {
      await relay.kill('SIGTERM');
    }
    // The last hour in which the silent reader still counts: the bundle (11 days old) is kept for it.
    relay = await at('2025-01-31T10:59:59Z');
    try {
      expect(await listedIds(relay.url, mailbox)).toEqual([idOf(late)]);
    } finally {
      await relay.kill('SIGTERM');
    }
    // One second later it is forgotten at start, and what the reader left has acknowledged goes.
    relay = await at('2025-01-31T11:00:00Z');
    try {
      expect(await listedIds(relay.url, mailbox)).toEqual([]);
    } finally {
      await relay.kill('SIGTERM');
    }
  });
});

describe('schema 4', () => {
  it('migrates a v3 data folder: mailboxes and bundles stay, readers acknowledge, the schema is 4', async () => {
    const dataDir = `${makeTempDir('readers-migrate')}/data`;
    const v3 = await spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
    let mailbox: CreateMailboxResponse;
    const bytes = randomBundle(128);
    let seq: number;
    try {
      mailbox = await createMailbox(v3.url);
      seq = await upload(v3.url, mailbox, bytes);
    } finally {
      await v3.kill('SIGTERM');
    }
    // Rolled back to exactly the v3 schema.
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.exec('DROP TABLE mailbox_readers; PRAGMA user_version = 3;');
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'mailbox_readers'").get()).toEqual({ n: 0 });
    db.close();

    const v4 = await spawnRelay({ dataDir });
    try {
      expect(await listedIds(v4.url, mailbox)).toEqual([idOf(bytes)]);
      expect(await deleted(await ackAs(v4.url, mailbox, FIRST, 0))).toBe(0);
      expect(await deleted(await ackAs(v4.url, mailbox, SECOND, seq))).toBe(0);
      expect(await listedIds(v4.url, mailbox)).toEqual([idOf(bytes)]);
      expect(await deleted(await ackAs(v4.url, mailbox, FIRST, seq))).toBe(1);
    } finally {
      await v4.kill('SIGTERM');
    }
    const after = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(4);
    after.close();
  });
});
