// Runs `bin/dala.js` as a child process, as a coordinator would, and answers its exit code and output.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { cleanEnv } from '../../../relay/relayProcess';

const run = promisify(execFile);
const ENTRY = fileURLToPath(new URL('../../../../bin/dala.js', import.meta.url));
/** Each CLI run derives the real 64 MiB Argon2id key, so give the steps room. */
export const STEP_TIMEOUT_MS = 90_000;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node bin/dala.js ...args` with only `env` (and a clean base environment); a non-zero exit is a result, not a throw. */
export async function runDalaCli(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ENTRY, ...args], { env: cleanEnv(env), timeout: STEP_TIMEOUT_MS });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** An expected failure: non-zero exit and one line for a person, not a stack trace. */
export function expectCleanFailure(result: CliResult, message: RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}
