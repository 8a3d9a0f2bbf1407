// The outbox model test (issue: acceptance criterion). Random sequences of saves (short and long, online
// and offline, where only full bundles are sealed), flushes, crashes (also between a relay's answer and
// its record), lost responses and network partitions run against the real store (fake-indexeddb) and
// sync engine and an in-memory relay with the relay's PUT semantics. After every step:
//   - nothing shown as saved is lost: each saved version is at the relay or still in the outbox;
//   - the relay never holds a version twice (retries are byte-identical, so they land on the same id);
// and after healing and one "Sync now", everything is delivered, once, in one unbroken chain.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/crypto/sha256';
import type { DalaStore, VaultSession } from '../../../src/store/storeApi';
import type { FakeOnlineStatus } from '../../../src/platform/fakeOnlineStatus';
import type { SyncEngine } from '../../../src/sync/createSyncEngine';
import type { SyncTrigger } from '../../../src/sync/syncState';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import type { Report } from '../../../src/domain/report';
import { createdStore, openTestStore, PASSPHRASE, sampleReport } from '../store/storeTestKit';
import { readOutboxRaw } from './readOutboxRaw';
import { createFakeRelay, createTestEngine, openStoredBundles, RELAY_A, testInvite } from './syncTestKit';
import type { FakeRelay } from './syncTestKit';

interface Model {
  /** Every version the store answered ok for: "saved" as far as the monitor is told. */
  readonly saved: { reportId: string; version: number; counter: number }[];
  readonly reports: Report[];
}

interface Real {
  readonly dbName: string;
  store: DalaStore;
  session: VaultSession;
  engine: SyncEngine;
  readonly relay: FakeRelay;
  /** The app dies as it is about to record a relay's answer (after the PUT was answered). */
  crashBeforeMark: boolean;
  /** What the browser says (navigator.onLine); offline runs seal only full bundles and upload nothing. */
  offline: boolean;
  online: FakeOnlineStatus;
}

/** Sets the browser's online status; coming online flushes (the 'online' event), awaited here. */
async function setOffline(real: Real, offline: boolean): Promise<void> {
  real.offline = offline;
  real.online.set(!offline);
  // Joins the run the 'online' event just asked for, if any, so the next step does not race it.
  if (!offline) await real.engine.trigger('online');
}

/** The session the engine uses: the real one, which can be made to die just before it records an answer. */
function engineSession(real: Real): VaultSession {
  const { session, store } = real;
  return {
    ...session,
    markBundlesDelivered: (deliveries) => {
      if (real.crashBeforeMark) store.close();
      return session.markBundlesDelivered(deliveries);
    },
  };
}

async function startEngine(real: Real): Promise<void> {
  const test = createTestEngine(engineSession(real), real.relay);
  test.online.set(!real.offline);
  real.engine = test.engine;
  real.online = test.online;
  real.engine.start();
  await real.engine.trigger('start');
}

/** Drops every bit of in-memory state: the store (and its key), the session, the engine; then a cold start. */
async function crashAndRestart(real: Real): Promise<void> {
  real.engine.stop();
  real.store.close();
  real.store = openTestStore(real.dbName);
  const unlocked = await real.store.unlock(PASSPHRASE);
  if (!unlocked.ok) throw new Error(`unlock after crash: ${unlocked.reason}`);
  real.session = unlocked.value;
  await startEngine(real);
}

async function checkInvariants(model: Model, real: Real): Promise<void> {
  const atRelay = openStoredBundles(real.relay).flatMap((bundle) => bundle.versions.map((v) => v.counter));
  expect(atRelay.length, 'the relay holds a version twice').toBe(new Set(atRelay).size);
  const relayHas = new Set(atRelay);
  const outbox = new Map((await readOutboxRaw(real.dbName)).map((row) => [row.counter, row]));
  for (const { counter, reportId, version } of model.saved) {
    const row = outbox.get(counter);
    expect(row && [row.reportId, row.version], `saved version ${counter} has no outbox row`).toEqual([reportId, version]);
    if (row?.state === 'delivered') expect(relayHas.has(counter), `version ${counter} marked delivered but not at the relay`).toBe(true);
    else expect(['unsealed', 'sealed']).toContain(row?.state);
  }
}

/** About 16 KB of JSON: four fill a 64 KiB bundle, so offline saves seal full bundles too. */
const LONG_NARRATIVE = 'Полиция пришла ночью, изъяла телефон и ноутбук. '.repeat(160);

class Save implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly amend: number | null,
    readonly long: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const base = this.amend === null ? undefined : model.reports[this.amend % Math.max(1, model.reports.length)];
    const narrative = this.long ? LONG_NARRATIVE : undefined;
    const report = base === undefined ? sampleReport(narrative === undefined ? {} : { narrative }) : { ...base, narrative: narrative ?? `${base.narrative} +` };
    const saved = await real.session.saveReport(report);
    if (!saved.ok) throw new Error(`save failed: ${saved.reason}`);
    model.saved.push({ reportId: saved.value.reportId, version: saved.value.version, counter: saved.value.counter });
    if (base === undefined) model.reports.push(report);
    await real.engine.trigger('save');
    await checkInvariants(model, real);
  }
  toString = () => `Save(${this.amend ?? 'new'}${this.long ? ', long' : ''})`;
}

