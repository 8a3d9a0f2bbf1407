import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './repoRoot';

const run = promisify(execFile);

/** The passphrase of coordinator vaults made by the e2e tests. */
export const coordinatorPassphrase = 'quiet river under the old bridge';

/** Runs `dala …` (bin/dala.js) as a coordinator would, with the vault passphrase in the environment; resolves to stdout. */
export async function dalaCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, [join(repoRoot, 'bin/dala.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DALA_PASSPHRASE: coordinatorPassphrase, ...env },
  });
  return stdout;
}

/**
 * `dala coordinator init` in `dir`, then `create-org` "Steppe Watch" on the relay at `relayUrl`;
 * returns the invite link it printed.
 */
export async function createCliOrganisation(dir: string, relayUrl: string, adminToken: string): Promise<string> {
  await dalaCli(['coordinator', 'init', '--dir', dir]);
  const created = await dalaCli(['coordinator', 'create-org', '--dir', dir, '--relay', relayUrl, '--name', 'Steppe Watch'], { DALA_ADMIN_TOKEN: adminToken });
  const link = created.match(/https?:\/\/\S+#join=\S+/)?.[0];
  if (link === undefined) throw new Error(`create-org printed no invite link:\n${created}`);
  return link;
}
