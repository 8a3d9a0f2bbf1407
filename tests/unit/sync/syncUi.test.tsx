import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/crypto/fingerprint';
import { createFakeClock } from '../../../src/platform/fakeClock';
import { createFakeStorage } from '../../../src/platform/fakeStorage';
import type { DalaStore, OutboxSummary, VaultSession } from '../../../src/store/storeApi';
import type { SyncEngine, SyncSnapshot } from '../../../src/sync/createSyncEngine';
import { readInvite } from '../../../src/sync/readInvite';
import { createI18n } from '../../../src/ui/i18n/createI18n';
import type { Language } from '../../../src/ui/i18n/languages';
import { ServicesContext } from '../../../src/ui/shell/ServicesContext';
import { SessionContext } from '../../../src/ui/shell/SessionContext';
import { JoinScreen } from '../../../src/ui/sync/JoinScreen';
import { SyncStatus } from '../../../src/ui/sync/SyncStatus';
import { COORDINATORS, coordinatorKeys, testInvite } from './syncTestKit';

const NOW = Date.UTC(2025, 2, 1, 12);

// Russian and Kazakh load lazily (as in main.tsx, the app waits for them before rendering).
const i18nFor = async (language: Language) => {
  const instance = createI18n(language);
  await instance.loadLanguages(language);
  return instance;
};
const i18nInstances = { en: await i18nFor('en'), ru: await i18nFor('ru'), kk: await i18nFor('kk') };

function render(node: React.ReactNode, language: Language = 'en'): string {
  const services = { store: {} as DalaStore, storage: createFakeStorage(), clock: createFakeClock(NOW), setLanguage: () => undefined };
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nInstances[language]}>
      <ServicesContext.Provider value={services}>
        <SessionContext.Provider value={{} as VaultSession}>{node}</SessionContext.Provider>
      </ServicesContext.Provider>
    </I18nextProvider>,
  );
}

function engineShowing(snapshot: SyncSnapshot): SyncEngine {
  return { start: () => undefined, stop: () => undefined, trigger: () => Promise.resolve(), snapshot: () => snapshot, subscribe: () => () => undefined };
}

const outbox = (overrides: Partial<OutboxSummary>): OutboxSummary => ({
  joined: true,
  reports: { local: 0, queued: 0, delivered: 0 },
  unsealedVersions: 0,
  unsentBundles: 0,
  oldestUndeliveredSavedAt: null,
  ...overrides,
});

describe('JoinScreen', () => {
  it("shows the organisation, each coordinator's fingerprints and the relays before anything is stored", () => {
    const invite = readInvite(`#join=${Buffer.from(JSON.stringify(testInvite())).toString('base64url')}`);
    expect(invite.ok).toBe(true);
    const html = render(<JoinScreen invite={invite} onJoined={() => undefined} onClose={() => undefined} />);
    expect(html).toContain('Бостандық мониторинг');
    for (const keys of COORDINATORS) {
      expect(html).toContain(fingerprint(keys.box.publicKey));
      expect(html).toContain(fingerprint(keys.signPublicKey));
    }
    expect(html).toContain('https://relay-a.example');
    expect(html).toContain('>Join</button>');
    expect(html).toContain('>Cancel</button>');
    // The upload token is never shown; control: a key not in the invite has no fingerprint on screen.
    expect(html).not.toContain(testInvite().uploadToken);
    expect(html).not.toContain(fingerprint(coordinatorKeys('intruder').box.publicKey));
  });

  it('explains a broken invite in the interface language instead of offering to join', () => {
    const broken = readInvite('#join=bm90IGFuIGludml0ZQ');
    expect(broken).toEqual({ ok: false, reason: 'malformed' });
    const html = render(<JoinScreen invite={broken} onJoined={() => undefined} onClose={() => undefined} />, 'ru');
    expect(html).toContain('Ссылка-приглашение повреждена');
    expect(html).not.toContain('Присоединиться</button>');
  });
});

describe('SyncStatus', () => {
  it.each<[string, SyncSnapshot, string[]]>([
    ['not joined', { state: { kind: 'idle' }, outbox: outbox({ joined: false, reports: { local: 2, queued: 0, delivered: 0 } }), revision: 1 }, ['Reports stay on this phone until you join an organisation.']],
    ['all delivered', { state: { kind: 'idle' }, outbox: outbox({ reports: { local: 0, queued: 0, delivered: 4 } }), revision: 1 }, ['All reports delivered']],
    ['waiting, offline', { state: { kind: 'offline' }, outbox: outbox({ reports: { local: 0, queued: 3, delivered: 1 }, oldestUndeliveredSavedAt: NOW - 60_000 }), revision: 1 }, ['Reports waiting to send: 3', 'No connection.']],
    [
      'waiting for more than a day',
      { state: { kind: 'backing-off', until: NOW + 1000, reason: 'network' }, outbox: outbox({ reports: { local: 0, queued: 1, delivered: 0 }, oldestUndeliveredSavedAt: NOW - 25 * 3_600_000 }), revision: 1 },
      ['Reports waiting to send: 1', 'Reports have been waiting for more than a day.', 'Could not reach the relay.'],
    ],
    ['refused', { state: { kind: 'blocked', reason: 'unauthorised' }, outbox: outbox({ reports: { local: 0, queued: 1, delivered: 0 } }), revision: 1 }, ["The organisation's relay refused this phone. Ask your coordinator for a new invite."]],
  ])('%s', (_name, snapshot, texts) => {
    const html = render(<SyncStatus engine={engineShowing(snapshot)} />).replace(/&#x27;/g, "'");
    for (const text of texts) expect(html).toContain(text);
  });

  it('says nothing before the first count arrives', () => {
    expect(render(<SyncStatus engine={engineShowing({ state: { kind: 'idle' }, outbox: null, revision: 0 })} />)).toBe('');
  });
});
