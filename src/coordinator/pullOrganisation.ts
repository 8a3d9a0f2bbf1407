// Pulls one organisation's mailbox from each of its relays. Page by page: fetch, check and open every
// bundle; every `saveEveryBundles` bundles and at the end, write reports.bin, then the new cursor into
// coordinator.json, and only then acknowledge (which lets the relay delete): a crash at any point loses
// nothing and a re-pull only finds duplicates. Acknowledgements name this coordinator's reader id, so
// the relay keeps bundles until every coordinator of the organisation has acknowledged them; a pass that
// acknowledged nothing new still acknowledges its cursor, so the relay counts (and keeps counting) it.
import { toBase64Url } from '../crypto/bytes';
import { randomBytes } from '../crypto/random';
import { coordinatorIdentity } from './coordinatorIdentity';
import { saveArchive } from './coordinatorArchive';
import type { CoordinatorArchive } from './coordinatorArchive';
import type { CoordinatorState } from './coordinatorState';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';
import { createBundleIntake } from './createBundleIntake';
import type { IntakeSummary } from './createBundleIntake';
import type { DeviceGaps, Equivocation } from './ledger';
import type { RelayCallFailure, RelayCallResult, RelayClient } from './relayClient';
import { saveCoordinatorState } from './saveCoordinatorState';
import { sendReceipts } from './sendReceipts';
import type { ReceiptSendReport } from './sendReceipts';

export interface RelayPullReport {
  readonly url: string;
  /** Bundles listed and fetched (whatever became of them). */
  readonly fetched: number;
  /** Listed, then gone before they could be fetched (expired, or purged by another coordinator's ack). */
  readonly vanished: number;
  readonly lastSeq: number;
  /** Why this relay's pull stopped early; what came before was kept and acknowledged. */
  readonly failure: RelayCallFailure | null;
  /** The last acknowledgement that failed, if any: the relay keeps those bundles a while longer, no harm done. */
  readonly ackFailure: RelayCallFailure | null;
}

export interface PullOrganisationResult {
  readonly vault: CoordinatorVault;
  readonly archive: CoordinatorArchive;
  readonly summary: IntakeSummary;
  readonly relays: readonly RelayPullReport[];
  readonly gaps: readonly DeviceGaps[];
  readonly equivocations: readonly Equivocation[];
  /** Receipts sent to devices once everything was stored and acknowledged; failures are retried by the next pull. */
  readonly receipts: ReceiptSendReport;
}

export interface PullOrganisationOptions {
  readonly storage: CoordinatorStorage;
  readonly vault: CoordinatorVault;
  readonly archive: CoordinatorArchive;
  readonly mailboxId: string;
  readonly clientFor: (url: string) => RelayClient;
  readonly pageSize?: number;
  /** Write reports.bin and acknowledge after this many bundles (and at the end of each relay); default 1,000. */
  readonly saveEveryBundles?: number;
  readonly now?: () => Date;
  /** Devices whose new bundles are kept aside, not merged (see createBundleIntake). */
  readonly revokedDevices?: ReadonlySet<string>;
  /** Called after each listed bundle is handled, for a progress display. */
  readonly onProgress?: (progress: PullProgress) => void;
}

export interface PullProgress {
  readonly url: string;
  /** Bundles listed so far on this relay (more pages may follow). */
  readonly listed: number;
  /** Of those, handled so far (fetched and opened, or gone). */
  readonly handled: number;
}

const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_SAVE_EVERY = 1000;
/** Bundle fetches kept in flight ahead of the one being opened. */
const FETCH_AHEAD = 4;
/** A reader id is 16 random bytes (PROTOCOL.md, "Identifiers"). */
const READER_ID_BYTES = 16;

function withCursor(state: CoordinatorState, mailboxId: string, url: string, lastSeq: number): CoordinatorState {
  return {
    ...state,
    organisations: state.organisations.map((org) =>
      org.mailboxId !== mailboxId ? org : { ...org, relays: org.relays.map((relay) => (relay.url === url ? { ...relay, lastSeq } : relay)) },
    ),
  };
}

function withReader(state: CoordinatorState, mailboxId: string, reader: string): CoordinatorState {
  return { ...state, organisations: state.organisations.map((org) => (org.mailboxId !== mailboxId ? org : { ...org, reader })) };
}

