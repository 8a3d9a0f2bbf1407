import type { Invite } from '../protocol/invite';
import type { OrganisationInput } from '../store/storeApi';

/** The part of a v1 invite the store keeps: everything but the format version. */
export function organisationInputOf(invite: Invite): OrganisationInput {
  return {
    name: invite.organisation,
    mailboxId: invite.mailboxId,
    relays: invite.relays,
    uploadToken: invite.uploadToken,
    coordinators: invite.coordinators,
  };
}
