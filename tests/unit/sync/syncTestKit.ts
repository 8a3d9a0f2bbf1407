// Shared set-up for the sync tests: an invite with deterministic coordinator keys, an in-memory relay
// with the PUT semantics of src/relay (201 new, 200 same bytes), and an engine wired to fakes.
import { openBundle } from '../../../src/bundle/openBundle';
import type { OpenedBundle } from '../../../src/bundle/openBundle';
import { toBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { contentId, sha256 } from '../../../src/crypto/sha256';
import { signingKeyPairFromSeed } from '../../../src/crypto/signingKeys';
import { boxKeyPairFromSecretKey } from '../../../src/crypto/x25519';
import type { BoxKeyPair } from '../../../src/crypto/x25519';
import { createFakeClock } from '../../../src/platform/fakeClock';
import type { FakeClock } from '../../../src/platform/fakeClock';
import { createFakeHttp } from '../../../src/platform/fakeHttp';
import type { FakeHttp, FakeHttpAnswer } from '../../../src/platform/fakeHttp';
import { createFakeOnlineStatus } from '../../../src/platform/fakeOnlineStatus';
import type { FakeOnlineStatus } from '../../../src/platform/fakeOnlineStatus';
import { createFakePageVisibility } from '../../../src/platform/fakePageVisibility';
import type { FakePageVisibility } from '../../../src/platform/fakePageVisibility';
import type { HttpRequest } from '../../../src/platform/http';
import { createMemoryExclusiveLock } from '../../../src/platform/memoryExclusiveLock';
import type { ExclusiveLock } from '../../../src/platform/exclusiveLock';
import type { Invite } from '../../../src/protocol/invite';
import type { VaultSession } from '../../../src/store/storeApi';
import { createSyncEngine } from '../../../src/sync/createSyncEngine';
import type { SyncEngine } from '../../../src/sync/createSyncEngine';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const derived = (label: string): Uint8Array => sha256(utf8Encode(label));

export const MAILBOX_ID = b64(derived('mailbox').subarray(0, 16));
export const UPLOAD_TOKEN = b64(derived('upload token'));
export const RELAY_A = 'https://relay-a.example';
export const RELAY_B = 'https://relay-b.example';

/** Coordinator key pairs derived from a label, so fixtures and tests agree on them. */
export function coordinatorKeys(label: string): { box: BoxKeyPair; signPublicKey: Uint8Array } {
  return { box: boxKeyPairFromSecretKey(derived(`box:${label}`)), signPublicKey: signingKeyPairFromSeed(derived(`sign:${label}`)).publicKey };
}

export const COORDINATORS = [coordinatorKeys('Aigerim'), coordinatorKeys('Daniyar')] as const;

export function testInvite(overrides: Partial<Invite> = {}): Invite {
  return {
    version: 1,
    organisation: 'Бостандық мониторинг',
    mailboxId: MAILBOX_ID,
    uploadToken: UPLOAD_TOKEN,
    relays: [RELAY_A, RELAY_B],
    coordinators: COORDINATORS.map((keys, i) => ({
      name: ['Aigerim', 'Daniyar'][i] ?? 'Coordinator',
      boxPublicKey: toBase64Url(keys.box.publicKey),
      signPublicKey: toBase64Url(keys.signPublicKey),
    })),
    ...overrides,
  };
}

export interface StoredBundle {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly seq: number;
}

export interface FakeRelay extends FakeHttp {
  /** Bundles stored, in arrival order. */
  readonly stored: () => readonly StoredBundle[];
  /** Every request fails without an answer (no network). */
  partitioned: boolean;
  /** The next N uploads are stored, but the answer is lost (the client sees a network error). */
  loseResponses: number;
  /** Called after a bundle is durably stored, before the answer is sent (e.g. to crash the client). */
  afterStore: (() => void) | null;
  /** Answers this instead of handling the request, while set. */
  override: FakeHttpAnswer | null;
}

const PUT_PATH = /^\/v1\/mailboxes\/([^/]+)\/bundles\/([^/]+)$/;

/** One relay (or several origins serving the same mailbox) in memory, with the relay's PUT semantics. */
export function createFakeRelay(options: { origins?: readonly string[]; mailboxId?: string; uploadToken?: string } = {}): FakeRelay {
  const origins = new Set(options.origins ?? [RELAY_A, RELAY_B]);
  const mailboxId = options.mailboxId ?? MAILBOX_ID;
  const token = options.uploadToken ?? UPLOAD_TOKEN;
  const byId = new Map<string, StoredBundle>();
  let seq = 0;
  const error = (status: number, code: string): FakeHttpAnswer => ({ status, body: { error: { code, message: code } } });

  const handle = (request: HttpRequest): FakeHttpAnswer => {
    if (relay.partitioned) return 'network-error';
    if (relay.override !== null) return relay.override;
    const url = new URL(request.url);
    if (!origins.has(url.origin)) return 'network-error';
    const match = PUT_PATH.exec(url.pathname);
    if (request.method !== 'PUT' || match === null) return error(404, 'not_found');
    if (request.headers.authorization === undefined) return error(401, 'unauthorized');
    if (match[1] !== mailboxId) return error(404, 'unknown_mailbox');
    if (request.headers.authorization !== `Bearer ${token}`) return error(403, 'forbidden');
    const body = request.body ?? new Uint8Array();
    if (body.length === 0) return error(400, 'empty_body');
    if (contentId(body) !== match[2]) return error(400, 'id_mismatch');
    const existing = byId.get(match[2] ?? '');
    let status = 200;
    let stored = existing;
    if (existing === undefined) {
      stored = { id: match[2] ?? '', bytes: body.slice(), seq: (seq += 1) };
      byId.set(stored.id, stored);
      status = 201;
    } else if (b64(existing.bytes) !== b64(body)) {
      return error(409, 'conflict');
    }
    relay.afterStore?.();
    if (relay.loseResponses > 0) {
      relay.loseResponses -= 1;
      return 'network-error';
    }
    return { status, body: { seq: stored?.seq } };
  };

  const fake = createFakeHttp((request) => handle(request));
  const relay: FakeRelay = {
    ...fake,
    stored: () => [...byId.values()].sort((a, b) => a.seq - b.seq),
    partitioned: false,
    loseResponses: 0,
    afterStore: null,
    override: null,
  };
  return relay;
}

/** Every bundle the relay holds, opened as the first coordinator; throws if any fails to open. */
export function openStoredBundles(relay: FakeRelay, mailboxId = MAILBOX_ID): OpenedBundle[] {
  return relay.stored().map((stored) => {
    const opened = openBundle(stored.bytes, { mailboxId, recipientKeyPair: COORDINATORS[0].box });
    if (!opened.ok) throw new Error(`a stored bundle does not open: ${opened.reason}`);
    return opened.value;
  });
}

export interface TestEngine {
  readonly engine: SyncEngine;
  readonly clock: FakeClock;
  readonly online: FakeOnlineStatus;
  readonly visibility: FakePageVisibility;
}

export function createTestEngine(session: VaultSession, relay: FakeHttp, overrides: { locks?: ExclusiveLock; clock?: FakeClock; random?: () => number } = {}): TestEngine {
  const clock = overrides.clock ?? createFakeClock(Date.UTC(2025, 2, 1, 12));
  const online = createFakeOnlineStatus(true);
  const visibility = createFakePageVisibility(true);
  const engine = createSyncEngine({
    session,
    http: relay.http,
    clock,
    online,
    visibility,
    locks: overrides.locks ?? createMemoryExclusiveLock(),
    random: overrides.random ?? (() => 0.5),
  });
  return { engine, clock, online, visibility };
}
