import type { Invite } from '../protocol/invite';
import type { JoinFailure, JoinOutcome, Result, VaultSession } from '../store/storeApi';
import { organisationInputOf } from './organisationInputOf';

/**
 * Joins the organisation an invite (already parsed with parseInvite) describes. The coordinators' keys
 * are pinned by the store: only a later invite with the very same keys may renew the token and relays.
 */
export function joinOrganisation(session: VaultSession, invite: Invite): Promise<Result<JoinOutcome, JoinFailure>> {
  return session.joinOrganisation(organisationInputOf(invite));
}
