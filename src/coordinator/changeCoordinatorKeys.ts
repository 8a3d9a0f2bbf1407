// `dala coordinator add-key` / `replace-key`: changes the coordinator set of every organisation in this
// vault, then sends each known device a signed update (PROTOCOL.md, "Organisation updates"). Devices
// accept it because this coordinator's key is pinned on them; the new invite lists the new set.
import { fromBase64Url } from '../crypto/bytes';
import { isUsableBoxPublicKey } from '../crypto/boxPublicKey';
import { inviteSchema } from '../protocol/invite';
import type { InviteCoordinator } from '../protocol/invite';
import type { CoordinatorArchive } from './coordinatorArchive';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';
import type { RelayClient } from './relayClient';
import { saveCoordinatorState } from './saveCoordinatorState';
import { sendOrgUpdate } from './sendOrgUpdate';
import type { OrgUpdateSendReport } from './sendOrgUpdate';

export type CoordinatorKeyChange =
  /** Adds a coordinator (a second person, or a new device of one). */
  | { readonly kind: 'add'; readonly coordinator: InviteCoordinator }
  /** Gives the coordinator of that name new keys. */
  | { readonly kind: 'replace'; readonly coordinator: InviteCoordinator };

export type KeyChangeFailure =
  /** A key is not 32 bytes of canonical base64url, is of low order, or a name is not a valid one. */
  | 'bad-key'
  /** add: the name or a key is already listed; or the set would grow past the invite's limit. */
  | 'already-listed'
  /** replace: no coordinator of that name. */
  | 'unknown-coordinator'
  | 'no-organisations';

export interface KeyChangeOptions {
  readonly storage: CoordinatorStorage;
  readonly vault: CoordinatorVault;
  readonly archive: CoordinatorArchive;
  readonly change: CoordinatorKeyChange;
  readonly clientFor: (url: string) => RelayClient;
  readonly revokedDevices?: ReadonlySet<string>;
  readonly now?: () => Date;
}

export type KeyChangeResult =
  | { readonly ok: true; readonly value: { readonly vault: CoordinatorVault; readonly updates: readonly { readonly mailboxId: string; readonly report: OrgUpdateSendReport }[] } }
  | { readonly ok: false; readonly reason: KeyChangeFailure };

function changed(coordinators: readonly InviteCoordinator[], change: CoordinatorKeyChange): InviteCoordinator[] | KeyChangeFailure {
  const entry = change.coordinator;
  if (change.kind === 'add') {
    const clash = coordinators.some((c) => c.name === entry.name || c.boxPublicKey === entry.boxPublicKey || c.signPublicKey === entry.signPublicKey);
    return clash ? 'already-listed' : [...coordinators, entry];
  }
  if (!coordinators.some((c) => c.name === entry.name)) return 'unknown-coordinator';
  return coordinators.map((c) => (c.name === entry.name ? entry : c));
}

export async function changeCoordinatorKeys(options: KeyChangeOptions): Promise<KeyChangeResult> {
  const { storage, vault, change } = options;
  const box = fromBase64Url(change.coordinator.boxPublicKey);
  if (box === null || !isUsableBoxPublicKey(box)) return { ok: false, reason: 'bad-key' };
  if (vault.state.organisations.length === 0) return { ok: false, reason: 'no-organisations' };
  const organisations = [];
  for (const org of vault.state.organisations) {
    const coordinators = changed(org.invite.coordinators, change);
    if (typeof coordinators === 'string') return { ok: false, reason: coordinators };
    const invite = inviteSchema.safeParse({ ...org.invite, coordinators });
    // The invite schema knows the limits (names, key form, no repeats, at most so many coordinators).
    if (!invite.success) return { ok: false, reason: invite.error.issues.some((issue) => issue.message === 'bad-key' && issue.path.length === 1) ? 'already-listed' : 'bad-key' };
    organisations.push({ ...org, invite: invite.data });
  }
  const saved = await saveCoordinatorState(storage, vault, { ...vault.state, organisations });
  const updates = [];
  for (const org of organisations) {
    const report = await sendOrgUpdate({
      vault: saved,
      archive: options.archive,
      mailboxId: org.mailboxId,
      clientFor: options.clientFor,
      ...(options.revokedDevices === undefined ? {} : { revokedDevices: options.revokedDevices }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    updates.push({ mailboxId: org.mailboxId, report });
  }
  return { ok: true, value: { vault: saved, updates } };
}
