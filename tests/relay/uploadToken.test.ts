// Upload-token rotation against the real relay process: the pull token gets a new upload token, the
// old one is refused for bundles from then on, yet may still read device mailboxes so an enrolled device
// can fetch the signed update that carries the new token.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateUploadTokenResponseSchema } from '../../src/protocol/relayApi';
import type { CreateMailboxResponse } from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';
import { DATABASE_FILE } from '../../src/relay/RelayStore';
import { ADMIN_TOKEN, bearer, createMailbox, errorCode, putBundle, randomBundle } from './relayClient';
import { makeTempDir, spawnRelay } from './relayProcess';
import type { RelayProcess } from './relayProcess';

const DEVICE = 'dEvIcEmAiLbOx0123456_A';

function rotate(url: string, mailboxId: string, token: string | null): Promise<Response> {
  return fetch(url + relayPaths.uploadToken(mailboxId), { method: 'POST', headers: token === null ? {} : bearer(token) });
}

async function rotated(url: string, mailbox: CreateMailboxResponse): Promise<string> {
  const response = await rotate(url, mailbox.mailboxId, mailbox.pullToken);
  expect(response.status).toBe(200);
  return rotateUploadTokenResponseSchema.parse(await response.json()).uploadToken;
}

function readDeviceMailbox(url: string, token: string): Promise<Response> {
  return fetch(url + relayPaths.deviceMessages(DEVICE), { headers: bearer(token) });
}

describe('upload-token rotation', () => {
  const dataDir = `${makeTempDir('upload-token')}/data`;
  let relay: RelayProcess;
  let org: CreateMailboxResponse;
  beforeAll(async () => {
    relay = await spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_RATE_LIMIT_MAX: '1000000' } });
    org = await createMailbox(relay.url);
  });
  afterAll(() => relay.kill('SIGTERM'));

  it('gives a new upload token that uploads, while the old one gets 403 (positive control first)', async () => {
    expect((await putBundle(relay.url, org, randomBundle(100))).status).toBe(201);
    const fresh = await rotated(relay.url, org);
    expect(fresh).not.toBe(org.uploadToken);
    const refused = await putBundle(relay.url, org, randomBundle(100));
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('forbidden');
    expect((await putBundle(relay.url, org, randomBundle(100), { token: fresh })).status).toBe(201);
    const hashes = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const stored = JSON.stringify(hashes.prepare('SELECT * FROM mailboxes').all()) + JSON.stringify(hashes.prepare('SELECT * FROM retired_upload_tokens').all());
    hashes.close();
    expect(stored).not.toContain(fresh);
  });

  it('lets the retired token read device mailboxes, but only the last one retired', async () => {
    const mailbox = await createMailbox(relay.url);
    const first = await rotated(relay.url, mailbox);
    expect((await readDeviceMailbox(relay.url, mailbox.uploadToken)).status).toBe(200);
    expect((await readDeviceMailbox(relay.url, first)).status).toBe(200);
    const second = await rotated(relay.url, { ...mailbox, uploadToken: first });
    expect((await readDeviceMailbox(relay.url, second)).status).toBe(200);
    expect((await readDeviceMailbox(relay.url, first)).status).toBe(200);
    expect((await readDeviceMailbox(relay.url, mailbox.uploadToken)).status).toBe(403);
  });

  it('refuses without the pull token: none (401), the upload token or another mailbox pull token (403)', async () => {
    const other = await createMailbox(relay.url);
    const mailbox = await createMailbox(relay.url);
    expect((await rotate(relay.url, mailbox.mailboxId, null)).status).toBe(401);
    expect((await rotate(relay.url, mailbox.mailboxId, mailbox.uploadToken)).status).toBe(403);
    expect((await rotate(relay.url, mailbox.mailboxId, other.pullToken)).status).toBe(403);
    expect((await putBundle(relay.url, mailbox, randomBundle(50))).status).toBe(201);
    expect((await rotate(relay.url, 'nOsUcHmAiLbOx0123456_A', mailbox.pullToken)).status).toBe(404);
  });
});
