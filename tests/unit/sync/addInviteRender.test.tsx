// The home screen's sync panel offers scanning or pasting an invite exactly while the phone has not joined.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/platform/fakeClock';
import { createFakeStorage } from '../../../src/platform/fakeStorage';
import type { DalaStore, OutboxSummary } from '../../../src/store/storeApi';
import type { SyncEngine, SyncSnapshot } from '../../../src/sync/createSyncEngine';
import { createI18n } from '../../../src/ui/i18n/createI18n';
import type { Language } from '../../../src/ui/i18n/languages';
import { ServicesContext } from '../../../src/ui/shell/ServicesContext';
import { SyncPanel } from '../../../src/ui/sync/SyncPanel';

const i18nFor = async (language: Language) => {
  const instance = createI18n(language);
  await instance.loadLanguages(language);
  return instance;
};
const i18nInstances = { en: await i18nFor('en'), ru: await i18nFor('ru') };

const outbox = (joined: boolean): OutboxSummary => ({
  joined,
  reports: { local: 1, queued: 0, delivered: 0 },
  unsealedVersions: 0,
  unsentBundles: 0,
  oldestUndeliveredSavedAt: null,
});

function renderPanel(summary: OutboxSummary | null, language: 'en' | 'ru' = 'en'): string {
  const snapshot = { state: { kind: 'idle' }, outbox: summary, revision: 1 } as SyncSnapshot;
  const engine: SyncEngine = { start: () => undefined, stop: () => undefined, trigger: () => Promise.resolve(), snapshot: () => snapshot, subscribe: () => () => undefined };
  const services = { store: {} as DalaStore, storage: createFakeStorage(), clock: createFakeClock(0), setLanguage: () => undefined };
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nInstances[language]}>
      <ServicesContext.Provider value={services}>
        <SyncPanel engine={engine} download={() => undefined} onInviteText={() => undefined} />
      </ServicesContext.Provider>
    </I18nextProvider>,
  );
}

describe('SyncPanel before and after joining', () => {
  it('offers "Scan invite" and a paste field (Open invite disabled while empty) when not joined', () => {
    const html = renderPanel(outbox(false));
    expect(html).toContain('Scan invite');
    expect(html).toContain('Paste invite');
    expect(html).toMatch(/<button type="submit" disabled="">Open invite<\/button>/);
    // Keyboards must not learn the upload token in the invite.
    expect(html).toMatch(/<textarea[^>]*spellCheck="false"[^>]*autoCorrect="off"/i);
    // The camera starts only on request.
    expect(html).not.toContain('<video');
  });

  it('offers nothing to join once joined, nor before the outbox has been read', () => {
    for (const summary of [outbox(true), null]) {
      const html = renderPanel(summary);
      expect(html).not.toContain('Scan invite');
      expect(html).not.toContain('Paste invite');
    }
  });

  it('speaks Russian in Russian', () => {
    const html = renderPanel(outbox(false), 'ru');
    expect(html).toContain('Сканировать приглашение');
    expect(html).not.toContain('Scan invite');
  });
});
