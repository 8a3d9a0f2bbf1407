// Device mailboxes against the real relay process: a coordinator's pull token writes, a device's upload
// token reads and acknowledges, nothing else gets in, bad input never gives a 5xx, messages expire, and
// a data folder written by a v1 relay is migrated with its bundles kept.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELAY_ERROR_STATUS } from '../../src/protocol/errorCodes';
import { listMessagesResponseSchema, putMessageResponseSchema, relayErrorBodySchema, type CreateMailboxResponse } from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';
import { DATABASE_FILE } from '../../src/relay/RelayStore';
import { ADMIN_TOKEN, bearer, createMailbox, errorCode, idOf, listBundles, randomBundle } from './relayClient';
import { makeTempDir, spawnRelay, type RelayProcess } from './relayProcess';

const DEVICE = 'dEvIcEmAiLbOx0123456_A';
const OTHER_DEVICE = 'oThErDeViCe0123456789A';

function putMessage(url: string, token: string, bytes: Uint8Array<ArrayBuffer>, options: { device?: string; id?: string; contentType?: string } = {}): Promise<Response> {
  return fetch(url + relayPaths.deviceMessage(options.device ?? DEVICE, options.id ?? idOf(bytes)), {
    method: 'PUT',
    headers: { ...bearer(token), 'content-type': options.contentType ?? 'application/octet-stream' },
    body: bytes,
  });
}

function listMessages(url: string, token: string | null, device = DEVICE, query = ''): Promise<Response> {
  return fetch(`${url}${relayPaths.deviceMessages(device)}${query}`, { headers: token === null ? {} : bearer(token) });
}

function ackMessages(url: string, token: string, upTo: number, device = DEVICE): Promise<Response> {
  return fetch(url + relayPaths.deviceAck(device), {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ upTo }),
  });
}

describe('device mailboxes', () => {
  let relay: RelayProcess;
  let org: CreateMailboxResponse;
  beforeAll(async () => {
    relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_RATE_LIMIT_MAX: '1000000' } });
    org = await createMailbox(relay.url);
  });
  afterAll(() => relay.kill('SIGTERM'));

  it('stores with the pull token (201, then 200 with the same seq), lists the bytes for the upload token, and acks', async () => {
    const first = randomBundle(300);
    const second = randomBundle(40);
    const stored = await putMessage(relay.url, org.pullToken, first);
    expect(stored.status).toBe(201);
    const { seq } = putMessageResponseSchema.parse(await stored.json());
    const again = await putMessage(relay.url, org.pullToken, first);
    expect(again.status).toBe(200);
    expect(putMessageResponseSchema.parse(await again.json()).seq).toBe(seq);
    expect((await putMessage(relay.url, org.pullToken, second)).status).toBe(201);
    expect((await putMessage(relay.url, org.pullToken, randomBundle(10), { device: OTHER_DEVICE })).status).toBe(201);

    const listed = listMessagesResponseSchema.parse(await (await listMessages(relay.url, org.uploadToken)).json());
    expect(listed.hasMore).toBe(false);
    expect(listed.messages.map((m) => m.id)).toEqual([idOf(first), idOf(second)]);
    expect(listed.messages.map((m) => Buffer.from(m.data, 'base64url').equals(Buffer.from(idOf(first) === m.id ? first : second)))).toEqual([true, true]);

    const paged = listMessagesResponseSchema.parse(await (await listMessages(relay.url, org.uploadToken, DEVICE, '?limit=1')).json());
    expect(paged.messages.map((m) => m.id)).toEqual([idOf(first)]);
    expect(paged.hasMore).toBe(true);

    const acked = await ackMessages(relay.url, org.uploadToken, seq);
    expect(await acked.json()).toEqual({ deleted: 1 });
    const rest = listMessagesResponseSchema.parse(await (await listMessages(relay.url, org.uploadToken)).json());
    expect(rest.messages.map((m) => m.id)).toEqual([idOf(second)]);
    // The other device's mailbox was untouched by this one's ack.
    const other = listMessagesResponseSchema.parse(await (await listMessages(relay.url, org.pullToken, OTHER_DEVICE)).json());
    expect(other.messages).toHaveLength(1);
  });

  it('answers 401 without a token and 403 to tokens it did not issue, and to an upload token that tries to write', async () => {
    const bytes = randomBundle(20);
    const none = await listMessages(relay.url, null);
    expect([none.status, await errorCode(none)]).toEqual([401, 'unauthorized']);
    const invented = await listMessages(relay.url, 'x'.repeat(43));
    expect([invented.status, await errorCode(invented)]).toEqual([403, 'forbidden']);
    const admin = await listMessages(relay.url, ADMIN_TOKEN);
    expect(admin.status).toBe(403);
    const deviceWrites = await putMessage(relay.url, org.uploadToken, bytes);
    expect([deviceWrites.status, await errorCode(deviceWrites)]).toEqual([403, 'forbidden']);
    expect((await putMessage(relay.url, org.pullToken, bytes)).status).toBe(201); // positive control
  });

  it('refuses malformed addresses, ids, bodies and queries with their 4xx codes', async () => {
    const bytes = randomBundle(20);
    const cases: [Promise<Response>, number, string][] = [
      [putMessage(relay.url, org.pullToken, bytes, { device: 'short' }), 400, 'malformed_id'],
      [putMessage(relay.url, org.pullToken, bytes, { id: 'not-an-id' }), 400, 'malformed_id'],
      [putMessage(relay.url, org.pullToken, bytes, { id: idOf(randomBundle(5)) }), 400, 'id_mismatch'],
      [putMessage(relay.url, org.pullToken, new Uint8Array(0), { id: idOf(new Uint8Array(0)) }), 400, 'empty_body'],
      [putMessage(relay.url, org.pullToken, bytes, { contentType: 'text/plain' }), 415, 'unsupported_media_type'],
      [putMessage(relay.url, org.pullToken, randomBundle(70 * 1024)), 413, 'payload_too_large'],
      [listMessages(relay.url, org.uploadToken, DEVICE, '?limit=51'), 400, 'invalid_request'],
      [listMessages(relay.url, org.uploadToken, DEVICE, '?after=-1'), 400, 'invalid_request'],
      [ackMessages(relay.url, org.uploadToken, -1), 400, 'invalid_request'],
      [listMessages(relay.url, org.uploadToken, 'a/b'), 404, 'not_found'],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect([response.status, await errorCode(response)]).toEqual([status, code]);
    }
  });

  it('never answers a fuzzed device-mailbox request with a 5xx', async () => {
    const segment = fc.oneof(fc.constant(DEVICE), fc.constant(idOf(randomBundle(4))), fc.string({ maxLength: 50 }).map(encodeURIComponent));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'PUT', 'POST', 'DELETE'),
        fc.constantFrom('/v1/devices/$/messages/$', '/v1/devices/$/messages', '/v1/devices/$/ack', '/v1/devices/$'),
        segment,
        segment,
        fc.constantFrom(() => org.pullToken, () => org.uploadToken, () => 'nonsense'),
        fc.constantFrom('application/octet-stream', 'application/json', 'text/plain'),
        fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.json().map((j) => new TextEncoder().encode(j))),
        async (method, template, a, b, token, type, body) => {
          let n = 0;
          const path = template.replace(/\$/g, () => (n++ === 0 ? a : b));
          const response = await fetch(relay.url + path, {
            method,
            headers: { ...bearer(token()), 'content-type': type },
            ...(method === 'GET' ? {} : { body: new Uint8Array(body) }),
          });
          expect(response.status, `${method} ${path}`).toBeLessThan(500);
          if (response.status >= 400) {
            const parsed = relayErrorBodySchema.parse(await response.json());
            expect(RELAY_ERROR_STATUS[parsed.error.code]).toBe(response.status);
          } else {
            await response.arrayBuffer();
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(relay.stderr()).not.toContain('failed:');
  });
});

