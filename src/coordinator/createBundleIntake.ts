// Receives sealed bundles for one organisation, from a relay or an export file alike: checks the id,
// opens and verifies, feeds the ledger, and keeps every bundle it cannot accept aside with a reason.
// Nothing is final until the caller saves `archive()`; rejected bundles are written at once.
import { openBundleAsync } from '../bundle/openBundleAsync';
import type { BundleOpenFailure } from '../bundle/openBundle';
import { utf8Encode } from '../crypto/bytes';
import { contentIdAsync } from '../crypto/sha256';
import type { BoxKeyPair } from '../crypto/x25519';
import type { CoordinatorArchive, RejectedBundle } from './coordinatorArchive';
import { coordinatorFiles } from './CoordinatorStorage';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { AcceptOutcome, Ledger } from './ledger';
import { replayLedger } from './replayLedger';

export type IntakeRejection =
  | BundleOpenFailure
  /** The bytes do not hash to the id the relay listed them under. */
  | 'id-mismatch'
  | Exclude<AcceptOutcome, 'accepted' | 'duplicate'>;

export type IntakeOutcome =
  | { readonly kind: 'accepted'; readonly newReports: number; readonly newVersions: number }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'rejected'; readonly id: string; readonly reason: IntakeRejection };

export interface IntakeSummary {
  readonly newReports: number;
  readonly newVersions: number;
  readonly duplicates: number;
  readonly rejected: readonly { readonly id: string; readonly reason: IntakeRejection }[];
}

export interface BundleIntake {
  receive(bytes: Uint8Array, source: string, listedId?: string): Promise<IntakeOutcome>;
  /** The archive with everything received so far; save it before acknowledging anything. */
  archive(): CoordinatorArchive;
  /** The ledger of this organisation over everything ever received, for gaps. */
  readonly ledger: Ledger;
  summary(): IntakeSummary;
}

export interface BundleIntakeOptions {
  readonly storage: CoordinatorStorage;
  readonly archive: CoordinatorArchive;
  readonly mailboxId: string;
  readonly recipient: BoxKeyPair;
  /** This coordinator's key pairs from before a key renewal: a bundle sealed to one of them still opens. */
  readonly retiredRecipients?: readonly BoxKeyPair[];
  /** Devices whose bundles from now on are kept aside as 'revoked-device'; what was accepted before stays. */
  readonly revokedDevices?: ReadonlySet<string>;
  readonly now?: () => Date;
}

export function createBundleIntake(options: BundleIntakeOptions): BundleIntake {
  const { storage, mailboxId, recipient } = options;
  const now = options.now ?? (() => new Date());
  const ledger = replayLedger(options.archive, mailboxId);
  const seenVersions = new Set<string>();
  const seenReports = new Set<string>();
  const remember = (deviceId: string, versions: readonly { counter: number; reportId: string }[]): void => {
    for (const version of versions) {
      seenVersions.add(`${deviceId} ${version.counter}`);
      seenReports.add(`${deviceId} ${version.reportId}`);
    }
  };
  for (const version of ledger.versions()) remember(version.deviceId, [version]);
  const bundles = [...options.archive.bundles];
  const rejected = [...options.archive.rejected];
  const tally = { newReports: 0, newVersions: 0, duplicates: 0, rejected: [] as { id: string; reason: IntakeRejection }[] };

  async function reject(bytes: Uint8Array, id: string, reason: IntakeRejection, source: string): Promise<IntakeOutcome> {
    // Written before the caller acknowledges anything: a refused bundle is evidence, never dropped.
    await storage.write(coordinatorFiles.rejectedBundle(id), bytes);
    await storage.write(coordinatorFiles.rejectedReason(id), utf8Encode(`${reason}\n`));
    const record: RejectedBundle = { mailboxId, id, reason, source, receivedAt: now().toISOString() };
    if (!rejected.some((r) => r.id === id && r.reason === reason)) rejected.push(record);
    tally.rejected.push({ id, reason });
    return { kind: 'rejected', id, reason };
  }

  async function receive(bytes: Uint8Array, source: string, listedId?: string): Promise<IntakeOutcome> {
    const id = await contentIdAsync(bytes);
    if (listedId !== undefined && listedId !== id) return reject(bytes, id, 'id-mismatch', source);
    // Web Crypto's native curves where the platform has them: most of a bundle's cost is curve maths.
    let opened = await openBundleAsync(bytes, { mailboxId, recipientKeyPair: recipient });
    for (const retired of options.retiredRecipients ?? []) {
      if (opened.ok || opened.reason !== 'not-a-recipient') break;
      opened = await openBundleAsync(bytes, { mailboxId, recipientKeyPair: retired });
    }
    if (!opened.ok) return reject(bytes, id, opened.reason, source);
    const bundle = opened.value;
    if (options.revokedDevices?.has(bundle.deviceId) === true) return reject(bytes, id, 'revoked-device', source);
    const outcome = ledger.accept(bundle);
    if (outcome === 'duplicate') {
      tally.duplicates += 1;
      return { kind: 'duplicate' };
    }
    const archived = { ...bundle, mailboxId, source, receivedAt: now().toISOString() };
    if (outcome === 'equivocation') {
      // Kept once as evidence, however often the relay delivers it again.
      if (!bundles.some((held) => held.id === bundle.id)) bundles.push({ ...archived, outcome });
      return reject(bytes, id, outcome, source);
    }
    if (outcome !== 'accepted') return reject(bytes, id, outcome, source);
    const newVersions = bundle.versions.filter((v) => !seenVersions.has(`${bundle.deviceId} ${v.counter}`)).length;
    const newReports = new Set(bundle.versions.map((v) => v.reportId).filter((r) => !seenReports.has(`${bundle.deviceId} ${r}`))).size;
    remember(bundle.deviceId, bundle.versions);
    bundles.push({ ...archived, outcome });
    tally.newVersions += newVersions;
    tally.newReports += newReports;
    return { kind: 'accepted', newReports, newVersions };
  }

  return {
    receive,
    archive: () => ({ bundles: [...bundles], rejected: [...rejected] }),
    ledger,
    summary: () => ({ ...tally, rejected: [...tally.rejected] }),
  };
}
