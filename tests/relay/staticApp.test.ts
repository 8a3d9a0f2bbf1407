// The built app served from the relay's port: caching per file, SPA fallback, security headers
// on every response, CORS on the API only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from './relayClient';
import { makeTempDir, spawnRelay, type RelayProcess } from './relayProcess';

const INDEX = '<!doctype html><title>Dala test shell</title>';
const BIG_JS = 'export const words = [' + Array.from({ length: 2000 }, (_, i) => `"word${i}"`).join(',') + '];';
const root = makeTempDir('static');
const appDir = join(root, 'dist');
let relay: RelayProcess;

beforeAll(async () => {
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), INDEX);
  writeFileSync(join(appDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(appDir, 'registerSW.js'), '/* register */');
  writeFileSync(join(appDir, 'manifest.webmanifest'), '{"name":"Dala"}');
  writeFileSync(join(appDir, 'assets', 'index-3f2a1b9c.js'), 'console.log(1);');
  writeFileSync(join(appDir, 'assets', 'big-0a1b2c3d.js'), BIG_JS);
  writeFileSync(join(appDir, 'assets', 'big-0a1b2c3d.js.br'), brotliCompressSync(BIG_JS));
  writeFileSync(join(appDir, 'assets', 'big-0a1b2c3d.js.gz'), gzipSync(BIG_JS));
  writeFileSync(join(appDir, '.env'), 'SECRET=dotfile-must-not-be-served');
  writeFileSync(join(root, 'outside.txt'), 'outside-the-app-folder');
  relay = await spawnRelay({
    args: ['--static', appDir],
    env: { DALA_CONNECT_SRC: 'https://mirror.example.org' },
  });
});
afterAll(() => relay.kill('SIGTERM'));

const get = (path: string, init: RequestInit = {}): Promise<Response> => fetch(relay.url + path, init);

describe('serving the app', () => {
  it.each(['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest'])(
    '%s is served with Cache-Control: no-cache',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('serves hashed assets as immutable for a year', async () => {
    const response = await get('/assets/index-3f2a1b9c.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('sends the build\'s precompressed twin when the client accepts it, with the original\'s caching', async () => {
    const raw = await fetch(relay.url + '/assets/big-0a1b2c3d.js', { headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(await raw.text()).toBe(BIG_JS);
    // Node's fetch decodes br itself; read the bytes through a raw request instead.
    const { request } = await import('node:http');
    const brotli = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(relay.url + '/assets/big-0a1b2c3d.js', { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(brotli.headers['vary'])).toMatch(/accept-encoding/i);
    expect(brotli.body.length).toBeLessThan(BIG_JS.length / 3);
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(BIG_JS);
  });

  it('falls back to index.html for unknown app paths, but not for /v1, /assets or other methods', async () => {
    const page = await get('/reports/42?tab=people');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toBe(INDEX);

    for (const [path, init] of [['/v1/unknown', {}], ['/assets/missing-0000.js', {}], ['/reports/42', { method: 'POST' }]] as const) {
      const response = await get(path, init);
      expect(response.status, path).toBe(404);
      expect(await errorCode(response)).toBe('not_found');
    }
  });

  it('never serves dotfiles or files outside the app folder', async () => {
    for (const path of ['/.env', '/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt']) {
      const text = await (await get(path)).text();
      expect(text, path).not.toContain('dotfile-must-not-be-served');
      expect(text, path).not.toContain('outside-the-app-folder');
    }
  });
});

describe('headers', () => {
  it('sends the security headers on app pages, API answers and errors alike', async () => {
    for (const path of ['/', '/assets/index-3f2a1b9c.js', '/v1/health', '/v1/unknown', '/v1/mailboxes/%E0%A4%A/bundles']) {
      const response = await get(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp, path).toContain("connect-src 'self' https://mirror.example.org");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('permissions-policy'), path).toContain('camera=(self)');
    }
  });

  it('answers CORS preflights for the API and allows any origin there, with no cookies involved', async () => {
    const preflight = await get('/v1/mailboxes/abc/bundles/def', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await get('/v1/health')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('/')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
