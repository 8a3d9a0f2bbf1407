// The purge timer, in this process with an injected clock (the process tests cover purge at start).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashToken } from '../../src/relay/hashToken';
import { RelayStore } from '../../src/relay/RelayStore';
import { startTtlPurger } from '../../src/relay/startTtlPurger';
import { makeTempDir } from './relayProcess';

const DAY = 86_400_000;
const START = Date.parse('2025-01-01T10:30:00Z');

let store: RelayStore;
let now = START;
const log = { info: vi.fn<(line: string) => void>(), error: vi.fn<(line: string) => void>() };

beforeEach(() => {
  vi.useFakeTimers();
  const opened = RelayStore.open(join(makeTempDir('purger'), 'data'), 1024 * 1024);
  if (!opened.ok) throw new Error(opened.reason);
  store = opened.store;
  store.createMailbox('m', { uploadTokenHash: hashToken('up'), pullTokenHash: hashToken('pull') });
  now = START;
});

afterEach(() => {
  vi.useRealTimers();
});

const ids = (): string[] => store.listBundles('m', 0, 100).bundles.map((b) => b.bundleId);

describe('startTtlPurger', () => {
  it('purges at start, then on every tick, and stops when asked', () => {
    store.putBundle('m', 'ancient', Buffer.from('a'), START - 40 * DAY);
    store.putBundle('m', 'fresh', Buffer.from('f'), START);
    const stop = startTtlPurger({ store, clock: () => now, ttlMs: 30 * DAY, intervalMs: 60_000, log });
    expect(ids()).toEqual(['fresh']);

    now = START + 31 * DAY;
    vi.advanceTimersByTime(60_000);
    expect(ids()).toEqual([]);

    stop();
    store.putBundle('m', 'later', Buffer.from('l'), START);
    vi.advanceTimersByTime(10 * 60_000);
    expect(ids()).toEqual(['later']);
    store.close();
  });

  it('logs a failed purge on the timer instead of crashing the relay', () => {
    const stop = startTtlPurger({ store, clock: () => now, ttlMs: DAY, intervalMs: 1000, log });
    store.close();
    vi.advanceTimersByTime(1000);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('Purging expired bundles failed'));
    stop();
  });
});
