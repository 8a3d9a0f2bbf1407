// `dala coordinator export --format csv|md` in-process, over a real vault folder holding one bundle a
// device sealed: the command picks the renderer by --format and writes the file privately.
import { Command } from 'commander';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCoordinatorCommands } from '../../../src/cli/coordinatorCommand';
import type { CoordinatorCliDeps } from '../../../src/cli/coordinatorCommand';
import { coordinatorFileStorage } from '../../../src/cli/coordinatorFileStorage';
import { emptyArchive, saveArchive } from '../../../src/coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../../../src/coordinator/coordinatorIdentity';
import { createBundleIntake } from '../../../src/coordinator/createBundleIntake';
import { createCoordinatorVault } from '../../../src/coordinator/createCoordinatorVault';
import { saveCoordinatorState } from '../../../src/coordinator/saveCoordinatorState';
import { toBase64Url } from '../../../src/crypto/bytes';
import { KDF_FLOOR } from '../../../src/crypto/kdfParams';
import { MAILBOX, SAVED_AT, sealOrThrow, signingKeys, testReport, ZERO_HASH } from '../bundle/bundleTestKit';

const PASSPHRASE = 'river steppe lantern quietly blue';
const FAST_KDF = { memoryKiB: KDF_FLOOR.memoryKiB, iterations: KDF_FLOOR.iterations, parallelism: 1 };
const TOKEN = toBase64Url(new Uint8Array(32).fill(7));

const consenting = testReport(1, {
  freedoms: ['peaceful_assembly'],
  when: { value: '2025-03-01', precision: 'day' },
  narrative: 'Aigerim Sadykova and Daniyar Bekov were detained before the rally.',
  peopleAffected: [
    { name: 'Aigerim Sadykova', role: 'activist', affiliation: '', consentToPublish: true },
    { name: 'Daniyar Bekov', role: 'journalist', affiliation: '', consentToPublish: false },
  ],
  outcome: { kind: 'administrative_arrest', days: 10 },
});
const other = testReport(2, { freedoms: ['association'], when: { value: '2025-03', precision: 'month' } });

let work: string;
let dir: string;
const lines: string[] = [];

const deps: CoordinatorCliDeps = {
  env: { DALA_PASSPHRASE: PASSPHRASE },
  stdin: process.stdin,
  promptOutput: process.stderr,
  print: (line) => lines.push(line),
  printError: (line) => lines.push(`stderr: ${line}`),
  setExitCode: (code) => lines.push(`exit ${code}`),
  now: () => new Date('2025-04-01T09:00:00Z'),
};

async function dala(...args: string[]): Promise<void> {
  const program = new Command('dala').exitOverride();
  registerCoordinatorCommands(program, deps);
  await program.parseAsync(args, { from: 'user' });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dala-export-cli-'));
  dir = join(work, 'vault');
  const storage = coordinatorFileStorage(dir);
  const created = await createCoordinatorVault(storage, { passphrase: PASSPHRASE, name: 'Aigerim', kdfCost: FAST_KDF });
  if (!created.ok) throw new Error(`set-up: ${created.reason}`);
  const identity = coordinatorIdentity(created.value.state);
  const vault = await saveCoordinatorState(storage, created.value, {
    ...created.value.state,
    organisations: [
      {
        name: 'Steppe Watch',
        mailboxId: MAILBOX,
        uploadToken: TOKEN,
        pullToken: TOKEN,
        relays: [{ url: 'https://relay.example.org', lastSeq: 0 }],
        invite: { version: 1, organisation: 'Steppe Watch', mailboxId: MAILBOX, uploadToken: TOKEN, relays: ['https://relay.example.org'], coordinators: [identity.inviteEntry] },
        appUrl: 'https://relay.example.org/',
      },
    ],
  });
  const bundle = sealOrThrow({
    mailboxId: MAILBOX,
    recipients: [identity.box.publicKey],
    device: signingKeys('field-phone'),
    versions: [consenting, other].map((report, i) => ({ reportId: report.id, version: 1, counter: i + 1, savedAt: SAVED_AT, report })),
    previousBundleHash: ZERO_HASH,
    createdAt: SAVED_AT,
  });
  const intake = createBundleIntake({ storage, archive: emptyArchive, mailboxId: MAILBOX, recipient: identity.box });
  expect(await intake.receive(bundle.bytes, 'test')).toMatchObject({ kind: 'accepted', newReports: 2 });
  await saveArchive(storage, vault, intake.archive());
});

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('dala coordinator export --format', () => {
  it('csv writes a private UTF-8 table with a byte order mark, one row per report', async () => {
    const out = join(work, 'reports.csv');
    await dala('coordinator', 'export', '--dir', dir, '--format', 'csv', '--out', out);
    expect(lines.filter((line) => line.startsWith('stderr') || line.startsWith('exit'))).toEqual([]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n').filter((line) => line !== '')).toHaveLength(3);
    expect(text).toContain(consenting.id);
    expect(text).toContain(other.id);
    expect(text).not.toContain('Bekov');
  });

  it('md writes the draft update, naming the person who consented and not the one who did not', async () => {
    const out = join(work, 'update.md');
    await dala('coordinator', 'export', '--dir', dir, '--format', 'md', '--out', out);
    expect(lines.filter((line) => line.startsWith('stderr') || line.startsWith('exit'))).toEqual([]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('# Monitoring update: March 2025\n')).toBe(true);
    expect(text.indexOf(other.id)).toBeLessThan(text.indexOf('## Freedom of peaceful assembly'));
    expect(text.indexOf(consenting.id)).toBeGreaterThan(text.indexOf('## Freedom of peaceful assembly'));
    expect(text).toContain('Aigerim Sadykova');
    expect(text).not.toContain('Bekov');
    // Positive control: the JSON export, the complete record, does hold the withheld name.
    const json = join(work, 'all.json');
    await dala('coordinator', 'export', '--dir', dir, '--format', 'json', '--out', json);
    expect(readFileSync(json, 'utf8')).toContain('Daniyar Bekov');
  });
});
