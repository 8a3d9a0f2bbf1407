// Creates an organisation: a mailbox on the relay, its tokens in the vault, and the invite monitors join with.
import { inviteLimits, inviteSchema, INVITE_VERSION } from '../protocol/invite';
import type { Invite } from '../protocol/invite';
import { inviteLink } from '../protocol/inviteLink';
import { normaliseAppUrl, normaliseRelayUrl } from '../protocol/inviteUrls';
import { coordinatorIdentity } from './coordinatorIdentity';
import type { Organisation } from './coordinatorState';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';
import type { RelayCallFailure, RelayClient } from './relayClient';
import { saveCoordinatorState } from './saveCoordinatorState';

export interface CreateOrganisationInput {
  readonly name: string;
  /** 1..5 relay origins; the mailbox is created on the first, the others must serve the same mailbox. */
  readonly relayUrls: readonly string[];
  /** Where the invite link points; defaults to the first relay, which serves the app. */
  readonly appUrl?: string;
  /** Bearer token for creating mailboxes; null for a relay with open registration. */
  readonly adminToken: string | null;
}

export type CreateOrganisationFailure =
  | { readonly reason: 'bad-name' }
  | { readonly reason: 'bad-relay-url'; readonly url: string }
  | { readonly reason: 'relay-count' }
  | { readonly reason: 'bad-app-url' }
  /** The first relay did not create a mailbox. */
  | { readonly reason: 'mailbox-refused'; readonly url: string; readonly failure: RelayCallFailure }
  /** A further relay does not serve the mailbox created on the first (it is not a mirror of it). */
  | { readonly reason: 'not-a-mirror'; readonly url: string; readonly failure: RelayCallFailure };

export type CreateOrganisationResult =
  | { readonly ok: true; readonly value: { readonly vault: CoordinatorVault; readonly organisation: Organisation; readonly link: string } }
  | ({ readonly ok: false } & CreateOrganisationFailure);

export async function createOrganisation(
  storage: CoordinatorStorage,
  vault: CoordinatorVault,
  input: CreateOrganisationInput,
  clientFor: (url: string) => RelayClient,
): Promise<CreateOrganisationResult> {
  if (!inviteSchema.shape.organisation.safeParse(input.name).success) return { ok: false, reason: 'bad-name' };
  if (input.relayUrls.length < inviteLimits.minRelays || input.relayUrls.length > inviteLimits.maxRelays) return { ok: false, reason: 'relay-count' };
  const relays: string[] = [];
  for (const url of input.relayUrls) {
    const normalised = normaliseRelayUrl(url);
    if (normalised === null || relays.includes(normalised)) return { ok: false, reason: 'bad-relay-url', url };
    relays.push(normalised);
  }
  const [first, ...mirrors] = relays as [string, ...string[]];
  const appUrl = normaliseAppUrl(input.appUrl ?? first);
  if (appUrl === null) return { ok: false, reason: 'bad-app-url' };

  const created = await clientFor(first).createMailbox(input.adminToken);
  if (!created.ok) return { ok: false, reason: 'mailbox-refused', url: first, failure: created };
  const { mailboxId, uploadToken, pullToken } = created.value;
  for (const url of mirrors) {
    // Listing with the pull token proves the relay holds this mailbox; it reads nothing and deletes nothing.
    const listed = await clientFor(url).listBundles(mailboxId, pullToken, 0, 1);
    if (!listed.ok) return { ok: false, reason: 'not-a-mirror', url, failure: listed };
  }

  const invite: Invite = {
    version: INVITE_VERSION,
    organisation: input.name,
    mailboxId,
    uploadToken,
    relays,
    coordinators: [coordinatorIdentity(vault.state).inviteEntry],
  };
  const organisation: Organisation = {
    name: input.name,
    mailboxId,
    uploadToken,
    pullToken,
    relays: relays.map((url) => ({ url, lastSeq: 0 })),
    invite,
    appUrl,
  };
  const saved = await saveCoordinatorState(storage, vault, { ...vault.state, organisations: [...vault.state.organisations, organisation] });
  return { ok: true, value: { vault: saved, organisation, link: inviteLink(appUrl, invite) } };
}
