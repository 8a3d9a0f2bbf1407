// Runs a relay: opens the data folder, purges expired bundles, listens, keeps purging on a timer.
import { buildRelay } from './buildRelay';
import type { RelayConfig } from './readRelayConfig';
import type { RelayLog } from './RelayDeps';
import { RelayStore } from './RelayStore';
import { startTtlPurger } from './startTtlPurger';

const PURGE_INTERVAL_MS = 10 * 60_000;

export interface RunningRelay {
  /** http://host:port actually bound (port 0 in the config becomes the port the OS chose). */
  readonly url: string;
  /** Stops accepting connections, finishes requests in flight, then closes the database. */
  close(): Promise<void>;
}

export type StartRelayResult =
  | { readonly ok: true; readonly relay: RunningRelay }
  | { readonly ok: false; readonly reason: 'newer-schema' | 'cannot-listen'; readonly message: string };

export async function startRelay(config: RelayConfig, version: string, log: RelayLog): Promise<StartRelayResult> {
  const opened = RelayStore.open(config.dataDir, config.maxStoreBytes);
  if (!opened.ok) {
    return {
      ok: false,
      reason: opened.reason,
      message: `The database in ${config.dataDir} has schema version ${opened.found}, written by a newer relay.`,
    };
  }
  const { store } = opened;
  const { frozenNowMs } = config;
  if (frozenNowMs !== null) {
    log.error(`DALA_TEST_NOW is set: the relay clock is frozen at ${new Date(frozenNowMs).toISOString()} (tests only).`);
  }
  const clock = frozenNowMs === null ? Date.now : () => frozenNowMs;
  const stopPurger = startTtlPurger({ store, clock, ttlMs: config.ttlMs, intervalMs: PURGE_INTERVAL_MS, log });
  const app = await buildRelay({ config, store, clock, version, log });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    stopPurger();
    await app.close();
    store.close();
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'cannot-listen', message: `Cannot listen on ${config.host}:${config.port}: ${detail}` };
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    ok: true,
    relay: {
      url: `http://${host}:${port}`,
      async close() {
        stopPurger();
        await app.close();
        store.close();
      },
    },
  };
}
