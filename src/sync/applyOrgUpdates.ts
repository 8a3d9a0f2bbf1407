// Signed organisation updates arrive in the device mailbox beside receipts. Each is judged against what
// is pinned at that point, so a chain (update 4 signed by A adds C, update 5 signed by C) applies in
// order, while an update signed only by a key it adds itself never does.
import { openOrgUpdate } from '../bundle/openOrgUpdate';
import type { AcceptedOrgUpdate, PinnedOrganisation } from '../bundle/acceptOrgUpdate';
import type { Organisation, VaultSession } from '../store/storeApi';

export interface OrgUpdatesOutcome {
  /** Updates applied, in sequence order. */
  readonly applied: readonly AcceptedOrgUpdate[];
  /** False when an accepted update could not be stored (locked, disk full): keep the messages for next time. */
  readonly stored: boolean;
}

/** The accepted updates among `messages`, in the order they chain from what is pinned now. */
function acceptedInOrder(messages: readonly Uint8Array[], device: { publicKey: Uint8Array; secretKey: Uint8Array }, organisation: Organisation): AcceptedOrgUpdate[] {
  let pinned: PinnedOrganisation = { mailboxId: organisation.mailboxId, coordinators: organisation.coordinators, lastSequence: organisation.lastUpdate?.sequence ?? 0 };
  const accepted: AcceptedOrgUpdate[] = [];
  for (;;) {
    let next: AcceptedOrgUpdate | null = null;
    for (const bytes of messages) {
      const opened = openOrgUpdate(bytes, device, pinned);
      if (opened.ok && (next === null || opened.value.statement.sequence < next.statement.sequence)) next = opened.value;
    }
    if (next === null) return accepted;
    accepted.push(next);
    pinned = { mailboxId: pinned.mailboxId, coordinators: next.statement.coordinators, lastSequence: next.statement.sequence };
  }
}

/** Opens, verifies and applies the organisation updates among the device mailbox's messages. */
export async function applyOrgUpdates(session: VaultSession, organisation: Organisation, messages: readonly Uint8Array[]): Promise<OrgUpdatesOutcome> {
  if (messages.length === 0) return { applied: [], stored: true };
  const accepted = await session.withDeviceKey((device) => acceptedInOrder(messages, device, organisation));
  const applied: AcceptedOrgUpdate[] = [];
  for (const update of accepted) {
    const { statement, signer } = update;
    const signerKeys = organisation.coordinators.find((c) => c.signPublicKey === signer.signPublicKey) ?? accepted.flatMap((a) => a.statement.coordinators).find((c) => c.signPublicKey === signer.signPublicKey);
    if (signerKeys === undefined) throw new Error('applyOrgUpdates: an accepted update has a signer that was never pinned');
    const result = await session.applyOrganisationUpdate({
      sequence: statement.sequence,
      coordinators: statement.coordinators,
      ...(statement.uploadToken === undefined ? {} : { uploadToken: statement.uploadToken }),
      ...(statement.relayUrls === undefined ? {} : { relays: statement.relayUrls }),
      signer: { name: signerKeys.name, boxPublicKey: signerKeys.boxPublicKey, signPublicKey: signerKeys.signPublicKey },
    });
    // 'stale': another tab applied it meanwhile, which is as good as applying it here.
    if (!result.ok && result.reason !== 'stale') return { applied, stored: false };
    if (result.ok) applied.push(update);
  }
  return { applied, stored: true };
}