export async function pullOrganisation(options: PullOrganisationOptions): Promise<PullOrganisationResult> {
  const { storage, mailboxId, clientFor } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const saveEvery = options.saveEveryBundles ?? DEFAULT_SAVE_EVERY;
  let vault = options.vault;
  const organisation = vault.state.organisations.find((org) => org.mailboxId === mailboxId);
  if (organisation === undefined) throw new RangeError(`pullOrganisation: no organisation with mailboxId ${mailboxId}`);
  const { pullToken } = organisation;
  let reader = organisation.reader;
  if (reader === undefined) {
    // Stored before the first acknowledgement names it, or the next pull would be a second, phantom reader.
    reader = toBase64Url(randomBytes(READER_ID_BYTES));
    vault = await saveCoordinatorState(storage, vault, withReader(vault.state, mailboxId, reader));
  }
  const intake = createBundleIntake({
    storage,
    archive: options.archive,
    mailboxId,
    recipient: coordinatorIdentity(vault.state).box,
    retiredRecipients: coordinatorIdentity(vault.state).retiredBoxes,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.revokedDevices === undefined ? {} : { revokedDevices: options.revokedDevices }),
  });

  const reports: RelayPullReport[] = [];
  for (const cursor of organisation.relays) {
    const client = clientFor(cursor.url);
    const source = `relay ${cursor.url}`;
    let after = cursor.lastSeq;
    let fetched = 0;
    let vanished = 0;
    let failure: RelayCallFailure | null = null;
    let ackFailure: RelayCallFailure | null = null;
    let listed = 0;
    let handledUpTo = after;
    let unsaved = 0;
    let acknowledged = false;
    for (;;) {
      const page = await client.listBundles(mailboxId, pullToken, handledUpTo, pageSize);
      if (!page.ok) {
        failure = page;
      } else {
        const entries = page.value.bundles;
        listed += entries.length;
        // A few fetches in flight while earlier bundles are opened: the network wait hides behind the work.
        const fetches: Promise<RelayCallResult<Uint8Array>>[] = [];
        const prefetch = (i: number): void => {
          const entry = entries[i];
          if (entry === undefined || fetches[i] !== undefined) return;
          const fetching = client.fetchBundle(mailboxId, pullToken, entry.id);
          fetching.catch(() => undefined); // awaited below unless the pull stopped first
          fetches[i] = fetching;
        };
        for (let i = 0; i < FETCH_AHEAD; i += 1) prefetch(i);
        for (const [i, entry] of entries.entries()) {
          prefetch(i + FETCH_AHEAD);
          const got = await (fetches[i] ?? client.fetchBundle(mailboxId, pullToken, entry.id));
          if (!got.ok && got.reason === 'http-error' && got.code === 'unknown_bundle') {
            vanished += 1;
          } else if (!got.ok) {
            failure = got;
            break;
          } else {
            fetched += 1;
            await intake.receive(got.value, source, entry.id);
          }
          handledUpTo = entry.seq;
          unsaved += 1;
          options.onProgress?.({ url: cursor.url, listed, handled: fetched + vanished });
        }
      }
      const more = failure === null && page.ok && page.value.hasMore;
      // reports.bin is rewritten whole, so it is written (and the relay acknowledged) every so many
      // bundles and at the end, not per page: a crash before that only means fetching those again.
      if (handledUpTo > after && (!more || unsaved >= saveEvery)) {
        await saveArchive(storage, vault, intake.archive());
        vault = await saveCoordinatorState(storage, vault, withCursor(vault.state, mailboxId, cursor.url, handledUpTo));
        const acked = await client.ack(mailboxId, pullToken, handledUpTo, reader);
        ackFailure = acked.ok ? null : acked;
        acknowledged = true;
        after = handledUpTo;
        unsaved = 0;
      }
      if (!more) break;
    }
    if (!acknowledged && failure === null) {
      const acked = await client.ack(mailboxId, pullToken, after, reader);
      ackFailure = acked.ok ? null : acked;
    }
    reports.push({ url: cursor.url, fetched, vanished, lastSeq: after, failure, ackFailure });
  }
  // Only what reports.bin already holds is receipted, so a device never hears "received" for a report a crash could lose.
  const receipts = await sendReceipts({
    storage,
    vault,
    archive: intake.archive(),
    mailboxId,
    clientFor,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.revokedDevices === undefined ? {} : { revokedDevices: options.revokedDevices }),
  });
  return {
    vault,
    receipts,
    archive: intake.archive(),
    summary: intake.summary(),
    relays: reports,
    gaps: intake.ledger.gaps(),
    equivocations: intake.ledger.equivocations(),
  };
}
