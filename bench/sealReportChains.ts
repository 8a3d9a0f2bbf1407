// Sealed bundles as devices produce them (sealBundle, counters from 1, hashes chained), for the relay
// and coordinator benchmarks in Node.
import type { SealedBundle } from '../src/bundle/sealBundle';
import { sealBundle } from '../src/bundle/sealBundle';
import { sha256 } from '../src/crypto/sha256';
import { generateSigningKeyPair } from '../src/crypto/signingKeys';
import { sampleReport } from './sampleReport';

export interface SealReportChainsOptions {
  readonly mailboxId: string;
  /** The coordinators' X25519 public keys. */
  readonly recipients: readonly Uint8Array[];
  readonly devices: number;
  /** Report versions in all, spread round-robin over the devices' bundles. */
  readonly reports: number;
  /** How many versions the i-th bundle of a device holds (1..64); the last one may hold fewer. */
  readonly versionsPerBundle: (i: number) => number;
}

/**
 * Seals `reports` new reports from `devices` fresh devices; the bundles come back interleaved across
 * devices (as a relay would list them) and in chain order per device.
 */
export function sealReportChains(options: SealReportChainsOptions): SealedBundle[] {
  const { mailboxId, recipients, devices, reports, versionsPerBundle } = options;
  if (!Number.isSafeInteger(devices) || devices < 1) throw new RangeError(`sealReportChains: options.devices must be >= 1, got ${devices}`);
  const chains = Array.from({ length: devices }, (_, d) => {
    const share = Math.floor(reports / devices) + (d < reports % devices ? 1 : 0);
    const device = generateSigningKeyPair();
    const bundles: SealedBundle[] = [];
    let previousBundleHash: Uint8Array = new Uint8Array(32);
    let counter = 1;
    while (counter <= share) {
      const count = Math.min(versionsPerBundle(bundles.length), share - counter + 1);
      const versions = Array.from({ length: count }, (_, i) => {
        const report = sampleReport(counter + i);
        return { reportId: report.id, version: 1, counter: counter + i, savedAt: Date.now(), report };
      });
      const sealed = sealBundle({ mailboxId, recipients, device, versions, previousBundleHash });
      if (!sealed.ok) throw new Error(`sealReportChains: sealBundle answered ${sealed.reason}`);
      bundles.push(sealed.value);
      previousBundleHash = sha256(sealed.value.bytes);
      counter += count;
    }
    return bundles;
  });
  const longest = Math.max(...chains.map((chain) => chain.length));
  return Array.from({ length: longest }, (_, i) => chains.flatMap((chain) => chain[i] ?? [])).flat();
}
