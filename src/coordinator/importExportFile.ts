// Imports a monitor's "Export unsent" file: the same checks as a pull, with the file as the source.
import { parseExportFile } from '../protocol/exportFile';
import type { ExportFileProblem } from '../protocol/exportFile';
import { coordinatorIdentity } from './coordinatorIdentity';
import { saveArchive } from './coordinatorArchive';
import type { CoordinatorArchive } from './coordinatorArchive';
import type { Organisation } from './coordinatorState';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';
import { createBundleIntake } from './createBundleIntake';
import type { IntakeSummary } from './createBundleIntake';
import type { DeviceGaps, Equivocation } from './ledger';

export type ImportExportFileResult =
  | {
      readonly ok: true;
      readonly value: {
        readonly organisation: Organisation;
        readonly archive: CoordinatorArchive;
        readonly summary: IntakeSummary;
        readonly gaps: readonly DeviceGaps[];
        readonly equivocations: readonly Equivocation[];
      };
    }
  | { readonly ok: false; readonly reason: ExportFileProblem | 'unknown-mailbox' };

export interface ImportExportFileOptions {
  readonly storage: CoordinatorStorage;
  readonly vault: CoordinatorVault;
  readonly archive: CoordinatorArchive;
  /** The file's text. */
  readonly text: string;
  /** Shown as where the bundles came from, e.g. the file's name. */
  readonly source: string;
  readonly now?: () => Date;
  /** Devices whose bundles are kept aside, not merged (see createBundleIntake). */
  readonly revokedDevices?: ReadonlySet<string>;
}

export async function importExportFile(options: ImportExportFileOptions): Promise<ImportExportFileResult> {
  const file = parseExportFile(options.text);
  if (!file.ok) return file;
  const organisation = options.vault.state.organisations.find((org) => org.mailboxId === file.value.mailboxId);
  if (organisation === undefined) return { ok: false, reason: 'unknown-mailbox' };
  const intake = createBundleIntake({
    storage: options.storage,
    archive: options.archive,
    mailboxId: organisation.mailboxId,
    recipient: coordinatorIdentity(options.vault.state).box,
    retiredRecipients: coordinatorIdentity(options.vault.state).retiredBoxes,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.revokedDevices === undefined ? {} : { revokedDevices: options.revokedDevices }),
  });
  for (const bytes of file.value.bundles) await intake.receive(bytes, options.source);
  const archive = intake.archive();
  await saveArchive(options.storage, options.vault, archive);
  return {
    ok: true,
    value: { organisation, archive, summary: intake.summary(), gaps: intake.ledger.gaps(), equivocations: intake.ledger.equivocations() },
  };
}
