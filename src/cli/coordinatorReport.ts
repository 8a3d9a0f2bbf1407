// Plain-text lines for what a pull or an import did, for people reading a terminal.
import type { IntakeSummary } from '../coordinator/createBundleIntake';
import type { CounterRange } from '../coordinator/counterRanges';
import { deviceFingerprint } from '../coordinator/deviceFingerprint';
import type { DeviceGaps, Equivocation } from '../coordinator/ledger';
import type { RelayCallFailure } from '../coordinator/relayClient';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function rangeText(range: CounterRange): string {
  return range.first === range.last ? `${range.first}` : `${range.first}–${range.last}`;
}

/** "report 7 never arrived" / "reports 2, 41–43 never arrived". */
export function describeMissing(missing: readonly CounterRange[]): string {
  const single = missing.length === 1 && missing[0]?.first === missing[0]?.last;
  return `${single ? 'report' : 'reports'} ${missing.map(rangeText).join(', ')} never arrived`;
}

export function describeRelayFailure(failure: RelayCallFailure): string {
  switch (failure.reason) {
    case 'unreachable':
      return `unreachable (${failure.detail})`;
    case 'bad-response':
      return `answered outside the relay API (${failure.detail})`;
    case 'http-error': {
      const retry = failure.retryAfterSeconds === null ? '' : `; retry after ${failure.retryAfterSeconds} s`;
      return `HTTP ${failure.status}${failure.code === null ? '' : ` ${failure.code}`}: ${failure.message}${retry}`;
    }
  }
}

export function describeIntake(
  summary: IntakeSummary,
  gaps: readonly DeviceGaps[],
  equivocations: readonly Equivocation[],
  rejectedFolder: string,
): string[] {
  const lines = [
    `  arrived: ${plural(summary.newReports, 'new report', 'new reports')}, ${plural(summary.newVersions, 'new version', 'new versions')}`,
    `  duplicates ignored: ${summary.duplicates}`,
    `  rejected: ${summary.rejected.length}${summary.rejected.length === 0 ? '' : ` (kept in ${rejectedFolder})`}`,
  ];
  for (const { id, reason } of summary.rejected) lines.push(`    ${id}: ${reason}`);
  for (const device of gaps) {
    if (device.missing.length > 0) lines.push(`  device ${deviceFingerprint(device.deviceId)}: ${describeMissing(device.missing)}`);
  }
  for (const equivocation of equivocations) {
    lines.push(
      `  device ${deviceFingerprint(equivocation.deviceId)}: signed different contents for ${equivocation.counters.length === 1 ? 'report' : 'reports'} ${equivocation.counters.join(', ')} (bundle ${equivocation.bundleId} not merged)`,
    );
  }
  return lines;
}
