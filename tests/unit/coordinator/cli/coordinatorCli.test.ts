// The coordinator command line against the real relay process: enrol, a simulated monitor uploads
// sealed bundles with the invite's token, pull, export, a withheld bundle shows as a gap, and the
// monitor's export file fills it. Runs the CLI as a child process, as a coordinator would.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../../../src/coordinator/buildExportDocument';
import { openReceipt } from '../../../../src/bundle/openReceipt';
import { fromBase64Url } from '../../../../src/crypto/bytes';
import { deviceMailboxId } from '../../../../src/crypto/deviceMailboxId';
import { fingerprint } from '../../../../src/crypto/fingerprint';
import { sha256 } from '../../../../src/crypto/sha256';
import { encodeExportFile } from '../../../../src/protocol/exportFile';
import { parseInvite } from '../../../../src/protocol/invite';
import type { Invite } from '../../../../src/protocol/invite';
import { listMessagesResponseSchema } from '../../../../src/protocol/relayApi';
import { relayPaths } from '../../../../src/protocol/relayPaths';
import type { SealedBundle } from '../../../../src/bundle/sealBundle';
import { boxKeys, reportId, sealChain, sealOrThrow, signingKeys, testReport, SAVED_AT } from '../../bundle/bundleTestKit';
import { makeTempDir, spawnRelay } from '../../../relay/relayProcess';
import type { RelayProcess } from '../../../relay/relayProcess';
import { expectCleanFailure, runDalaCli, STEP_TIMEOUT_MS } from './runDalaCli';
import type { CliResult } from './runDalaCli';

const ADMIN_TOKEN = 'cli-test-admin-token-0123456789abcdef';
const PASSPHRASE = 'quiet steppe lantern river morning';

