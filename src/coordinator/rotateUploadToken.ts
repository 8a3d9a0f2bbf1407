// `dala coordinator rotate-token`: the relay issues a new upload token (the old one stops uploading),
// the vault keeps it and the invite carries it, and every known device is sent a signed update with it.
import type { CoordinatorArchive } from './coordinatorArchive';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';
import type { RelayCallFailure, RelayClient } from './relayClient';
import { saveCoordinatorState } from './saveCoordinatorState';
import { sendOrgUpdate } from './sendOrgUpdate';
import type { OrgUpdateSendReport } from './sendOrgUpdate';

export interface RotateUploadTokenOptions {
  readonly storage: CoordinatorStorage;
  readonly vault: CoordinatorVault;
  readonly archive: CoordinatorArchive;
  readonly mailboxId: string;
  readonly clientFor: (url: string) => RelayClient;
  readonly revokedDevices?: ReadonlySet<string>;
  readonly now?: () => Date;
}

export type RotateUploadTokenResult =
  | { readonly ok: true; readonly value: { readonly vault: CoordinatorVault; readonly updates: OrgUpdateSendReport } }
  | { readonly ok: false; readonly reason: 'relay-refused'; readonly url: string; readonly failure: RelayCallFailure };

export async function rotateUploadToken(options: RotateUploadTokenOptions): Promise<RotateUploadTokenResult> {
  const { storage, vault, mailboxId, clientFor } = options;
  const organisation = vault.state.organisations.find((org) => org.mailboxId === mailboxId);
  if (organisation === undefined) throw new RangeError(`rotateUploadToken: no organisation with mailboxId ${mailboxId}`);
  const [primary] = organisation.relays;
  if (primary === undefined) throw new RangeError(`rotateUploadToken: organisation ${mailboxId} has no relay`);
  // Mirrors serve the same mailbox (createOrganisation checks it), so one rotation covers them all.
  const rotated = await clientFor(primary.url).rotateUploadToken(mailboxId, organisation.pullToken);
  if (!rotated.ok) return { ok: false, reason: 'relay-refused', url: primary.url, failure: rotated };
  const { uploadToken } = rotated.value;
  // Saved before anything else: the relay already refuses the old token, so losing the new one would lock monitors out.
  const saved = await saveCoordinatorState(storage, vault, {
    ...vault.state,
    organisations: vault.state.organisations.map((org) => (org.mailboxId === mailboxId ? { ...org, uploadToken, invite: { ...org.invite, uploadToken } } : org)),
  });
  const updates = await sendOrgUpdate({
    vault: saved,
    archive: options.archive,
    mailboxId,
    clientFor,
    ...(options.revokedDevices === undefined ? {} : { revokedDevices: options.revokedDevices }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { ok: true, value: { vault: saved, updates } };
}
