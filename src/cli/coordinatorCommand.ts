// `dala coordinator …`: a coordinator's vault, organisations, pulls, imports and exports on the command
// line. Expected failures (bad input, wrong passphrase, a relay saying no) print one clear line and set
// a non-zero exit code; only bugs show a stack trace.
import { Option } from 'commander';
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { buildExportDocument } from '../coordinator/buildExportDocument';
import { loadArchive } from '../coordinator/coordinatorArchive';
import type { CoordinatorArchive } from '../coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../coordinator/coordinatorIdentity';
import { coordinatorFiles } from '../coordinator/CoordinatorStorage';
import type { CoordinatorStorage } from '../coordinator/CoordinatorStorage';
import type { CoordinatorVault } from '../coordinator/CoordinatorVault';
import { createCoordinatorVault } from '../coordinator/createCoordinatorVault';
import { createOrganisation } from '../coordinator/createOrganisation';
import { EXPORT_FORMATS, exportFormatters } from '../coordinator/exportFormatters';
import type { ExportFormat } from '../coordinator/exportFormatters';
import { importExportFile } from '../coordinator/importExportFile';
import { openCoordinatorVault } from '../coordinator/openCoordinatorVault';
import { passphraseAdvice } from '../coordinator/passphraseAdvice';
import { pullOrganisation } from '../coordinator/pullOrganisation';
import { createRelayClient } from '../coordinator/relayClient';
import type { RelayClient, RelayFetch } from '../coordinator/relayClient';
import { inviteLink } from '../protocol/inviteLink';
import { CliFailure, fail } from './cliFailure';
import { coordinatorFileStorage } from './coordinatorFileStorage';
import { registerKeyCommands } from './coordinatorKeyCommands';
import { registerShareCommands } from './coordinatorShareCommands';
import { readPassphrase } from './coordinatorPassphrase';
import type { PassphraseResult } from './coordinatorPassphrase';
import { describeIntake, describeRelayFailure } from './coordinatorReport';

export interface CoordinatorCliDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadStream;
  /** Where prompts go, so that stdout can be redirected. */
  readonly promptOutput: NodeJS.WriteStream;
  readonly print: (line: string) => void;
  readonly printError: (line: string) => void;
  readonly setExitCode: (code: number) => void;
  readonly now: () => Date;
  readonly fetch?: RelayFetch;
}

const processDeps: CoordinatorCliDeps = {
  env: process.env,
  stdin: process.stdin,
  promptOutput: process.stderr,
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
  setExitCode: (code) => {
    process.exitCode = code;
  },
  now: () => new Date(),
};