const cli = (args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> => runDalaCli(args, { DALA_PASSPHRASE: PASSPHRASE, ...env });

let relay: RelayProcess;
let dir: string;
let work: string;
let invite: Invite;
let bundles: readonly SealedBundle[];
const device = signingKeys('field-phone');
const deviceFingerprint = fingerprint(device.publicKey);

async function upload(bundle: SealedBundle): Promise<number> {
  const response = await fetch(`${relay.url}${relayPaths.bundle(invite.mailboxId, bundle.id)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${invite.uploadToken}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bundle.bytes),
  });
  return response.status;
}

async function exportJson(name: string): Promise<ExportDocument> {
  const out = join(work, name);
  const result = await cli(['coordinator', 'export', '--dir', dir, '--format', 'json', '--out', out]);
  expect(result.code, result.stderr).toBe(0);
  expect(statSync(out).mode & 0o777).toBe(0o600);
  return JSON.parse(readFileSync(out, 'utf8')) as ExportDocument;
}

beforeAll(async () => {
  relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
  work = makeTempDir('coordinator-cli');
  dir = join(work, 'vault');
});

afterAll(async () => {
  await relay?.kill('SIGTERM');
});

describe('dala coordinator against a real relay', { timeout: 4 * STEP_TIMEOUT_MS }, () => {
  it('init creates a private vault and refuses to replace it', async () => {
    const created = await cli(['coordinator', 'init', '--dir', dir, '--name', 'Aigerim']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Encryption key fingerprint: [A-Z2-7]{4}( [A-Z2-7]{4}){3}/);
    expect(statSync(join(dir, 'coordinator.json')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expectCleanFailure(await cli(['coordinator', 'init', '--dir', dir]), /already exists/);
  });

  it('create-org makes a mailbox and prints an invite a device can read', async () => {
    expectCleanFailure(await cli(['coordinator', 'create-org', '--dir', dir, '--name', 'Steppe Watch', '--relay', relay.url], { DALA_ADMIN_TOKEN: '' }), /401.*DALA_ADMIN_TOKEN/);
    expectCleanFailure(await cli(['coordinator', 'create-org', '--dir', dir, '--name', 'Steppe Watch', '--relay', 'http://relay.example.org']), /--relay/);
    const created = await cli(['coordinator', 'create-org', '--dir', dir, '--name', 'Steppe Watch', '--relay', relay.url], { DALA_ADMIN_TOKEN: ADMIN_TOKEN });
    expect(created.code, created.stderr).toBe(0);
    const link = created.stdout.split('\n').find((line) => line.includes('#join='));
    expect(link?.startsWith(`${relay.url}/#join=`)).toBe(true);
    const parsed = parseInvite(link ?? '');
    if (!parsed.ok) throw new Error(`invite did not parse: ${parsed.reason}`);
    invite = parsed.value;
    expect(invite).toMatchObject({ organisation: 'Steppe Watch', relays: [relay.url], coordinators: [{ name: 'Aigerim' }] });
    // The pull token never leaves the vault, and nothing in the vault folder shows the upload token either.
    const vaultText = readFileSync(join(dir, 'coordinator.json'), 'utf8');
    expect(vaultText).not.toContain(invite.uploadToken);
    expect(vaultText).not.toContain(invite.mailboxId);
  });

  it('pull opens what a monitor uploaded, reports a withheld bundle as a gap, and acknowledges', async () => {
    const coordinatorKey = fromBase64Url(invite.coordinators[0]?.boxPublicKey ?? '');
    if (coordinatorKey === null) throw new Error('invite key');
    bundles = sealChain({ device, sizes: [1, 1, 1, 1, 1], recipients: [coordinatorKey], mailboxId: invite.mailboxId }).bundles;
    // Bundle 4 is withheld (say, by the relay); a bundle sealed only to someone else is uploaded too.
    for (const bundle of [bundles[0], bundles[1], bundles[2], bundles[4]]) expect(await upload(bundle as SealedBundle)).toBe(201);
    const stranger = sealChain({ device: signingKeys('stranger'), sizes: [1], recipients: [boxKeys('other-coordinator').publicKey], mailboxId: invite.mailboxId }).bundles[0];
    if (!stranger) throw new Error('set-up');
    expect(await upload(stranger)).toBe(201);

    const pulled = await cli(['coordinator', 'pull', '--dir', dir]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain('5 bundles fetched');
    expect(pulled.stdout).toContain('arrived: 4 new reports, 4 new versions');
    expect(pulled.stdout).toContain('rejected: 1');
    expect(pulled.stdout).toContain(`${stranger.id}: not-a-recipient`);
    expect(pulled.stdout).toContain(`device ${deviceFingerprint}: report 4 never arrived`);
    expect(pulled.stdout).toContain('receipts sent to 1 device');
    expect(readFileSync(join(dir, 'rejected', `${stranger.id}.bundle`))).toEqual(Buffer.from(stranger.bytes));
    expect(readFileSync(join(dir, 'rejected', `${stranger.id}.reason`), 'utf8')).toBe('not-a-recipient\n');

    const shown = await cli(['coordinator', 'show', '--dir', dir]);
    expect(shown.stdout).toContain(`${relay.url}: pulled up to sequence 5`);
    // The public keys another coordinator's add-key takes, exactly as the invite lists them.
    const entry = invite.coordinators[0];
    expect(shown.stdout).toContain(`--name "Aigerim" --box-key ${entry?.boxPublicKey ?? '?'} --sign-key ${entry?.signPublicKey ?? '?'}`);
    // Acknowledged, so the relay deleted it: uploading the same bytes again stores them anew (201, not 200).
    expect(await upload(bundles[0] as SealedBundle)).toBe(201);
  });

  it('pull sent the device a receipt through its device mailbox that the device opens, and sends none when nothing is new', async () => {
    const listed = await fetch(`${relay.url}${relayPaths.deviceMessages(deviceMailboxId(device.publicKey))}`, { headers: { authorization: `Bearer ${invite.uploadToken}` } });
    const { messages } = listMessagesResponseSchema.parse(await listed.json());
    expect(messages).toHaveLength(1);
    const bytes = fromBase64Url(messages[0]?.data ?? '') ?? new Uint8Array();
    const opened = openReceipt(bytes, { device, organisationMailbox: invite.mailboxId, coordinatorSignKeys: invite.coordinators.map((c) => c.signPublicKey) });
    expect(opened).toMatchObject({ ok: true, value: { signer: 0, counters: [{ first: 1, last: 3 }, { first: 5, last: 5 }] } });
    // The relay cannot read it: the same bytes do not open for another device.
    expect(openReceipt(bytes, { device: signingKeys('stranger'), organisationMailbox: invite.mailboxId, coordinatorSignKeys: invite.coordinators.map((c) => c.signPublicKey) })).toEqual({ ok: false, reason: 'not-for-this-device' });
  });

  it('export json holds exactly the reports that arrived, with the device fingerprint', async () => {
    const document = await exportJson('first.json');
    expect(document.format).toBe('dala-coordinator-export');
    expect(document.reports.map((r) => r.reportId).sort()).toEqual([1, 2, 3, 5].map(reportId));
    for (const report of document.reports) {
      expect(report).toMatchObject({ organisation: 'Steppe Watch', mailboxId: invite.mailboxId, deviceFingerprint });
      expect(report.versions).toHaveLength(1);
    }
    expect(document.devices).toEqual([expect.objectContaining({ deviceFingerprint, highestCounter: 5, missing: [{ first: 4, last: 4 }] })]);
    expect(document.rejected).toEqual([expect.objectContaining({ reason: 'not-a-recipient' })]);
    // Nothing of the reports is in the vault folder in the clear.
    const marker = `Report 3: the meeting hall`;
    expect(JSON.stringify(document)).toContain(marker);
    for (const file of ['coordinator.json', 'reports.bin']) expect(readFileSync(join(dir, file)).includes(marker)).toBe(false);
    expectCleanFailure(await cli(['coordinator', 'export', '--dir', dir, '--out', join(work, 'first.json')]), /exists.*--force/);
  });

  it('a second pull finds nothing new: the replayed copy counts once, and then nothing is left', async () => {
    const again = await cli(['coordinator', 'pull', '--dir', dir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('1 bundle fetched');
    expect(again.stdout).toContain('arrived: 0 new reports, 0 new versions');
    expect(again.stdout).toContain('duplicates ignored: 1');
    expect(again.stdout).not.toContain('receipts sent');
    const third = await cli(['coordinator', 'pull', '--dir', dir]);
    expect(third.stdout).toContain('0 bundles fetched');
    expect(third.stdout).toContain('arrived: 0 new reports, 0 new versions');
    expect((await exportJson('second.json')).reports).toHaveLength(4);
  });

  it('import of a monitor export file fills the gap, counts a copy once, and takes an amendment', async () => {
    const [, , , fourth, fifth] = bundles;
    const first = bundles[0];
    if (!fourth || !fifth || !first) throw new Error('set-up');
    const coordinatorKey = fromBase64Url(invite.coordinators[0]?.boxPublicKey ?? '') as Uint8Array;
    const amended = testReport(1, { narrative: 'Report 1, amended: the landlord later said the police had ordered the lock.' });
    const amendment = sealOrThrow({
      mailboxId: invite.mailboxId,
      recipients: [coordinatorKey],
      device,
      versions: [{ reportId: amended.id, version: 2, counter: 6, savedAt: SAVED_AT + 86_400_000, report: amended }],
      previousBundleHash: sha256(fifth.bytes),
      createdAt: SAVED_AT,
    });
    const file = join(work, 'unsent.dala-export.json');
    writeFileSync(file, encodeExportFile({ mailboxId: invite.mailboxId, bundles: [fourth.bytes, first.bytes, amendment.bytes] }));
    const imported = await cli(['coordinator', 'import', '--dir', dir, file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('arrived: 1 new report, 2 new versions');
    expect(imported.stdout).toContain('duplicates ignored: 1');
    expect(imported.stdout).not.toContain('never arrived');

    const document = await exportJson('third.json');
    expect(document.reports.map((r) => r.reportId).sort()).toEqual([1, 2, 3, 4, 5].map(reportId));
    const report1 = document.reports.find((r) => r.reportId === reportId(1));
    expect(report1?.versions.map((v) => [v.version, v.report.narrative])).toEqual([
      [1, expect.stringContaining('Report 1:')],
      [2, amended.narrative],
    ]);
    expect(document.devices).toEqual([expect.objectContaining({ highestCounter: 6, missing: [] })]);
  });

  it('fails clearly on bad input, a wrong passphrase, or no passphrase at all', async () => {
    const notExport = join(work, 'notes.json');
    writeFileSync(notExport, '{"hello":"world"}');
    expectCleanFailure(await cli(['coordinator', 'import', '--dir', dir, notExport]), /not a Dala export file/);
    expectCleanFailure(await cli(['coordinator', 'import', '--dir', dir, join(work, 'missing.json')]), /ENOENT|no such file/);
    expectCleanFailure(await cli(['coordinator', 'pull', '--dir', dir], { DALA_PASSPHRASE: 'quiet steppe lantern river evening' }), /wrong passphrase/);
    expectCleanFailure(await cli(['coordinator', 'pull', '--dir', join(work, 'nowhere')]), /no coordinator vault/);
    expectCleanFailure(await cli(['coordinator', 'pull', '--dir', dir], { DALA_PASSPHRASE: '' }), /DALA_PASSPHRASE.*terminal/);
    expectCleanFailure(await cli(['coordinator', 'export', '--dir', dir, '--format', 'xml', '--out', join(work, 'x')]), /xml/);
    expectCleanFailure(await cli(['coordinator', 'init', '--dir', join(work, 'weak')], { DALA_PASSPHRASE: 'password123' }), /too weak/);
    expect(existsSync(join(work, 'weak', 'coordinator.json'))).toBe(false);
    for (const command of ['init', 'create-org', 'show', 'pull', 'import', 'export']) {
      const help = await cli(['coordinator', command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('--dir');
    }
    // No temporary files are left behind by the atomic writes.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
