// The `dala` command as an operator meets it: help, refusals of bad settings, the one startup
// line, and a graceful stop that lets requests in flight finish.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listBundlesResponseSchema } from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';
import { ADMIN_TOKEN, createMailbox, idOf, listBundles, randomBundle } from './relayClient';
import { cleanEnv, spawnRelay } from './relayProcess';

const DALA_BIN = fileURLToPath(new URL('../../bin/dala.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DALA_BIN, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('dala CLI', () => {
  it('prints help for the program and for `relay`, and refuses bad options and settings with a clear message', async () => {
    const [help, relayHelp, unknownOption, badTtl, badPort] = await Promise.all([
      run(['--help']),
      run(['relay', '--help']),
      run(['relay', '--no-such-option']),
      run(['relay', '--port', '0', '--data', '/tmp/never-used'], { DALA_TTL_DAYS: 'forever' }),
      run(['relay', '--port', 'eighty']),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/relay/);
    expect(relayHelp.code).toBe(0);
    for (const text of ['--port', '--host', '--data', '--static', 'DALA_ADMIN_TOKEN', 'DALA_TTL_DAYS']) {
      expect(relayHelp.stdout).toContain(text);
    }
    expect(unknownOption.code).not.toBe(0);
    expect(unknownOption.stderr).toContain("unknown option '--no-such-option'");
    expect(badTtl.code).not.toBe(0);
    expect(badTtl.stderr).toContain('DALA_TTL_DAYS');
    expect(badPort.code).not.toBe(0);
    expect(badPort.stderr).toContain('--port');
  });

  it('refuses to start on a port that is taken', async () => {
    const first = await spawnRelay();
    try {
      const second = await run(['relay', '--host', '127.0.0.1', '--port', new URL(first.url).port, '--data', `${first.dataDir}-2`]);
      expect(second.code).not.toBe(0);
      expect(second.stderr).toMatch(/Cannot listen/);
    } finally {
      await first.kill('SIGTERM');
    }
  });

  it('prints exactly one line, then on SIGTERM finishes the upload in flight and exits 0', async () => {
    const relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
    const mailbox = await createMailbox(relay.url);
    const bytes = randomBundle(256 * 1024);
    const { hostname, port } = new URL(relay.url);
    const upload = request({
      host: hostname,
      port,
      method: 'PUT',
      path: relayPaths.bundle(mailbox.mailboxId, idOf(bytes)),
      headers: { authorization: `Bearer ${mailbox.uploadToken}`, 'content-type': 'application/octet-stream', 'content-length': bytes.length },
    });
    const status = new Promise<number | undefined>((resolve, reject) => {
      upload.on('response', (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      upload.on('error', reject);
    });
    await new Promise<void>((resolve) => upload.write(bytes.subarray(0, bytes.length / 2), () => resolve()));

    const exited = relay.kill('SIGTERM');
    upload.end(bytes.subarray(bytes.length / 2));
    expect(await status).toBe(201);
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(relay.stdout()).toMatch(/^Dala listening on http:\/\/127\.0\.0\.1:\d+\n$/);

    const restarted = await spawnRelay({ dataDir: relay.dataDir });
    try {
      const listed = listBundlesResponseSchema.parse(await (await listBundles(restarted.url, mailbox)).json());
      expect(listed.bundles.map((b) => b.id)).toEqual([idOf(bytes)]);
    } finally {
      expect(await restarted.kill('SIGINT')).toEqual({ code: 0, signal: null });
    }
  });
});
