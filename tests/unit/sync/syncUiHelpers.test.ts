import { describe, expect, it } from 'vitest';
import type { OutboxSummary, ReportState } from '../../../src/store/storeApi';
import type { SyncState } from '../../../src/sync/syncState';
import { sync as en } from '../../../src/ui/sync/locales/en';
import { reviewStatus as kkReview, sync as kk } from '../../../src/ui/sync/locales/kk';
import { reviewStatus as ruReview, sync as ru } from '../../../src/ui/sync/locales/ru';
import { reportStateLabelKey } from '../../../src/ui/sync/reportStateLabelKey';
import { LONG_WAIT_MS, syncStatusLines } from '../../../src/ui/sync/syncStatusLines';
import { readInvite } from '../../../src/sync/readInvite';
import { takeInviteFromUrl } from '../../../src/ui/sync/takeInviteFromUrl';
import { testInvite } from './syncTestKit';

type Tree = { readonly [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join();
const lookup = (key: string) => new Map(leaves(en)).get(key);

const NOW = Date.UTC(2025, 2, 1, 12);
const summary = (queued: number, oldest: number | null = null): OutboxSummary => ({
  joined: true,
  reports: { local: 0, queued, delivered: 2 },
  unsealedVersions: 0,
  unsentBundles: queued,
  oldestUndeliveredSavedAt: oldest,
});

describe("the 'sync' namespace", () => {
  const english = new Map(leaves(en));

  it.each(Object.entries({ ru, kk }))('%s has exactly the English keys and placeholders, translated', (_, messages) => {
    const entries = leaves(messages);
    expect(entries.map(([key]) => key).sort()).toEqual([...english.keys()].sort());
    expect(entries.filter(([key, text]) => placeholders(text) !== placeholders(english.get(key) ?? ''))).toEqual([]);
    expect(entries.filter(([key, text]) => text === english.get(key) || text.trim() === '')).toEqual([]);
  });

  it('marks Russian and Kazakh as machine translations awaiting review', () => {
    expect([ruReview, kkReview]).toEqual(['machine-translated', 'machine-translated']);
  });

  it('labels every report state, with the words the issue asks for in English', () => {
    const states: ReportState[] = ['local', 'queued', 'delivered', 'acknowledged', 'removed'];
    expect(states.map((state) => lookup(reportStateLabelKey(state)))).toEqual(['On this phone only', 'Waiting to send', 'Delivered', 'Received by coordinator', 'Sent, removed from this phone']);
  });

  it('has a message for every status line the helper can produce', () => {
    const states: SyncState[] = [
      { kind: 'idle' },
      { kind: 'offline' },
      { kind: 'sealing' },
      { kind: 'uploading', sent: 1, total: 2 },
      ...(['network', 'rate-limited', 'relay-full', 'relay-unavailable', 'phone-storage-full', 'phone-storage-error'] as const).map((reason) => ({ kind: 'backing-off' as const, until: NOW, reason })),
      ...(['unauthorised', 'mailbox-gone', 'too-large', 'rejected'] as const).map((reason) => ({ kind: 'blocked' as const, reason })),
    ];
    const keys = states.flatMap((state) => syncStatusLines({ state, outbox: summary(3, NOW - 2 * LONG_WAIT_MS), revision: 1 }, NOW).map((line) => line.key));
    expect(keys.filter((key) => lookup(key) === undefined)).toEqual([]);
    expect(new Set(keys).size).toBeGreaterThanOrEqual(states.length);
  });
});

describe('syncStatusLines', () => {
  const lines = (state: SyncState, outbox: OutboxSummary) => syncStatusLines({ state, outbox, revision: 1 }, NOW).map((l) => [l.key, l.tone]);

  it('warns about reports waiting for more than a day, not before', () => {
    expect(lines({ kind: 'idle' }, summary(2, NOW - LONG_WAIT_MS))).toEqual([['status.waiting', 'info']]);
    expect(lines({ kind: 'idle' }, summary(2, NOW - LONG_WAIT_MS - 1))).toEqual([
      ['status.waiting', 'info'],
      ['status.waitingLong', 'warn'],
    ]);
  });

  it('shows a backoff or offline reason only while something waits, but a refusal always', () => {
    expect(lines({ kind: 'backing-off', until: NOW, reason: 'network' }, summary(0))).toEqual([['status.allDelivered', 'ok']]);
    expect(lines({ kind: 'offline' }, summary(0))).toEqual([['status.allDelivered', 'ok']]);
    expect(lines({ kind: 'blocked', reason: 'unauthorised' }, summary(0))).toEqual([
      ['status.allDelivered', 'ok'],
      ['status.blocked.unauthorised', 'warn'],
    ]);
    expect(lines({ kind: 'backing-off', until: NOW, reason: 'phone-storage-full' }, summary(1))).toEqual([
      ['status.waiting', 'info'],
      ['status.backoff.phone-storage-full', 'warn'],
    ]);
  });

  it('passes counts for the message', () => {
    expect(syncStatusLines({ state: { kind: 'uploading', sent: 1, total: 4 }, outbox: summary(3), revision: 1 }, NOW)).toEqual([
      { key: 'status.waiting', params: { n: 3 }, tone: 'info' },
      { key: 'status.sending', params: { sent: 1, total: 4 }, tone: 'info' },
    ]);
  });
});

describe('takeInviteFromUrl', () => {
  const payload = Buffer.from(JSON.stringify(testInvite())).toString('base64url');

  it('reads the #join= fragment and removes it from the address and the history entry at once', () => {
    const replaced: unknown[][] = [];
    const history = { state: { screen: 1 }, replaceState: (...args: unknown[]) => void replaced.push(args) };
    const text = takeInviteFromUrl({ hash: `#join=${payload}`, pathname: '/app/', search: '?x=1' }, history);
    expect(text).toBe(`#join=${payload}`);
    const result = readInvite(text ?? '');
    expect(result.ok && result.value.invite).toEqual(testInvite());
    expect(replaced).toEqual([[{ screen: 1 }, '', '/app/?x=1']]);
  });

  it('leaves other URLs alone, and reports a damaged invite (after removing it too)', () => {
    const replaced: unknown[][] = [];
    const history = { state: null, replaceState: (...args: unknown[]) => void replaced.push(args) };
    expect(takeInviteFromUrl({ hash: '', pathname: '/', search: '' }, history)).toBeNull();
    expect(takeInviteFromUrl({ hash: '#report', pathname: '/', search: '' }, history)).toBeNull();
    expect(replaced).toEqual([]);
    const damaged = takeInviteFromUrl({ hash: `#join=${payload.slice(0, 40)}`, pathname: '/', search: '' }, history);
    expect(readInvite(damaged ?? '')).toEqual({ ok: false, reason: 'malformed' });
    expect(replaced).toHaveLength(1);
  });
});
