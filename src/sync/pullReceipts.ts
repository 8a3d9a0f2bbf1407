// After a flush, the device reads its own mailbox on each relay: coordinator receipts, sealed to it.
// Verified receipts mark what they cover "Received by coordinator" (and may remove it from the phone);
// everything read is then acknowledged, so the relay deletes it. Receipts are cumulative, so skipping a
// relay that does not answer loses nothing: a later receipt says the same and more.
import { openReceipt } from '../bundle/openReceipt';
import { applyOrgUpdates } from './applyOrgUpdates';
import { receiptAddress } from '../bundle/receiptAddress';
import { base64UrlDecode } from '../protocol/inviteBase64Url';
import { DEFAULT_MESSAGE_LIST_LIMIT, listMessagesResponseSchema } from '../protocol/relayApi';
import { relayPaths } from '../protocol/relayPaths';
import type { CounterRange, ReceiptOutcome, VaultSession } from '../store/storeApi';
import type { UploadDeps } from './uploadBundle';

/** A device with more unread messages than this reads the rest on the next run. */
const MAX_PAGES = 5;

interface Fetched {
  readonly relay: string;
  readonly seq: number;
  readonly bytes: Uint8Array | null;
}

async function request<T>(deps: UploadDeps, run: (signal: AbortSignal) => Promise<T>): Promise<T | null> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  deps.signal?.addEventListener('abort', abort);
  const timer = deps.clock.setTimeout(abort, deps.timeoutMs);
  try {
    return await run(controller.signal);
  } catch {
    // No answer (offline, timeout, the engine stopping): try again on the next run.
    return null;
  } finally {
    deps.clock.clearTimeout(timer);
    deps.signal?.removeEventListener('abort', abort);
  }
}

async function readRelay(relay: string, mailbox: string, token: string, deps: UploadDeps): Promise<Fetched[]> {
  const fetched: Fetched[] = [];
  let after = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listed = await request(deps, async (signal) => {
      const response = await deps.http({
        url: `${relay}${relayPaths.deviceMessages(mailbox)}?after=${after}&limit=${DEFAULT_MESSAGE_LIST_LIMIT}`,
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
        signal,
      });
      if (response.status !== 200) return null;
      const parsed = listMessagesResponseSchema.safeParse(await response.json());
      return parsed.success ? parsed.data : null;
    });
    // The relay is not trusted: a page that does not move forward ends the reading.
    if (listed === null || listed.messages.some((message) => message.seq <= after)) break;
    for (const message of listed.messages) fetched.push({ relay, seq: message.seq, bytes: base64UrlDecode(message.data) });
    after = Math.max(after, ...listed.messages.map((message) => message.seq));
    if (!listed.hasMore || listed.messages.length === 0) break;
  }
  return fetched;
}

/** Reads, applies and acknowledges receipts; null when not joined. Never throws for what a relay does. */
export async function pullReceipts(session: VaultSession, deps: UploadDeps): Promise<ReceiptOutcome | null> {
  const organisation = await session.organisation();
  if (organisation === null) return null;
  const mailbox = await session.withDeviceKey((device) => receiptAddress(device.publicKey));
  const fetched = (await Promise.all(organisation.relays.map((relay) => readRelay(relay, mailbox, organisation.uploadToken, deps)))).flat();
  if (fetched.length === 0) return { acknowledged: 0, removed: 0 };

  const coordinatorSignKeys = organisation.coordinators.map((coordinator) => coordinator.signPublicKey);
  const covered: CounterRange[] = await session.withDeviceKey((device) =>
    fetched.flatMap(({ bytes }) => {
      if (bytes === null) return [];
      const opened = openReceipt(bytes, { device, organisationMailbox: organisation.mailboxId, coordinatorSignKeys });
      // Anything that is not a verified receipt for this device is dropped with the rest.
      return opened.ok ? opened.value.counters : [];
    }),
  );
  let outcome: ReceiptOutcome = { acknowledged: 0, removed: 0 };
  if (covered.length > 0) {
    const applied = await session.applyReceipt(covered);
    // Not stored (locked, disk full): keep the messages on the relay and apply them next time.
    if (!applied.ok) return outcome;
    outcome = applied.value;
  }
  // Organisation updates share the mailbox: apply them before the acknowledgement deletes them.
  const updates = await applyOrgUpdates(session, organisation, fetched.flatMap(({ bytes }) => (bytes === null ? [] : [bytes])));
  if (!updates.stored) return outcome;
  for (const relay of organisation.relays) {
    const upTo = Math.max(0, ...fetched.filter((message) => message.relay === relay).map((message) => message.seq));
    if (upTo === 0) continue;
    await request(deps, (signal) =>
      deps.http({
        url: `${relay}${relayPaths.deviceAck(mailbox)}`,
        method: 'POST',
        headers: { authorization: `Bearer ${organisation.uploadToken}`, 'content-type': 'application/json' },
        body: new TextEncoder().encode(JSON.stringify({ upTo })),
        signal,
      }),
    );
  }
  return outcome;
}
