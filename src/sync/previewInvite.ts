import type { Invite } from '../protocol/invite';
import { pinCoordinatorKeys } from '../store/pinCoordinatorKeys';
import type { PinnedCoordinator, Result } from '../store/storeApi';

export interface InvitePreview {
  readonly organisation: string;
  readonly relays: readonly string[];
  /** Each coordinator with the fingerprints of both keys, to compare with what the coordinator reads out. */
  readonly coordinators: readonly PinnedCoordinator[];
}

/** What the join screen shows before anything is stored. 'unusable-key': the invite cannot be joined. */
export function previewInvite(invite: Invite): Result<InvitePreview, 'unusable-key'> {
  const pinned = pinCoordinatorKeys(invite.coordinators);
  if (!pinned.ok) return pinned;
  return { ok: true, value: { organisation: invite.organisation, relays: invite.relays, coordinators: pinned.value } };
}
