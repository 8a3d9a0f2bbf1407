// Test helper: runs `node bin/dala.js relay` as a real child process on 127.0.0.1, on a port the OS
// picks, with its own temporary data folder, and captures everything it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const DALA_BIN = fileURLToPath(new URL('../../bin/dala.js', import.meta.url));
const LISTENING = /^Dala listening on (http:\/\/\S+)$/m;
const START_TIMEOUT_MS = 20_000;

export interface RelayProcess {
  readonly url: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Sends the signal and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnRelayOptions {
  /** Reuse a data folder (restart after a crash); a fresh temporary one otherwise. */
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
}

// Every folder a test makes lives under one root per test file, removed after the file's tests
// (this hook is registered first, so it runs after the file's own afterAll hooks stop the relays).
const testRoot = mkdtempSync(join(tmpdir(), 'dala-relay-tests-'));
afterAll(() => rmSync(testRoot, { recursive: true, force: true }));

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(testRoot, `${prefix}-`));
}

/** The environment of this test process without settings that would leak into the relay under test. */
export function cleanEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('DALA_') || ['PORT', 'HOST', 'DALA_HOST', 'NODE_OPTIONS'].includes(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export async function spawnRelay(options: SpawnRelayOptions = {}): Promise<RelayProcess> {
  const dataDir = options.dataDir ?? join(makeTempDir('relay'), 'data');
  const child = spawn(
    process.execPath,
    [DALA_BIN, 'relay', '--host', '127.0.0.1', '--port', '0', '--data', dataDir, ...(options.args ?? [])],
    { env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relay did not start within ${START_TIMEOUT_MS} ms; stderr: ${stderr}`));
    }, START_TIMEOUT_MS);
    const onData = (): void => {
      const match = LISTENING.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`relay exited before listening (code ${code}, signal ${signal}); stderr: ${stderr}`));
    });
  });

  return {
    url,
    dataDir,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
