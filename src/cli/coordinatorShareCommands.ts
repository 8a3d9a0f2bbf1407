// `dala coordinator share-org | open-org`: give an organisation to another coordinator of it, as a file
// sealed to their key and signed with yours (PROTOCOL.md, "Organisation file"), and open such a file.
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { addSharedOrganisation } from '../coordinator/addSharedOrganisation';
import { coordinatorIdentity } from '../coordinator/coordinatorIdentity';
import { openOrganisationShare } from '../coordinator/openOrganisationShare';
import type { OpenOrganisationShareFailure } from '../coordinator/openOrganisationShare';
import { ORGANISATION_FILE_MAX_CHARS } from '../coordinator/organisationShareFile';
import { shareOrganisation } from '../coordinator/shareOrganisation';
import type { ShareOrganisationFailure } from '../coordinator/shareOrganisation';
import { fail } from './cliFailure';
import type { CoordinatorCommandContext } from './coordinatorKeyCommands';
import { describeRelayFailure } from './coordinatorReport';

const shareFailures: Readonly<Record<Exclude<ShareOrganisationFailure, 'unknown-organisation'>, string>> = {
  'bad-key': '--box-key must be an X25519 public key in unpadded base64url (43 characters), as `dala coordinator show` prints it',
  'not-listed': 'that key is not one of the organisation\'s coordinators; add it first with `dala coordinator add-key`',
  self: 'that is your own key; give the file to another coordinator',
};

const openFailures: Readonly<Record<OpenOrganisationShareFailure, string>> = {
  'not-an-organisation-file': 'is not a Dala organisation file',
  'unsupported-version': 'was written by a newer version of Dala; update this one',
  'not-for-you': 'does not open with your key: it was written for another coordinator, or it was damaged',
  malformed: 'opened, but what it holds is not a valid organisation',
  'bad-signature': 'has a signature that does not verify: it was altered after it was signed',
  'signer-not-listed': 'is signed by a key that is not one of the organisation\'s coordinators',
  'not-listed': 'was not written for you (the organisation does not list your key)',
  'already-have': 'is for an organisation this vault already has',
};

export function registerShareCommands(coordinator: Command, { deps, run, clientFor, unlock }: CoordinatorCommandContext): void {
  coordinator
    .command('share-org')
    .description('Write an organisation file for another coordinator (listed with add-key first): sealed to their key, signed with yours. It holds the pull token: pass it only to them.')
    .requiredOption('--dir <dir>', 'folder of the coordinator vault')
    .option('--mailbox <mailboxId>', 'the organisation (default: the only one)')
    .requiredOption('--box-key <base64url>', 'the other coordinator\'s X25519 public key (their `dala coordinator show` prints it)')
    .requiredOption('--out <file>', 'file to write (refused if it exists)')
    .action(
      run(async (options: { dir: string; mailbox?: string; boxKey: string; out: string }) => {
        const { vault } = await unlock(resolve(options.dir));
        const orgs = vault.state.organisations.filter((org) => options.mailbox === undefined || org.mailboxId === options.mailbox);
        const [org] = orgs;
        if (org === undefined) fail(options.mailbox === undefined ? 'no organisations yet' : `no organisation with mailbox ${options.mailbox}`);
        if (orgs.length > 1) fail('this vault runs several organisations; choose one with --mailbox');
        const shared = shareOrganisation(vault.state, org.mailboxId, options.boxKey, deps.now());
        if (!shared.ok) fail(shared.reason === 'unknown-organisation' ? `no organisation with mailbox ${org.mailboxId}` : shareFailures[shared.reason]);
        try {
          await writeFile(options.out, shared.value.text, { mode: 0o600, flag: 'wx' });
        } catch (error) {
          if ((error as { code?: unknown }).code === 'EEXIST') fail(`${options.out} exists; choose another name`);
          throw error;
        }
        deps.print(`Wrote organisation "${org.name}" for ${shared.value.recipientName} to ${options.out}.`);
        deps.print(`It opens only with their key. They will be shown your signing key fingerprint to compare: ${coordinatorIdentity(vault.state).signFingerprint}`);
      }),
    );

  coordinator
    .command('open-org')
    .description('Open an organisation file another coordinator wrote for you: shows who signed it; with --yes adds it to your vault and registers you with its relays.')
    .requiredOption('--dir <dir>', 'folder of the coordinator vault')
    .option('--yes', 'add it (after comparing the fingerprint with the giver)')
    .argument('<file>', 'the organisation file')
    .action(
      run(async (file: string, options: { dir: string; yes?: boolean }) => {
        const text = await readFile(file, 'utf8');
        if (text.length > ORGANISATION_FILE_MAX_CHARS) fail(`${file} ${openFailures['not-an-organisation-file']}`);
        const { storage, vault } = await unlock(resolve(options.dir));
        const opened = openOrganisationShare(text, vault.state);
        if (!opened.ok) fail(`${file} ${openFailures[opened.reason]}`);
        const { statement, giverName, giverSignFingerprint } = opened.value;
        deps.print(`Organisation "${statement.name}" (mailbox ${statement.mailboxId}), relays ${statement.relays.join(', ')}`);
        deps.print(`Given by ${giverName}, signing key fingerprint: ${giverSignFingerprint}`);
        deps.print(`Coordinators: ${statement.invite.coordinators.map((c) => c.name).join(', ')}`);
        if (options.yes !== true) {
          deps.print(`Compare that fingerprint with ${giverName} (by phone or in person), then run this again with --yes to add it.`);
          return;
        }
        const added = await addSharedOrganisation(storage, vault, opened.value, clientFor);
        if (!added.ok) fail(`${file} ${openFailures[added.reason]}`);
        deps.print(`Added "${statement.name}". Pull it with: dala coordinator pull --dir ${options.dir}`);
        for (const { url, failure } of added.value.acks) {
          if (failure === null) deps.print(`  ${url}: registered as a reader; it keeps bundles until you have pulled them`);
          else deps.printError(`  ${url}: could not register you as a reader (${describeRelayFailure(failure)}); your first pull will`);
        }
      }),
    );
}

