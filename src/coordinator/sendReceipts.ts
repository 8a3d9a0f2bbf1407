// After a pull is stored and acknowledged, tells each device what the coordinator now holds of it: one
// sealed, signed receipt per device into its device mailbox on every relay (PROTOCOL.md, "Receipts").
// Receipts are cumulative, so receipts.bin only records how many counters each device's last delivered
// receipt covered; a device whose receipt could not be delivered is simply sent one on the next run.
import { z } from 'zod';
import { sealReceipt } from '../bundle/sealReceipt';
import { fromBase64Url, utf8Encode } from '../crypto/bytes';
import { decryptWithKey, encryptWithKey } from '../crypto/secretbox';
import { contentId } from '../crypto/sha256';
import type { CoordinatorArchive } from './coordinatorArchive';
import { coordinatorIdentity } from './coordinatorIdentity';
import { coordinatorFiles } from './CoordinatorStorage';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';
import type { CounterRange } from './counterRanges';
import type { RelayCallFailure, RelayClient } from './relayClient';
import { replayLedger } from './replayLedger';

const RECEIPTS_FILE_VERSION = 1;

const receiptsFileSchema = z.strictObject({
  version: z.literal(RECEIPTS_FILE_VERSION),
  /** mailboxId -> deviceId -> number of that device's counters covered by its last delivered receipt. */
  sent: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
});
type ReceiptsFile = z.infer<typeof receiptsFileSchema>;

export interface ReceiptSendReport {
  /** Devices that were sent a receipt on at least one relay. */
  readonly sent: number;
  /** Devices whose receipt no relay took; the next run tries again. */
  readonly failed: readonly { readonly deviceId: string; readonly failures: readonly { readonly url: string; readonly failure: RelayCallFailure }[] }[];
}

export interface SendReceiptsOptions {
  readonly storage: CoordinatorStorage;
  readonly vault: CoordinatorVault;
  readonly archive: CoordinatorArchive;
  readonly mailboxId: string;
  readonly clientFor: (url: string) => RelayClient;
  /** Devices that get no receipt (e.g. a phone known to be seized). */
  readonly revokedDevices?: ReadonlySet<string>;
  readonly now?: () => Date;
}

async function loadReceiptsFile(storage: CoordinatorStorage, vault: CoordinatorVault): Promise<ReceiptsFile> {
  const sealed = await storage.read(coordinatorFiles.receipts);
  if (sealed === null) return { version: RECEIPTS_FILE_VERSION, sent: {} };
  const opened = decryptWithKey(vault.dataKey, sealed);
  // The file only saves work: if it cannot be read, every device is sent a (harmless, cumulative) receipt again.
  if (!opened.ok) return { version: RECEIPTS_FILE_VERSION, sent: {} };
  try {
    const parsed = receiptsFileSchema.safeParse(JSON.parse(new TextDecoder().decode(opened.value)));
    return parsed.success ? parsed.data : { version: RECEIPTS_FILE_VERSION, sent: {} };
  } catch {
    return { version: RECEIPTS_FILE_VERSION, sent: {} };
  }
}

/** Sorted counters -> inclusive contiguous ranges. */
function toRanges(counters: readonly number[]): CounterRange[] {
  const ranges: CounterRange[] = [];
  for (const counter of counters) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && counter === last.last + 1) ranges[ranges.length - 1] = { first: last.first, last: counter };
    else ranges.push({ first: counter, last: counter });
  }
  return ranges;
}

export async function sendReceipts(options: SendReceiptsOptions): Promise<ReceiptSendReport> {
  const { storage, vault, mailboxId, clientFor } = options;
  const organisation = vault.state.organisations.find((org) => org.mailboxId === mailboxId);
  if (organisation === undefined) throw new RangeError(`sendReceipts: no organisation with mailboxId ${mailboxId}`);
  const now = (options.now ?? (() => new Date()))();
  const signer = coordinatorIdentity(vault.state).sign;
  const countersByDevice = new Map<string, number[]>();
  for (const version of replayLedger(options.archive, mailboxId).versions()) {
    const counters = countersByDevice.get(version.deviceId) ?? [];
    counters.push(version.counter);
    countersByDevice.set(version.deviceId, counters);
  }

  const file = await loadReceiptsFile(storage, vault);
  const sentHere = { ...(file.sent[mailboxId] ?? {}) };
  let sent = 0;
  const failed: { deviceId: string; failures: { url: string; failure: RelayCallFailure }[] }[] = [];
  for (const [deviceId, counters] of countersByDevice) {
    // The ledger only grows, so an unchanged count means the last delivered receipt still says it all.
    if (options.revokedDevices?.has(deviceId) === true || (sentHere[deviceId] ?? 0) >= counters.length) continue;
    const devicePublicKey = fromBase64Url(deviceId);
    const receipt = devicePublicKey === null ? null : sealReceipt({ devicePublicKey, organisationMailbox: mailboxId, counters: toRanges(counters.sort((a, b) => a - b)), coordinator: signer, now: now.getTime() });
    // A device id comes from a verified bundle signature, so it always converts; nothing to send otherwise.
    if (receipt === null) continue;
    const messageId = contentId(receipt.bytes);
    const failures: { url: string; failure: RelayCallFailure }[] = [];
    for (const relay of organisation.relays) {
      const put = await clientFor(relay.url).putDeviceMessage(receipt.deviceMailbox, organisation.pullToken, messageId, receipt.bytes);
      if (!put.ok) failures.push({ url: relay.url, failure: put });
    }
    if (failures.length < organisation.relays.length) {
      sentHere[deviceId] = counters.length;
      sent += 1;
    } else {
      failed.push({ deviceId, failures });
    }
  }
  if (sent > 0) {
    const next: ReceiptsFile = { version: RECEIPTS_FILE_VERSION, sent: { ...file.sent, [mailboxId]: sentHere } };
    await storage.write(coordinatorFiles.receipts, encryptWithKey(vault.dataKey, utf8Encode(JSON.stringify(next))));
  }
  return { sent, failed };
}
