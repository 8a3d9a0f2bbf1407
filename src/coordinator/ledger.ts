// What a coordinator has received, per device and counter: pure and in memory (P4, P6). Each
// (device, counter) is counted once however often it arrives; gaps below a device's highest counter
// are reported; a device that signs two different contents for one counter is flagged, not merged.
import type { BundleVersion } from '../bundle/bundleVersion';
import type { OpenedBundle } from '../bundle/openBundle';
import { canonicalJson } from './canonicalJson';
import { missingRanges } from './counterRanges';
import type { CounterRange } from './counterRanges';

export type AcceptOutcome =
  /** At least one (device, counter) was new; any others in the bundle were identical copies. */
  | 'accepted'
  /** Everything in the bundle was already held, identically: a duplicate delivery or a replay. */
  | 'duplicate'
  /** The device signed content that contradicts what it signed before; nothing of this bundle is merged. */
  | 'equivocation'
  /** Not one of the enrolled devices (when the ledger was given the enrolled list). */
  | 'unknown-device'
  | 'revoked-device';

export interface AcceptedVersion extends BundleVersion {
  readonly deviceId: string;
  /** The bundle this (device, counter) was first accepted from. */
  readonly bundleId: string;
}

export interface DeviceGaps {
  readonly deviceId: string;
  readonly highestCounter: number;
  /**
   * Counters below the highest that never arrived intact. Counters above the highest are invisible
   * here: a withheld tail looks like a device that has not sent yet (see BUNDLE_FORMAT.md §7).
   */
  readonly missing: readonly CounterRange[];
}

export interface Equivocation {
  readonly deviceId: string;
  readonly bundleId: string;
  /** Counters of the refused bundle whose content disagrees with what is held. */
  readonly counters: readonly number[];
}

export interface LedgerReport {
  readonly deviceId: string;
  readonly reportId: string;
  /** Oldest first; the last one is the current text. */
  readonly versions: readonly AcceptedVersion[];
}

export interface Ledger {
  accept(bundle: OpenedBundle): AcceptOutcome;
  /** Every device with at least one accepted version, by device id. */
  gaps(): DeviceGaps[];
  /** Every accepted version once, by device id and counter. */
  versions(): AcceptedVersion[];
  /** Accepted versions grouped by (device, report): a device can only amend its own reports. */
  reports(): LedgerReport[];
  equivocations(): Equivocation[];
}

export interface LedgerOptions {
  /** Device ids (base64url Ed25519 public keys) allowed to submit; when absent, any signing key is accepted. */
  readonly enrolledDevices?: Iterable<string>;
  /** Device ids whose bundles are refused from now on (e.g. a phone that was seized). */
  readonly revokedDevices?: Iterable<string>;
}

interface Held {
  readonly version: AcceptedVersion;
  /** The version exactly as it came out of the bundle. */
  readonly signed: BundleVersion;
  /**
   * canonicalJson of the version as the device signed it (equal texts mean equal content), worked out
   * only when another copy of this counter arrives: most versions are never compared.
   */
  canonical: string | null;
}

interface DeviceRecord {
  readonly byCounter: Map<number, Held>;
  /** `${reportId} ${version}` -> counter: one report version is one counter. */
  readonly counterOfVersion: Map<string, number>;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function versionKey(version: BundleVersion): string {
  return `${version.reportId} ${version.version}`;
}

export function createLedger(options: LedgerOptions = {}): Ledger {
  const enrolled = options.enrolledDevices === undefined ? null : new Set(options.enrolledDevices);
  const revoked = new Set(options.revokedDevices ?? []);
  const devices = new Map<string, DeviceRecord>();
  const equivocations = new Map<string, Equivocation>();

  function canonicalOf(held: Held): string {
    held.canonical ??= canonicalJson(held.signed);
    return held.canonical;
  }

  function conflicts(record: DeviceRecord | undefined, incoming: readonly BundleVersion[]): number[] {
    const claimed = new Map<string, number>();
    const conflicting: number[] = [];
    for (const version of incoming) {
      const held = record?.byCounter.get(version.counter);
      const key = versionKey(version);
      const counterOfVersion = record?.counterOfVersion.get(key) ?? claimed.get(key);
      const differentContent = held !== undefined && canonicalOf(held) !== canonicalJson(version);
      const versionElsewhere = counterOfVersion !== undefined && counterOfVersion !== version.counter;
      if (differentContent || versionElsewhere) conflicting.push(version.counter);
      claimed.set(key, version.counter);
    }
    return conflicting;
  }

  function accept(bundle: OpenedBundle): AcceptOutcome {
    const { deviceId } = bundle;
    if (revoked.has(deviceId)) return 'revoked-device';
    if (enrolled !== null && !enrolled.has(deviceId)) return 'unknown-device';
    const record = devices.get(deviceId);
    const incoming = bundle.versions;
    const conflicting = conflicts(record, incoming);
    if (conflicting.length > 0) {
      equivocations.set(bundle.id, { deviceId, bundleId: bundle.id, counters: conflicting });
      return 'equivocation';
    }
    const fresh = incoming.filter((version) => record?.byCounter.get(version.counter) === undefined);
    if (fresh.length === 0) return 'duplicate';
    const target = record ?? { byCounter: new Map<number, Held>(), counterOfVersion: new Map<string, number>() };
    devices.set(deviceId, target);
    for (const version of fresh) {
      target.byCounter.set(version.counter, { version: { ...version, deviceId, bundleId: bundle.id }, signed: version, canonical: null });
      target.counterOfVersion.set(versionKey(version), version.counter);
    }
    return 'accepted';
  }

  function sortedDevices(): [string, DeviceRecord][] {
    return [...devices.entries()].sort(([a], [b]) => byText(a, b));
  }

  function versions(): AcceptedVersion[] {
    return sortedDevices().flatMap(([, record]) =>
      [...record.byCounter.values()].map((held) => held.version).sort((a, b) => a.counter - b.counter),
    );
  }

  return {
    accept,
    gaps: () =>
      sortedDevices().map(([deviceId, record]) => ({
        deviceId,
        highestCounter: [...record.byCounter.keys()].reduce((a, b) => Math.max(a, b), 0),
        missing: missingRanges(record.byCounter.keys()),
      })),
    versions,
    reports: () => {
      const grouped = new Map<string, { deviceId: string; reportId: string; versions: AcceptedVersion[] }>();
      for (const version of versions()) {
        const key = `${version.deviceId} ${version.reportId}`;
        const group = grouped.get(key) ?? { deviceId: version.deviceId, reportId: version.reportId, versions: [] };
        group.versions.push(version);
        grouped.set(key, group);
      }
      return [...grouped.values()].map((group) => ({ ...group, versions: group.versions.sort((a, b) => a.version - b.version) }));
    },
    equivocations: () => [...equivocations.values()],
  };
}
