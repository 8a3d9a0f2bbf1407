import type { SyncSnapshot } from '../../sync/createSyncEngine';
import type { SyncKey } from './useSyncT';

export interface StatusLine {
  readonly key: SyncKey;
  readonly params?: Readonly<Record<string, number>>;
  readonly tone: 'ok' | 'info' | 'warn';
}

/** Past this, waiting reports get a warning: a day offline is when "Export unsent" starts to matter. */
export const LONG_WAIT_MS = 24 * 60 * 60 * 1000;

/** What the home screen's sync line says, from the engine's snapshot (pure, so every case is tested). */
export function syncStatusLines({ state, outbox }: SyncSnapshot, now: number): StatusLine[] {
  if (outbox === null) return [];
  if (!outbox.joined) return [{ key: 'status.notJoined', tone: 'info' }];
  const waiting = outbox.reports.queued;
  const lines: StatusLine[] = [];
  if (waiting === 0) {
    if (outbox.reports.delivered > 0) lines.push({ key: 'status.allDelivered', tone: 'ok' });
  } else {
    lines.push({ key: 'status.waiting', params: { n: waiting }, tone: 'info' });
    const oldest = outbox.oldestUndeliveredSavedAt;
    if (oldest !== null && now - oldest > LONG_WAIT_MS) lines.push({ key: 'status.waitingLong', tone: 'warn' });
  }
  switch (state.kind) {
    case 'blocked':
      lines.push({ key: `status.blocked.${state.reason}`, tone: 'warn' });
      break;
    case 'backing-off':
      if (waiting > 0) lines.push({ key: `status.backoff.${state.reason}`, tone: state.reason.startsWith('phone-') ? 'warn' : 'info' });
      break;
    case 'offline':
      if (waiting > 0) lines.push({ key: 'status.offline', tone: 'info' });
      break;
    case 'sealing':
      lines.push({ key: 'status.sealing', tone: 'info' });
      break;
    case 'uploading':
      if (state.total > 0) lines.push({ key: 'status.sending', params: { sent: state.sent, total: state.total }, tone: 'info' });
      break;
    case 'idle':
    case 'stopped':
      break;
  }
  return lines;
}
