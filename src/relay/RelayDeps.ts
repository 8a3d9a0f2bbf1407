import type { RelayConfig } from './readRelayConfig';
import type { RelayStore } from './RelayStore';

/** Where the relay writes its few log lines; never given request data beyond method, route pattern and status. */
export interface RelayLog {
  info(line: string): void;
  error(line: string): void;
}

/** What the HTTP layer needs; the clock is injectable so the time-to-live can be tested. */
export interface RelayDeps {
  readonly config: RelayConfig;
  readonly store: RelayStore;
  readonly clock: () => number;
  readonly version: string;
  readonly log: RelayLog;
}