/** Node's file-system errors (no such file, permission denied, disk full) are the user's to fix, not bugs. */
function isSystemError(error: unknown): error is Error & { code: string } {
  const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

const passphraseFailures: Readonly<Record<Exclude<PassphraseResult, { ok: true }>['reason'], string>> = {
  'no-terminal': 'no passphrase: set DALA_PASSPHRASE, or run this in a terminal to type it',
  cancelled: 'cancelled',
  mismatch: 'the two passphrases differ',
  empty: 'the passphrase is empty',
};

export function registerCoordinatorCommands(program: Command, deps: CoordinatorCliDeps = processDeps): void {
  const run =
    <A extends unknown[]>(action: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      try {
        await action(...args);
      } catch (error) {
        if (!(error instanceof CliFailure) && !isSystemError(error)) throw error;
        deps.printError(`error: ${error.message}`);
        deps.setExitCode(1);
      }
    };

  const clientFor = (url: string): RelayClient => createRelayClient(url, deps.fetch === undefined ? {} : { fetch: deps.fetch });

  async function passphrase(confirm: boolean): Promise<string> {
    const read = await readPassphrase({ env: deps.env, input: deps.stdin, output: deps.promptOutput }, { confirm });
    return read.ok ? read.passphrase : fail(passphraseFailures[read.reason]);
  }

  async function unlock(dir: string): Promise<{ storage: CoordinatorStorage; vault: CoordinatorVault }> {
    const storage = coordinatorFileStorage(dir);
    // Checked before asking, so nobody types a passphrase for a folder that holds no vault.
    if ((await storage.read(coordinatorFiles.vault)) === null) fail(`no coordinator vault in ${dir} (create one with: dala coordinator init --dir ${dir})`);
    const opened = await openCoordinatorVault(storage, await passphrase(false));
    if (opened.ok) return { storage, vault: opened.value };
    switch (opened.reason) {
      case 'wrong-passphrase':
        return fail('wrong passphrase');
      case 'unsafe-kdf-params':
        return fail(`${join(dir, coordinatorFiles.vault)} asks for key-derivation settings below the safe minimum; refusing to use it (was it tampered with?)`);
      case 'corrupt':
        return fail(`${join(dir, coordinatorFiles.vault)} is damaged or not a coordinator vault`);
      case 'no-vault':
        return fail(`no coordinator vault in ${dir}`);
    }
  }

  async function archiveOf(storage: CoordinatorStorage, vault: CoordinatorVault, dir: string): Promise<CoordinatorArchive> {
    const loaded = await loadArchive(storage, vault);
    return loaded.ok ? loaded.value : fail(`${join(dir, coordinatorFiles.archive)} is damaged or belongs to another vault`);
  }

  const coordinator = program
    .command('coordinator')
    .description('Coordinator tasks: a vault with your keys, organisations on relays, pulling and exporting reports.')
    .addHelpText(
      'after',
      '\nThe passphrase is asked for (without echo) when run in a terminal, or read from DALA_PASSPHRASE\n' +
        '(for scripts; other programs of the same user can read environment variables, so prefer typing it).\n' +
        'Exit status: 0 on success, 1 on any failure (a message on stderr says which).',
    );

  coordinator
    .command('init')
    .description('Create a coordinator vault (your keys, encrypted under a passphrase) in a folder.')
    .requiredOption('--dir <dir>', 'folder for the vault; created if missing')
    .option('--name <name>', 'how invites name you to monitors', 'Coordinator')
    .action(
      run(async (options: { dir: string; name: string }) => {
        const dir = resolve(options.dir);
        const storage = coordinatorFileStorage(dir);
        if ((await storage.read(coordinatorFiles.vault)) !== null) fail(`${join(dir, coordinatorFiles.vault)} already exists; refusing to replace it`);
        if (options.name.trim() === '') fail('--name must not be empty');
        const created = await createCoordinatorVault(storage, { passphrase: await passphrase(true), name: options.name });
        if (!created.ok) {
          if (created.reason === 'exists') fail(`${join(dir, coordinatorFiles.vault)} already exists; refusing to replace it`);
          fail(`passphrase too weak: ${passphraseAdvice(created.problems)}`);
        }
        const identity = coordinatorIdentity(created.value.state);
        deps.print(`Created coordinator vault ${join(dir, coordinatorFiles.vault)}`);
        deps.print(`Encryption key fingerprint: ${identity.boxFingerprint}`);
        deps.print(`Signing key fingerprint:    ${identity.signFingerprint}`);
        deps.print('Without the passphrase nothing in this folder can be opened: there is no recovery.');
      }),
    );

  coordinator
    .command('create-org')
    .description('Create an organisation: a mailbox on a relay, and the invite link monitors join with.')
    .requiredOption('--dir <dir>', 'folder of the coordinator vault')
    .requiredOption('--name <name>', 'organisation name monitors will see')
    .option('--relay <url>', 'relay URL (https, or http on localhost); repeat for mirrors serving the same mailbox, up to 5', (url: string, all: string[]) => [...all, url], [])
    .option('--app-url <url>', 'where the invite link opens the app (default: the first relay)')
    .addHelpText('after', '\nEnvironment:\n  DALA_ADMIN_TOKEN  the relay\'s admin token, needed unless the relay has open registration')
    .action(
      run(async (options: { dir: string; name: string; relay: string[]; appUrl?: string }) => {
        if (options.relay.length === 0) fail('give at least one --relay URL');
        const dir = resolve(options.dir);
        const { storage, vault } = await unlock(dir);
        const adminToken = deps.env['DALA_ADMIN_TOKEN'];
        const created = await createOrganisation(
          storage,
          vault,
          {
            name: options.name,
            relayUrls: options.relay,
            ...(options.appUrl === undefined ? {} : { appUrl: options.appUrl }),
            adminToken: adminToken === undefined || adminToken === '' ? null : adminToken,
          },
          clientFor,
        );
        if (!created.ok) {
          switch (created.reason) {
            case 'bad-name':
              return fail('--name must be 1 to 100 characters, without surrounding spaces or control characters');
            case 'relay-count':
              return fail('give 1 to 5 --relay URLs');
            case 'bad-relay-url':
              return fail(`--relay ${created.url} must be https://host[:port] (or http://localhost / 127.0.0.1), with no path, given once`);
            case 'bad-app-url':
              return fail('--app-url must be an https URL (or http on localhost) without query or fragment');
            case 'mailbox-refused': {
              const hint = created.failure.reason === 'http-error' && created.failure.status === 401 ? ' (set DALA_ADMIN_TOKEN)' : '';
              return fail(`${created.url} did not create a mailbox: ${describeRelayFailure(created.failure)}${hint}`);
            }
            case 'not-a-mirror':
              return fail(`${created.url} does not serve the mailbox just created on ${options.relay[0] ?? ''}: ${describeRelayFailure(created.failure)}`);
          }
        }
        const { organisation, link } = created.value;
        deps.print(`Organisation "${organisation.name}" created: mailbox ${organisation.mailboxId} on ${organisation.relays.map((r) => r.url).join(', ')}`);
        deps.print(`Monitors should see this coordinator key fingerprint after joining: ${coordinatorIdentity(vault.state).boxFingerprint}`);
        deps.print('Invite link (whoever holds it can upload to this mailbox; give it only to your monitors):');
        deps.print(link);
      }),
    );

  coordinator
    .command('show')
    .description('Show your key fingerprints, your public keys (what another coordinator passes to add-key) and your organisations, with their invite links.')
    .requiredOption('--dir <dir>', 'folder of the coordinator vault')
    .action(
      run(async (options: { dir: string }) => {
        const { vault } = await unlock(resolve(options.dir));
        const identity = coordinatorIdentity(vault.state);
        deps.print(`Coordinator: ${vault.state.name}`);
        deps.print(`Encryption key fingerprint: ${identity.boxFingerprint}`);
        deps.print(`Signing key fingerprint:    ${identity.signFingerprint}`);
        // Public, and what `dala coordinator add-key` on another coordinator's vault needs.
        deps.print(`Public keys for another coordinator's add-key: --name "${vault.state.name}" --box-key ${identity.inviteEntry.boxPublicKey} --sign-key ${identity.inviteEntry.signPublicKey}`);
        if (vault.state.organisations.length === 0) deps.print('No organisations yet (create one with: dala coordinator create-org).');
        for (const org of vault.state.organisations) {
          deps.print(`Organisation "${org.name}" (mailbox ${org.mailboxId})`);
          for (const relay of org.relays) deps.print(`  ${relay.url}: pulled up to sequence ${relay.lastSeq}`);
          deps.print(`  invite: ${inviteLink(org.appUrl, org.invite)}`);
        }
      }),
    );

  coordinator
    .command('pull')
    .description('Fetch, verify and open everything that arrived on the relays, store it encrypted, then let the relays delete it.')
    .requiredOption('--dir <dir>', 'folder of the coordinator vault')
    .action(
      run(async (options: { dir: string }) => {
        const dir = resolve(options.dir);
        const unlocked = await unlock(dir);
        const { storage } = unlocked;
        let { vault } = unlocked;
        let archive = await archiveOf(storage, vault, dir);
        if (vault.state.organisations.length === 0) deps.print('No organisations yet (create one with: dala coordinator create-org).');
        let incomplete = false;
        for (const org of vault.state.organisations) {
          const pulled = await pullOrganisation({ storage, vault, archive, mailboxId: org.mailboxId, clientFor, now: deps.now });
          vault = pulled.vault;
          archive = pulled.archive;
          deps.print(`Organisation "${org.name}":`);
          for (const relay of pulled.relays) {
            const vanished = relay.vanished === 0 ? '' : `, ${relay.vanished} gone before they could be fetched`;
            deps.print(`  ${relay.url}: ${relay.fetched} ${relay.fetched === 1 ? 'bundle' : 'bundles'} fetched${vanished}`);
            if (relay.failure !== null) {
              incomplete = true;
              deps.printError(`  ${relay.url}: stopped early, ${describeRelayFailure(relay.failure)}; run pull again later`);
            }
            if (relay.ackFailure !== null) {
              deps.printError(`  ${relay.url}: could not tell the relay to delete what was stored (${describeRelayFailure(relay.ackFailure)}); the next pull retries`);
            }
          }
          for (const line of describeIntake(pulled.summary, pulled.gaps, pulled.equivocations, join(dir, 'rejected'))) deps.print(line);
          if (pulled.receipts.sent > 0) deps.print(`  receipts sent to ${pulled.receipts.sent} ${pulled.receipts.sent === 1 ? 'device' : 'devices'}`);
          for (const { failures } of pulled.receipts.failed) {
            const reason = failures.map(({ url, failure }) => `${url}: ${describeRelayFailure(failure)}`).join('; ');
            deps.printError(`  a device's receipt could not be sent (${reason}); the next pull retries`);
          }
        }
        if (incomplete) fail('some relays could not be pulled completely; everything fetched was kept');
      }),
    );

  registerKeyCommands(coordinator, { deps, run, clientFor, unlock, archiveOf });
  registerShareCommands(coordinator, { deps, run, clientFor, unlock, archiveOf });

  coordinator
    .command('import')
    .description('Import a file from a monitor\'s "Export unsent": the same checks as a pull.')
    .requiredOption('--dir <dir>', 'folder of the coordinator vault')
    .argument('<file>', 'the export file')
    .action(
      run(async (file: string, options: { dir: string }) => {
        const dir = resolve(options.dir);
        const text = await readFile(file, 'utf8');
        const { storage, vault } = await unlock(dir);
        const archive = await archiveOf(storage, vault, dir);
        const imported = await importExportFile({ storage, vault, archive, text, source: `file ${basename(file)}`, now: deps.now });
        if (!imported.ok) {
          const why: Readonly<Record<typeof imported.reason, string>> = {
            malformed: 'is not a valid export file (not JSON, or fields missing or unknown)',
            'not-an-export': 'is not a Dala export file',
            'unsupported-version': 'was written by a newer version of Dala; update this one',
            'bad-mailbox-id': 'names an invalid mailbox',
            'bad-bundle': 'holds a bundle that is not base64url or has an impossible size',
            'too-many-bundles': 'holds more bundles than one file may',
            'unknown-mailbox': 'is for a mailbox none of your organisations uses',
          };
          fail(`${file} ${why[imported.reason]}`);
        }
        deps.print(`Organisation "${imported.value.organisation.name}": imported ${file}`);
        for (const line of describeIntake(imported.value.summary, imported.value.gaps, imported.value.equivocations, join(dir, 'rejected'))) deps.print(line);
      }),
    );

  coordinator
    .command('export')
    .description('Write the reports to a file: everything as JSON, a CSV table, or a Markdown draft of a monitoring update. The file is NOT encrypted.')
    .requiredOption('--dir <dir>', 'folder of the coordinator vault')
    .addOption(
      new Option(
        '--format <format>',
        'json: every report, all versions, the sending device and every gap; csv: one row per report, UTF-8 with BOM for spreadsheets; ' +
          'md: draft update grouped by freedom. csv and md name only people who consented to publication',
      )
        .choices(EXPORT_FORMATS)
        .default('json'),
    )
    .requiredOption('--out <file>', 'file to write')
    .option('--force', 'replace the file if it exists')
    .action(
      run(async (options: { dir: string; format: ExportFormat; out: string; force?: boolean }) => {
        const dir = resolve(options.dir);
        const { storage, vault } = await unlock(dir);
        const archive = await archiveOf(storage, vault, dir);
        const document = buildExportDocument(vault.state, archive, deps.now());
        try {
          // 0600: the export is the reports in the clear.
          await writeFile(options.out, exportFormatters[options.format](document), { mode: 0o600, flag: options.force === true ? 'w' : 'wx' });
        } catch (error) {
          if (isSystemError(error) && error.code === 'EEXIST') fail(`${options.out} exists; choose another name or add --force`);
          throw error;
        }
        const versions = document.reports.reduce((n, report) => n + report.versions.length, 0);
        deps.print(`Wrote ${document.reports.length} reports (${versions} versions) from ${document.devices.length} devices to ${options.out}.`);
        deps.print('This file is NOT encrypted: keep it on an encrypted disk and delete it when you are done.');
      }),
    );
}
