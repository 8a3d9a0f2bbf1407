// Mailbox creation against the real relay process, under each registration setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailboxResponseSchema } from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';
import { ADMIN_TOKEN, bearer, errorCode } from './relayClient';
import { spawnRelay, type RelayProcess } from './relayProcess';

const post = (relay: RelayProcess, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(relay.url + relayPaths.mailboxes(), { method: 'POST', headers });

describe('POST /v1/mailboxes with DALA_ADMIN_TOKEN set', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
  });
  afterAll(() => relay.kill('SIGTERM'));

  it('creates a mailbox with fresh, distinct, well-formed tokens', async () => {
    const responses = await Promise.all([post(relay, bearer(ADMIN_TOKEN)), post(relay, bearer(ADMIN_TOKEN))]);
    expect(responses.map((r) => r.status)).toEqual([201, 201]);
    const [a, b] = await Promise.all(responses.map(async (r) => createMailboxResponseSchema.parse(await r.json())));
    const all = [a?.mailboxId, a?.uploadToken, a?.pullToken, b?.mailboxId, b?.uploadToken, b?.pullToken];
    expect(new Set(all).size).toBe(6);
  });

  it('answers 401 without a bearer token, or with a malformed one', async () => {
    for (const headers of [{}, { authorization: ADMIN_TOKEN }, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: 'Bearer a b' }]) {
      const response = await post(relay, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(await errorCode(response)).toBe('unauthorized');
    }
  });

  it('answers 403 to a wrong admin token', async () => {
    const response = await post(relay, bearer(`${ADMIN_TOKEN}x`));
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('forbidden');
  });

  it('does not accept a mailbox token as the admin token', async () => {
    const created = createMailboxResponseSchema.parse(await (await post(relay, bearer(ADMIN_TOKEN))).json());
    expect((await post(relay, bearer(created.uploadToken))).status).toBe(403);
  });
});

describe('POST /v1/mailboxes without DALA_ADMIN_TOKEN', () => {
  it('is refused with registration_closed unless registration is open', async () => {
    const closed = await spawnRelay();
    try {
      const response = await post(closed, bearer(ADMIN_TOKEN));
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe('registration_closed');
    } finally {
      await closed.kill('SIGTERM');
    }
  });

  it('is open to anyone with DALA_OPEN_REGISTRATION=1', async () => {
    const open = await spawnRelay({ env: { DALA_OPEN_REGISTRATION: '1' } });
    try {
      const response = await post(open);
      expect(response.status).toBe(201);
      expect(createMailboxResponseSchema.safeParse(await response.json()).success).toBe(true);
    } finally {
      await open.kill('SIGTERM');
    }
  });
});
