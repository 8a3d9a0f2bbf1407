// Rate limits are per token, never per address: every request here comes from 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateMailboxResponse } from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';
import { ADMIN_TOKEN, bearer, createMailbox, errorCode, listBundles } from './relayClient';
import { spawnRelay, type RelayProcess } from './relayProcess';

const MAX = 5;
let relay: RelayProcess;
let a: CreateMailboxResponse;
let b: CreateMailboxResponse;
let c: CreateMailboxResponse;

beforeAll(async () => {
  relay = await spawnRelay({
    env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_RATE_LIMIT_MAX: String(MAX), DALA_RATE_LIMIT_WINDOW_SECONDS: '600' },
  });
  [a, b, c] = [await createMailbox(relay.url), await createMailbox(relay.url), await createMailbox(relay.url)];
});
afterAll(() => relay.kill('SIGTERM'));

describe('rate limit', () => {
  it('answers 429 rate_limited with Retry-After once a token used up its window; other tokens are unaffected', async () => {
    for (let i = 0; i < MAX; i++) expect((await listBundles(relay.url, a)).status).toBe(200);
    const limited = await listBundles(relay.url, a);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(await errorCode(limited)).toBe('rate_limited');

    expect((await listBundles(relay.url, b)).status).toBe(200);
  });

  it('puts requests without a valid token in one shared bucket, so invented tokens buy nothing', async () => {
    const health = (headers: Record<string, string>): Promise<Response> =>
      fetch(relay.url + relayPaths.health(), { headers });
    const statuses: number[] = [];
    for (let i = 0; i < MAX; i++) statuses.push((await health(bearer(`invented-token-${i}`))).status);
    expect(statuses).toEqual(Array<number>(MAX).fill(200));
    const limited = await health({});
    expect(limited.status).toBe(429);
    expect(await errorCode(limited)).toBe('rate_limited');

    expect((await health(bearer(c.pullToken))).status).toBe(200);
  });
});
