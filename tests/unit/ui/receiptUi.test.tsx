import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { VaultSession } from '../../../src/store/storeApi';
import { ReportList } from '../../../src/ui/home/ReportList';
import { createI18n } from '../../../src/ui/i18n/createI18n';
import type { Language } from '../../../src/ui/i18n/languages';
import { RemoveAfterReceiptSetting } from '../../../src/ui/settings/RemoveAfterReceiptSetting';
import { SessionContext } from '../../../src/ui/shell/SessionContext';

const i18nFor = async (language: Language) => {
  const instance = createI18n(language);
  await instance.loadLanguages(language);
  return instance;
};
const i18nInstances = { en: await i18nFor('en'), ru: await i18nFor('ru'), kk: await i18nFor('kk') };

function render(node: React.ReactNode, language: Language = 'en'): string {
  const session = { getSettings: () => new Promise(() => undefined) } as unknown as VaultSession;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nInstances[language]}>
      <SessionContext.Provider value={session}>{node}</SessionContext.Provider>
    </I18nextProvider>,
  );
}

describe('receipts in the UI', () => {
  it('lists a report removed after a receipt as "Sent, removed from this phone", with no content and no "No reports yet."', () => {
    const html = render(<ReportList reports={[]} removed={[{ reportId: 'r-1' }, { reportId: 'r-2' }]} onOpen={() => undefined} />);
    expect(html.match(/Sent, removed from this phone/g)).toHaveLength(2);
    expect(html).not.toContain('No reports yet.');
    expect(render(<ReportList reports={[]} onOpen={() => undefined} />)).toContain('No reports yet.');
    expect(render(<ReportList reports={[]} removed={[{ reportId: 'r-1' }]} onOpen={() => undefined} />, 'ru')).toContain('Отправлен, удалён с этого телефона');
    expect(render(<ReportList reports={[]} removed={[{ reportId: 'r-1' }]} onOpen={() => undefined} />, 'kk')).toContain('Жіберілді, осы телефоннан өшірілді');
  });

  it('offers the setting as a checkbox with the exact label, in every language', () => {
    const html = render(<RemoveAfterReceiptSetting />);
    expect(html).toMatch(/<input[^>]*type="checkbox"/);
    expect(html).toContain('Remove from this phone after the coordinator has it');
    expect(render(<RemoveAfterReceiptSetting />, 'ru')).toContain('Удалять с этого телефона, когда отчёт у координатора');
  });
});
