import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from './freePort';
import { makeTempDir } from './makeTempDir';
import { repoRoot } from './repoRoot';

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly dataDir: string;
  readonly adminToken: string;
  /** Everything the process printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL) and deletes its data dir. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

/**
 * Starts the real server (`node bin/dala.js relay`, which serves dist/ and the relay API) on a free
 * port of 127.0.0.1 with a fresh data dir, and resolves once it prints its "listening" line.
 * The app must have been built (`npm run build`) before.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = await makeTempDir('dala-e2e-data');
  const port = await freePort();
  const host = '127.0.0.1';
  const adminToken = randomBytes(24).toString('hex');
  const child = spawn(process.execPath, [join(repoRoot, 'bin/dala.js'), 'relay'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DALA_HOST: host, DALA_DATA: dataDir.path, DALA_ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const readyLine = `Dala listening on http://${host}:${port}`;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print "${readyLine}" within ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.split('\n').some((line) => line.trim() === readyLine)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited before it was ready (code ${String(code)}, signal ${String(signal)}):\n${output}`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    await dataDir.remove();
  };

  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://${host}:${port}`, dataDir: dataDir.path, adminToken, output: () => output, stop };
}
