// P2: the relay keeps no client address, no user agent and no token in the clear, on disk or in
// its log. Bundle bytes are stored as given (they are ciphertext in real use), which gives the
// scanner its positive control: a marker inside a body must be found.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateMailboxResponse } from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';
import { DATABASE_FILE } from '../../src/relay/RelayStore';
import { ADMIN_TOKEN, ack, bearer, idOf, listBundles } from './relayClient';
import { spawnRelay, type RelayProcess } from './relayProcess';

const USER_AGENT = 'DalaPrivacyProbe/9.9 (ua-marker-4f1c2e)';
const FORWARDED_FOR = '203.0.113.77';
const BODY_MARKER = 'body-marker-7d3a9b21';
const WRONG_TOKEN = 'wrong-token-marker-6e2f0a0c55aa';

let relay: RelayProcess;
let mailbox: CreateMailboxResponse;
const bundleIds: string[] = [];

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

/** Names of the files in the data folder whose raw bytes contain the needle. */
function filesContaining(needle: string | Uint8Array): string[] {
  const bytes = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : Buffer.from(needle);
  return allFiles(relay.dataDir).filter((file) => readFileSync(file).includes(bytes));
}

/** Every value of every row of every table, as text (blobs as latin1 so byte markers survive). */
function tableDump(): string {
  const db = new Database(join(relay.dataDir, DATABASE_FILE), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables
      .flatMap(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
      .flatMap((row) => Object.values(row))
      .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)))
      .join('\n');
  } finally {
    db.close();
  }
}

/** The relay's output apart from the one startup line (which names the listening address). */
function logsAfterStartup(): string {
  return relay.stdout().replace(/^Dala listening on .*$/m, '') + relay.stderr();
}

function secrets(): Record<string, string> {
  return {
    'admin token': ADMIN_TOKEN,
    'upload token': mailbox.uploadToken,
    'pull token': mailbox.pullToken,
    'wrong token': WRONG_TOKEN,
    'user agent': USER_AGENT,
    'forwarded address': FORWARDED_FOR,
    'client address': '127.0.0.1',
  };
}

beforeAll(async () => {
  relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_LOG_REQUESTS: '1' } });
  const headers = { 'user-agent': USER_AGENT, 'x-forwarded-for': FORWARDED_FOR, 'x-real-ip': FORWARDED_FOR };
  const created = await fetch(relay.url + relayPaths.mailboxes(), { method: 'POST', headers: { ...headers, ...bearer(ADMIN_TOKEN) } });
  mailbox = (await created.json()) as CreateMailboxResponse;
  for (let i = 0; i < 5; i++) {
    const body = Buffer.from(`${BODY_MARKER} #${i} ${'.'.repeat(200)}`);
    const put = await fetch(relay.url + relayPaths.bundle(mailbox.mailboxId, idOf(body)), {
      method: 'PUT',
      headers: { ...headers, ...bearer(mailbox.uploadToken), 'content-type': 'application/octet-stream' },
      body,
    });
    expect(put.status).toBe(201);
    bundleIds.push(idOf(body));
  }
  await fetch(relay.url + relayPaths.bundles(mailbox.mailboxId), { headers: { ...headers, ...bearer(WRONG_TOKEN) } });
  await fetch(`${relay.url}/v1/no-such-route/${encodeURIComponent(USER_AGENT)}`, { headers });
  expect((await listBundles(relay.url, mailbox)).status).toBe(200);
  expect((await ack(relay.url, mailbox, 1)).status).toBe(200);
});

afterAll(() => relay.kill('SIGTERM'));

describe('what the relay keeps', () => {
  it('positive controls: the scanners see stored bytes, planted files and request log lines', () => {
    expect(filesContaining(BODY_MARKER).length).toBeGreaterThan(0);
    expect(tableDump()).toContain(BODY_MARKER);
    expect(logsAfterStartup()).toContain('PUT /v1/mailboxes/:mailboxId/bundles/:bundleId 201');

    const planted = join(relay.dataDir, 'planted-control.txt');
    writeFileSync(planted, `left here on purpose: ${USER_AGENT} ${mailbox.uploadToken}`);
    try {
      expect(filesContaining(USER_AGENT)).toEqual([planted]);
      expect(filesContaining(mailbox.uploadToken)).toEqual([planted]);
    } finally {
      writeFileSync(planted, '');
    }
  });

  it('holds no address, user agent or raw token in any file of the data folder (database, -wal, -shm)', () => {
    expect(allFiles(relay.dataDir).some((file) => file.endsWith('-wal'))).toBe(true);
    for (const [what, value] of Object.entries(secrets())) {
      expect(filesContaining(value), what).toEqual([]);
    }
    for (const token of [mailbox.uploadToken, mailbox.pullToken]) {
      expect(filesContaining(Buffer.from(token, 'base64url')), 'token bytes').toEqual([]);
    }
  });

  it('holds none of them in any table row either', () => {
    const dump = tableDump();
    for (const [what, value] of Object.entries(secrets())) expect(dump, what).not.toContain(value);
  });

  it('logs none of them, nor mailbox or bundle ids', () => {
    const logs = logsAfterStartup();
    for (const [what, value] of Object.entries(secrets())) expect(logs, what).not.toContain(value);
    expect(logs).not.toContain(mailbox.mailboxId);
    for (const id of bundleIds) expect(logs).not.toContain(id);
    expect(logs).not.toContain(BODY_MARKER);
  });
});
