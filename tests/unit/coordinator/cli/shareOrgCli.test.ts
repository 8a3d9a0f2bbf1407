// The whole "share organisation" path on the command line against the real relay: A creates the
// organisation, lists B (add-key), writes B a file; B previews it, adds it, and pulls a bundle that A had
// already pulled and acknowledged. Runs the CLI as a child process, as coordinators would.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../../../src/crypto/bytes';
import { parseInvite } from '../../../../src/protocol/invite';
import type { Invite } from '../../../../src/protocol/invite';
import { relayPaths } from '../../../../src/protocol/relayPaths';
import { sealChain, signingKeys } from '../../bundle/bundleTestKit';
import { makeTempDir, spawnRelay } from '../../../relay/relayProcess';
import type { RelayProcess } from '../../../relay/relayProcess';
import { expectCleanFailure, runDalaCli, STEP_TIMEOUT_MS } from './runDalaCli';
import type { CliResult } from './runDalaCli';

const ADMIN_TOKEN = 'share-test-admin-token-0123456789abcdef';
const PASSPHRASE = 'quiet steppe lantern river morning';

const cli = (args: readonly string[]): Promise<CliResult> => runDalaCli(args, { DALA_PASSPHRASE: PASSPHRASE, DALA_ADMIN_TOKEN: ADMIN_TOKEN });

let relay: RelayProcess;
let work: string;
let dirA: string;
let dirB: string;
let invite: Invite;
let keysB: { name: string; box: string; sign: string };
let signFingerprintA: string;

beforeAll(async () => {
  relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
  work = makeTempDir('share-org-cli');
  dirA = join(work, 'a');
  dirB = join(work, 'b');
});

afterAll(async () => {
  await relay?.kill('SIGTERM');
});

describe('dala coordinator share-org / open-org', { timeout: 6 * STEP_TIMEOUT_MS }, () => {
  it('sets up two coordinators and an organisation run by the first', async () => {
    const [a, b] = await Promise.all([cli(['coordinator', 'init', '--dir', dirA, '--name', 'Aigerim']), cli(['coordinator', 'init', '--dir', dirB, '--name', 'Bolat'])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    signFingerprintA = /Signing key fingerprint: +([A-Z2-7 ]+)/.exec(a.stdout)?.[1]?.trim() ?? '';
    expect(signFingerprintA).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);
    const created = await cli(['coordinator', 'create-org', '--dir', dirA, '--name', 'Steppe Watch', '--relay', relay.url]);
    expect(created.code, created.stderr).toBe(0);
    const parsed = parseInvite(created.stdout.split('\n').find((line) => line.includes('#join=')) ?? '');
    if (!parsed.ok) throw new Error(parsed.reason);
    invite = parsed.value;
    const shown = await cli(['coordinator', 'show', '--dir', dirB]);
    const match = /--name "([^"]+)" --box-key (\S+) --sign-key (\S+)/.exec(shown.stdout);
    if (match === null) throw new Error(`show printed no keys: ${shown.stdout}`);
    keysB = { name: match[1] ?? '', box: match[2] ?? '', sign: match[3] ?? '' };
  });

  it('share-org has help, and refuses a coordinator who is not listed yet, an existing file, and a bad key', async () => {
    const help = await cli(['coordinator', 'share-org', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--box-key');
    expect((await cli(['coordinator', 'open-org', '--help'])).stdout).toContain('--yes');
    const out = join(work, 'for-bolat.dala-org.json');
    expectCleanFailure(await cli(['coordinator', 'share-org', '--dir', dirA, '--box-key', keysB.box, '--out', out]), /add-key/);
    expectCleanFailure(await cli(['coordinator', 'share-org', '--dir', dirA, '--box-key', 'nonsense', '--out', out]), /--box-key/);
    writeFileSync(join(work, 'taken'), 'keep me');
    const added = await cli(['coordinator', 'add-key', '--dir', dirA, '--name', keysB.name, '--box-key', keysB.box, '--sign-key', keysB.sign]);
    expect(added.code, added.stderr).toBe(0);
    expectCleanFailure(await cli(['coordinator', 'share-org', '--dir', dirA, '--box-key', keysB.box, '--out', join(work, 'taken')]), /exists/);
    expect(readFileSync(join(work, 'taken'), 'utf8')).toBe('keep me');
    const shared = await cli(['coordinator', 'share-org', '--dir', dirA, '--box-key', keysB.box, '--out', out]);
    expect(shared.code, shared.stderr).toBe(0);
    expect(shared.stdout).toContain('for Bolat');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).not.toContain(invite.uploadToken);
  });

  it('open-org previews without adding, refuses bad files, adds with --yes once, and B pulls what A already acknowledged', async () => {
    const file = join(work, 'for-bolat.dala-org.json');
    const preview = await cli(['coordinator', 'open-org', '--dir', dirB, file]);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('Organisation "Steppe Watch"');
    expect(preview.stdout).toContain(`Given by Aigerim, signing key fingerprint: ${signFingerprintA}`);
    expect(preview.stdout).toContain('--yes');
    expect((await cli(['coordinator', 'show', '--dir', dirB])).stdout).not.toContain('Steppe Watch');

    writeFileSync(join(work, 'garbage.json'), '{"hello":1}');
    expectCleanFailure(await cli(['coordinator', 'open-org', '--dir', dirB, join(work, 'garbage.json')]), /not a Dala organisation file/);
    expectCleanFailure(await cli(['coordinator', 'open-org', '--dir', dirB, join(work, 'missing.json')]), /ENOENT|no such file/);
    // A cannot open the file it wrote for B.
    expectCleanFailure(await cli(['coordinator', 'open-org', '--dir', dirA, '--yes', file]), /written for another coordinator/);

    const opened = await cli(['coordinator', 'open-org', '--dir', dirB, '--yes', file]);
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stdout).toContain(`${relay.url}: registered as a reader`);
    expectCleanFailure(await cli(['coordinator', 'open-org', '--dir', dirB, '--yes', file]), /already has/);

    // A monitor's bundle, sealed to both; A pulls and acknowledges first, and the relay still keeps it for B.
    const recipients = [fromBase64Url(invite.coordinators[0]?.boxPublicKey ?? ''), fromBase64Url(keysB.box)].map((key) => key ?? new Uint8Array());
    const [bundle] = sealChain({ device: signingKeys('field-phone'), sizes: [1], recipients, mailboxId: invite.mailboxId }).bundles;
    if (bundle === undefined) throw new Error('set-up');
    const put = await fetch(`${relay.url}${relayPaths.bundle(invite.mailboxId, bundle.id)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${invite.uploadToken}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bundle.bytes),
    });
    expect(put.status).toBe(201);
    const pulledA = await cli(['coordinator', 'pull', '--dir', dirA]);
    expect(pulledA.code, pulledA.stderr).toBe(0);
    expect(pulledA.stdout).toContain('arrived: 1 new report,');
    const pulledB = await cli(['coordinator', 'pull', '--dir', dirB]);
    expect(pulledB.code, pulledB.stderr).toBe(0);
    expect(pulledB.stdout).toContain('1 bundle fetched');
    expect(pulledB.stdout).toContain('arrived: 1 new report,');
  });
});
