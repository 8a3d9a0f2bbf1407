import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRelayConfig, type RelayConfig } from '../../src/relay/readRelayConfig';

function config(flags: Record<string, string> = {}, env: Record<string, string> = {}): RelayConfig {
  const read = readRelayConfig(flags, env);
  if (!read.ok) throw new Error(read.message);
  return read.config;
}

function failure(flags: Record<string, string>, env: Record<string, string>): { setting: string; message: string } {
  const read = readRelayConfig(flags, env);
  if (read.ok) throw new Error('expected the configuration to be refused');
  return read;
}

describe('readRelayConfig', () => {
  it('has safe defaults: loopback, closed registration, 8 MiB bundles, 30 days, no request log', () => {
    const c = config();
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      dataDir: resolve('./data'),
      adminToken: null,
      openRegistration: false,
      maxBundleBytes: 8 * 1024 * 1024,
      ttlMs: 30 * 86_400_000,
      connectSrc: [],
      logRequests: false,
      frozenNowMs: null,
    });
    expect(c.staticDir).toBe(resolve('dist'));
  });

  it('reads flags and environment', () => {
    const c = config(
      { port: '0', host: '::1', data: '/tmp/x', static: '/tmp/app' },
      {
        DALA_ADMIN_TOKEN: 'abcdefghijklmnopqrstuvwxyz012345',
        DALA_OPEN_REGISTRATION: '1',
        DALA_MAX_BUNDLE_BYTES: '1024',
        DALA_MAX_STORE_BYTES: '65536',
        DALA_TTL_DAYS: '0.5',
        DALA_CONNECT_SRC: 'https://relay.example.org, http://localhost:9000/',
        DALA_TEST_NOW: '2025-01-01T10:30:00Z',
      },
    );
    expect(c).toMatchObject({
      port: 0,
      host: '::1',
      dataDir: '/tmp/x',
      staticDir: '/tmp/app',
      openRegistration: true,
      maxBundleBytes: 1024,
      maxStoreBytes: 65_536,
      ttlMs: 43_200_000,
      connectSrc: ['https://relay.example.org', 'http://localhost:9000'],
      frozenNowMs: Date.parse('2025-01-01T10:30:00Z'),
    });
  });

  it.each([
    [{ port: '65536' }, {}, '--port'],
    [{ port: '80x' }, {}, '--port'],
    [{}, { DALA_ADMIN_TOKEN: 'short' }, 'DALA_ADMIN_TOKEN'],
    [{}, { DALA_ADMIN_TOKEN: 'has spaces so it could never be a bearer token' }, 'DALA_ADMIN_TOKEN'],
    [{}, { DALA_OPEN_REGISTRATION: 'yes please' }, 'DALA_OPEN_REGISTRATION'],
    [{}, { DALA_MAX_BUNDLE_BYTES: '0' }, 'DALA_MAX_BUNDLE_BYTES'],
    [{}, { DALA_MAX_STORE_BYTES: '-5' }, 'DALA_MAX_STORE_BYTES'],
    [{}, { DALA_TTL_DAYS: '0' }, 'DALA_TTL_DAYS'],
    [{}, { DALA_TTL_DAYS: 'forever' }, 'DALA_TTL_DAYS'],
    [{}, { DALA_CONNECT_SRC: "https://a.example; script-src 'unsafe-inline'" }, 'DALA_CONNECT_SRC'],
    [{}, { DALA_CONNECT_SRC: 'https://a.example/path' }, 'DALA_CONNECT_SRC'],
    [{}, { DALA_CONNECT_SRC: 'javascript:alert(1)' }, 'DALA_CONNECT_SRC'],
    [{}, { DALA_TEST_NOW: 'yesterday' }, 'DALA_TEST_NOW'],
  ])('refuses %j %j, naming %s', (flags, env, setting) => {
    const refused = failure(flags, env);
    expect(refused.setting).toBe(setting);
    expect(refused.message).toContain(setting);
  });
});