class Flush implements fc.AsyncCommand<Model, Real> {
  constructor(readonly trigger: SyncTrigger) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    await real.engine.trigger(this.trigger);
    await checkInvariants(model, real);
  }
  toString = () => `Flush(${this.trigger})`;
}

class Crash implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    await crashAndRestart(real);
    await checkInvariants(model, real);
  }
  toString = () => 'Crash';
}

/** The relay stores a bundle, and the app dies before it can record the answer. */
class CrashDuringUpload implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const store = real.store;
    real.relay.afterStore = () => store.close();
    await real.engine.trigger('manual');
    real.relay.afterStore = null;
    await crashAndRestart(real);
    await checkInvariants(model, real);
  }
  toString = () => 'CrashDuringUpload';
}

/** The relay stores bundles and answers, and the app dies before it writes those answers down. */
class CrashBeforeMark implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    real.crashBeforeMark = true;
    await real.engine.trigger('manual');
    real.crashBeforeMark = false;
    await crashAndRestart(real);
    await checkInvariants(model, real);
  }
  toString = () => 'CrashBeforeMark';
}

class LoseResponse implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_model: Model, real: Real): Promise<void> {
    real.relay.loseResponses += 1;
  }
  toString = () => 'LoseResponse';
}

class Offline implements fc.AsyncCommand<Model, Real> {
  constructor(readonly offline: boolean) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    await setOffline(real, this.offline);
    await checkInvariants(model, real);
  }
  toString = () => (this.offline ? 'Offline' : 'Online');
}

class Partition implements fc.AsyncCommand<Model, Real> {
  constructor(readonly partitioned: boolean) {}
  check = () => true;
  async run(_model: Model, real: Real): Promise<void> {
    real.relay.partitioned = this.partitioned;
  }
  toString = () => (this.partitioned ? 'Partition' : 'Heal');
}

const commands = [
  fc.tuple(fc.option(fc.nat(20), { nil: null }), fc.boolean()).map(([amend, long]) => new Save(amend, long)),
  fc.boolean().map((offline) => new Offline(offline)),
  fc.constantFrom<SyncTrigger>('save', 'timer', 'online', 'visible', 'manual').map((trigger) => new Flush(trigger)),
  fc.constant(new Crash()),
  fc.constant(new CrashDuringUpload()),
  fc.constant(new CrashBeforeMark()),
  fc.constant(new LoseResponse()),
  fc.boolean().map((partitioned) => new Partition(partitioned)),
];

describe('outbox model (P4: nothing saved is lost, nothing counted twice)', () => {
  it('holds through saves, flushes, crashes, lost responses and partitions, and drains once healed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 18 }), async (cmds) => {
        const { dbName, store, session } = await createdStore('model');
        const joined = await joinOrganisation(session, testInvite({ relays: [RELAY_A] }));
        if (!joined.ok) throw new Error(joined.reason);
        const relay = createFakeRelay();
        const initial = createTestEngine(session, relay);
        const real: Real = { dbName, store, session, relay, engine: initial.engine, online: initial.online, crashBeforeMark: false, offline: false };
        await startEngine(real);
        const model: Model = { saved: [], reports: [] };
        try {
          await fc.asyncModelRun(() => Promise.resolve({ model, real }), cmds);

          relay.partitioned = false;
          relay.loseResponses = 0;
          await setOffline(real, false);
          await real.engine.trigger('manual');
          await checkInvariants(model, real);
          expect((await readOutboxRaw(dbName)).every((row) => row.state === 'delivered')).toBe(true);
          expect((await real.session.listReports()).every((summary) => summary.state === 'delivered')).toBe(true);
          expect(real.engine.snapshot().state).toEqual({ kind: 'idle' });

          // Exactly the saved versions, each once, in one chain from counter 1.
          const bundles = openStoredBundles(relay).sort((a, b) => a.firstCounter - b.firstCounter);
          expect(bundles.flatMap((b) => b.versions.map((v) => v.counter))).toEqual(model.saved.map((s) => s.counter));
          const bytesById = new Map(relay.stored().map((s) => [s.id, s.bytes]));
          bundles.forEach((bundle, i) => {
            const previous = bundles[i - 1];
            expect(bundle.firstCounter).toBe(previous === undefined ? 1 : previous.lastCounter + 1);
            expect(bundle.previousBundleHash).toEqual(previous === undefined ? new Uint8Array(32) : sha256(bytesById.get(previous.id) ?? new Uint8Array()));
          });
        } finally {
          real.engine.stop();
          real.store.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});
