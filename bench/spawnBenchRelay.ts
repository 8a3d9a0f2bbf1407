// Runs the relay as deployed (`node bin/dala.js relay`, its own process) on 127.0.0.1 with a fresh data
// folder under the OS temp dir, for the benchmarks: an admin token to create mailboxes and a rate limit
// high enough that a thousand uploads from one token are never throttled.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createMailboxResponseSchema } from '../src/protocol/relayApi';
import type { CreateMailboxResponse } from '../src/protocol/relayApi';
import { relayPaths } from '../src/protocol/relayPaths';
import { makeTempDir } from '../tests/e2e/support/makeTempDir';
import { repoRoot } from '../tests/e2e/support/repoRoot';

export interface BenchRelay {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly dataDir: string;
  /** The relay's admin token, for code that creates mailboxes itself (the browser coordinator bench). */
  readonly adminToken: string;
  /** A fresh mailbox (POST /v1/mailboxes with the admin token). */
  createMailbox(): Promise<CreateMailboxResponse>;
  /** SIGTERM (SIGKILL after 5 s), then deletes the data folder. */
  stop(): Promise<void>;
}

export interface SpawnBenchRelayOptions {
  /** A built page folder (with index.html) for the relay to serve on its own origin; none by default. */
  readonly staticDir?: string;
}

const LISTENING = /^Dala listening on (http:\/\/\S+)$/m;
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

export async function spawnBenchRelay(options: SpawnBenchRelayOptions = {}): Promise<BenchRelay> {
  const folder = await makeTempDir('dala-bench-relay');
  const dataDir = join(folder.path, 'data');
  const adminToken = randomBytes(24).toString('hex');
  const env: Record<string, string> = {};
  // The relay reads DALA_* and PORT settings: none of this shell's may leak into the measurement.
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('DALA_') && key !== 'PORT') env[key] = value;
  Object.assign(env, {
    DALA_ADMIN_TOKEN: adminToken,
    DALA_RATE_LIMIT_MAX: '1000000',
    // An empty folder: without index.html the relay serves the API only.
    DALA_STATIC: options.staticDir ?? folder.path,
  });
  const child = spawn(process.execPath, [join(repoRoot, 'bin/dala.js'), 'relay', '--host', '127.0.0.1', '--port', '0', '--data', dataDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    await folder.remove();
  };

  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`spawnBenchRelay: no "Dala listening on" within ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        const match = LISTENING.exec(output);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`spawnBenchRelay: the relay exited (code ${String(code)}, signal ${String(signal)}):\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    dataDir,
    adminToken,
    async createMailbox() {
      const response = await fetch(`${url}${relayPaths.mailboxes()}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
      if (response.status !== 201) throw new Error(`spawnBenchRelay: creating a mailbox answered ${response.status}: ${await response.text()}`);
      return createMailboxResponseSchema.parse(await response.json());
    },
    stop,
  };
}
