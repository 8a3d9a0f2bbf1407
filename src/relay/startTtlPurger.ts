// Deletes bundles nobody collected within the time-to-live: once now, then on a timer.
import { expiryCutoff } from './expiryCutoff';
import type { RelayLog } from './RelayDeps';
import type { RelayStore } from './RelayStore';

export interface TtlPurgerOptions {
  readonly store: RelayStore;
  readonly clock: () => number;
  readonly ttlMs: number;
  readonly intervalMs: number;
  readonly log: RelayLog;
}

/** Purges at once (throwing if that fails), then every intervalMs (logging failures); returns a stop function. */
export function startTtlPurger({ store, clock, ttlMs, intervalMs, log }: TtlPurgerOptions): () => void {
  const purge = (): number => store.purgeReceivedAtOrBefore(expiryCutoff(clock(), ttlMs));
  purge();
  const timer = setInterval(() => {
    try {
      purge();
    } catch (error) {
      log.error(`Purging expired bundles failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, intervalMs);
  // The timer alone must not keep the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