describe('device mailboxes over time and across versions', () => {
  it('expire like bundles: kept 30 days after their whole arrival hour, purged at start after that', async () => {
    const dataDir = `${makeTempDir('device-ttl')}/data`;
    const bytes = randomBundle(64);
    const first = await spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_TEST_NOW: '2025-01-01T10:59:30Z' } });
    let org: CreateMailboxResponse;
    try {
      org = await createMailbox(first.url);
      expect((await putMessage(first.url, org.pullToken, bytes)).status).toBe(201);
      const listed = listMessagesResponseSchema.parse(await (await listMessages(first.url, org.uploadToken)).json());
      expect(listed.messages.map((m) => m.receivedHour)).toEqual(['2025-01-01T10:00:00Z']);
    } finally {
      await first.kill('SIGTERM');
    }
    const listedAt = async (now: string): Promise<string[]> => {
      const relay = await spawnRelay({ dataDir, env: { DALA_TEST_NOW: now, DALA_TTL_DAYS: '30' } });
      try {
        return listMessagesResponseSchema.parse(await (await listMessages(relay.url, org.uploadToken)).json()).messages.map((m) => m.id);
      } finally {
        await relay.kill('SIGTERM');
      }
    };
    expect(await listedAt('2025-01-31T10:59:59Z')).toEqual([idOf(bytes)]);
    expect(await listedAt('2025-01-31T11:00:00Z')).toEqual([]);
  });

  it('migrates a v1 data folder: its mailboxes and bundles stay, device mailboxes work, the schema is the current one (4)', async () => {
    const dataDir = `${makeTempDir('device-migrate')}/data`;
    // A v1 relay's data folder, written first by a relay and then rolled back to exactly the v1 schema.
    const v1 = await spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
    let org: CreateMailboxResponse;
    const bundle = randomBundle(128);
    try {
      org = await createMailbox(v1.url);
      const put = await fetch(v1.url + relayPaths.bundle(org.mailboxId, idOf(bundle)), {
        method: 'PUT',
        headers: { ...bearer(org.uploadToken), 'content-type': 'application/octet-stream' },
        body: bundle,
      });
      expect(put.status).toBe(201);
    } finally {
      await v1.kill('SIGTERM');
    }
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.exec('DROP TABLE device_messages; PRAGMA user_version = 1;');
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'device_messages'").get()).toEqual({ n: 0 });
    db.close();

    const v2 = await spawnRelay({ dataDir });
    try {
      const bundles = (await (await listBundles(v2.url, org)).json()) as { bundles: { id: string }[] };
      expect(bundles.bundles.map((b) => b.id)).toEqual([idOf(bundle)]);
      expect((await putMessage(v2.url, org.pullToken, randomBundle(30))).status).toBe(201);
    } finally {
      await v2.kill('SIGTERM');
    }
    const after = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(4);
    after.close();
  });
});
