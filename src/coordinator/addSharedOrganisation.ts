// Adds an organisation another coordinator gave this one (openOrganisationShare judged the file): with a
// fresh reader id and every relay cursor at 0, stored before anything is sent; then acknowledges 0 as
// that reader on every relay, so the relay counts this coordinator from now on and keeps what it has not
// pulled (PROTOCOL.md, the ack's reader rules). A failed acknowledgement is reported, not fatal: the next
// pull acknowledges again.
import { toBase64Url } from '../crypto/bytes';
import { randomBytes } from '../crypto/random';
import type { Organisation } from './coordinatorState';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';
import type { OrganisationSharePreview } from './openOrganisationShare';
import type { RelayCallFailure, RelayClient } from './relayClient';
import { saveCoordinatorState } from './saveCoordinatorState';

/** A reader id is 16 random bytes (PROTOCOL.md, "Identifiers"). */
const READER_ID_BYTES = 16;

export interface AddSharedOrganisationResult {
  readonly vault: CoordinatorVault;
  readonly organisation: Organisation;
  /** One entry per relay: null when the first acknowledgement was taken. */
  readonly acks: readonly { readonly url: string; readonly failure: RelayCallFailure | null }[];
}

export type AddSharedOrganisationOutcome = { readonly ok: true; readonly value: AddSharedOrganisationResult } | { readonly ok: false; readonly reason: 'already-have' };

export async function addSharedOrganisation(
  storage: CoordinatorStorage,
  vault: CoordinatorVault,
  preview: OrganisationSharePreview,
  clientFor: (url: string) => RelayClient,
): Promise<AddSharedOrganisationOutcome> {
  const s = preview.statement;
  // Judged again: the vault may have changed between the preview and the confirmation.
  if (vault.state.organisations.some((o) => o.mailboxId === s.mailboxId)) return { ok: false, reason: 'already-have' };
  const organisation: Organisation = {
    name: s.name,
    mailboxId: s.mailboxId,
    uploadToken: s.uploadToken,
    pullToken: s.pullToken,
    relays: s.relays.map((url) => ({ url, lastSeq: 0 })),
    invite: s.invite,
    appUrl: s.appUrl,
    reader: toBase64Url(randomBytes(READER_ID_BYTES)),
  };
  const saved = await saveCoordinatorState(storage, vault, { ...vault.state, organisations: [...vault.state.organisations, organisation] });
  const acks = [];
  for (const { url } of organisation.relays) {
    const acked = await clientFor(url).ack(organisation.mailboxId, organisation.pullToken, 0, organisation.reader);
    acks.push({ url, failure: acked.ok ? null : acked });
  }
  return { ok: true, value: { vault: saved, organisation, acks } };
}
