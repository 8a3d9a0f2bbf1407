// `dala coordinator rotate-token | add-key | replace-key | renew-keys`: changes to an organisation that
// every enrolled phone must learn of, sent to them as updates signed by a key they already pinned.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { changeCoordinatorKeys } from '../coordinator/changeCoordinatorKeys';
import type { CoordinatorKeyChange, KeyChangeFailure } from '../coordinator/changeCoordinatorKeys';
import type { CoordinatorArchive } from '../coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../coordinator/coordinatorIdentity';
import type { CoordinatorStorage } from '../coordinator/CoordinatorStorage';
import type { CoordinatorVault } from '../coordinator/CoordinatorVault';
import type { RelayClient } from '../coordinator/relayClient';
import { renewCoordinatorKeys } from '../coordinator/renewCoordinatorKeys';
import { rotateUploadToken } from '../coordinator/rotateUploadToken';
import type { OrgUpdateSendReport } from '../coordinator/sendOrgUpdate';
import { inviteLink } from '../protocol/inviteLink';
import { fail } from './cliFailure';
import type { CoordinatorCliDeps } from './coordinatorCommand';
import { describeRelayFailure } from './coordinatorReport';

/** What the coordinator commands share: IO, error handling, relay clients and an unlocked vault. */
export interface CoordinatorCommandContext {
  readonly deps: CoordinatorCliDeps;
  readonly run: <A extends unknown[]>(action: (...args: A) => Promise<void>) => (...args: A) => Promise<void>;
  readonly clientFor: (url: string) => RelayClient;
  readonly unlock: (dir: string) => Promise<{ storage: CoordinatorStorage; vault: CoordinatorVault }>;
  readonly archiveOf: (storage: CoordinatorStorage, vault: CoordinatorVault, dir: string) => Promise<CoordinatorArchive>;
}

export function registerKeyCommands(coordinator: Command, { deps, run, clientFor, unlock, archiveOf }: CoordinatorCommandContext): void {
  function printUpdates(report: OrgUpdateSendReport): void {
    deps.print(`  signed update sent to ${report.sent} ${report.sent === 1 ? 'device' : 'devices'}`);
    for (const { failures } of report.failed) {
      const reason = failures.map(({ url, failure }) => `${url}: ${describeRelayFailure(failure)}`).join('; ');
      deps.printError(`  a device's update could not be sent (${reason}); run the command again later`);
    }
  }

  coordinator
    .command('rotate-token')
    .description('Replace an organisation\'s upload token: old invite links stop uploading; devices already enrolled get the new token in a signed update.')
    .requiredOption('--dir <dir>', 'folder of the coordinator vault')
    .option('--mailbox <mailboxId>', 'the organisation (default: the only one)')
    .action(
      run(async (options: { dir: string; mailbox?: string }) => {
        const dir = resolve(options.dir);
        const { storage, vault } = await unlock(dir);
        const orgs = vault.state.organisations.filter((org) => options.mailbox === undefined || org.mailboxId === options.mailbox);
        const [org] = orgs;
        if (org === undefined) fail(options.mailbox === undefined ? 'no organisations yet' : `no organisation with mailbox ${options.mailbox}`);
        if (orgs.length > 1) fail('this vault runs several organisations; choose one with --mailbox');
        const archive = await archiveOf(storage, vault, dir);
        const rotated = await rotateUploadToken({ storage, vault, archive, mailboxId: org.mailboxId, clientFor, now: deps.now });
        if (!rotated.ok) fail(`${rotated.url} did not issue a new upload token: ${describeRelayFailure(rotated.failure)}`);
        const updated = rotated.value.vault.state.organisations.find((o) => o.mailboxId === org.mailboxId) ?? org;
        deps.print(`Organisation "${org.name}": the upload token was replaced; the old invite link no longer uploads.`);
        printUpdates(rotated.value.updates);
        deps.print('New invite link (give it only to your monitors):');
        deps.print(inviteLink(updated.appUrl, updated.invite));
      }),
    );

  const keyChangeFailures: Readonly<Record<KeyChangeFailure, string>> = {
    'bad-key': '--box-key and --sign-key must be 32-byte public keys in unpadded base64url (43 characters), and --name 1 to 100 characters',
    'already-listed': 'that name or key is already listed (or the organisation has as many coordinators as an invite allows)',
    'unknown-coordinator': 'no coordinator of that --name is listed',
    'no-organisations': 'no organisations yet',
  };

  for (const kind of ['add', 'replace'] as const) {
    coordinator
      .command(`${kind}-key`)
      .description(
        kind === 'add'
          ? 'Add a coordinator: every organisation\'s bundles will also be sealed to these keys; devices are sent an update you sign.'
          : 'Give the coordinator of --name new keys (their old key still opens what was sealed to it); devices are sent an update you sign.',
      )
      .requiredOption('--dir <dir>', 'folder of the coordinator vault')
      .requiredOption('--box-key <base64url>', 'the X25519 public key bundles are sealed to')
      .requiredOption('--sign-key <base64url>', 'the Ed25519 public key that may sign later updates')
      .requiredOption('--name <name>', 'the coordinator\'s name as monitors see it')
      .action(
        run(async (options: { dir: string; boxKey: string; signKey: string; name: string }) => {
          const dir = resolve(options.dir);
          const { storage, vault } = await unlock(dir);
          const archive = await archiveOf(storage, vault, dir);
          const change: CoordinatorKeyChange = { kind, coordinator: { name: options.name, boxPublicKey: options.boxKey, signPublicKey: options.signKey } };
          const changed = await changeCoordinatorKeys({ storage, vault, archive, change, clientFor, now: deps.now });
          if (!changed.ok) fail(keyChangeFailures[changed.reason]);
          for (const { mailboxId, report } of changed.value.updates) {
            const org = changed.value.vault.state.organisations.find((o) => o.mailboxId === mailboxId);
            if (org === undefined) continue;
            deps.print(`Organisation "${org.name}": coordinators now ${org.invite.coordinators.map((c) => c.name).join(', ')}`);
            printUpdates(report);
            deps.print(`  new invite: ${inviteLink(org.appUrl, org.invite)}`);
          }
        }),
      );
  }

  coordinator
    .command('renew-keys')
    .description('Give yourself new keys: invites list them, devices are sent an update signed with your current key; your old key still opens what was sealed to it.')
    .requiredOption('--dir <dir>', 'folder of the coordinator vault')
    .action(
      run(async (options: { dir: string }) => {
        const dir = resolve(options.dir);
        const { storage, vault } = await unlock(dir);
        const archive = await archiveOf(storage, vault, dir);
        const renewed = await renewCoordinatorKeys({ storage, vault, archive, clientFor, now: deps.now });
        const identity = coordinatorIdentity(renewed.vault.state);
        deps.print(`New encryption key fingerprint: ${identity.boxFingerprint}`);
        deps.print(`New signing key fingerprint:    ${identity.signFingerprint}`);
        for (const { mailboxId, report } of renewed.updates) {
          const org = renewed.vault.state.organisations.find((o) => o.mailboxId === mailboxId);
          if (org === undefined) continue;
          deps.print(`Organisation "${org.name}":`);
          printUpdates(report);
          deps.print(`  new invite: ${inviteLink(org.appUrl, org.invite)}`);
        }
      }),
    );
}
