import type { ReportState } from '../../store/storeApi';
import type { SyncKey } from './useSyncT';

/** The 'sync' message key of a report's delivery state: "On this phone only", "Waiting to send", "Delivered"… */
export function reportStateLabelKey(state: ReportState): SyncKey {
  return `reportState.${state}`;
}
