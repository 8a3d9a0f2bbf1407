import { useId, useState } from 'react';
import type { SaveFailure } from '../../store/storeApi';
import { formatNumber } from '../format/formatNumber';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { SafetySettings } from '../safety/SafetySettings';
import { useSession } from '../shell/SessionContext';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { lockTimeoutOptions } from './lockTimeoutChoices';
import { RemoveAfterReceiptSetting } from './RemoveAfterReceiptSetting';

/** Language, idle lock, passphrase, and the safety section (failed-unlock wipe, duress passphrase). */
export function SettingsScreen({ lockMinutes, onLockMinutesChange, onBack }: { lockMinutes: number; onLockMinutesChange: (minutes: number) => void; onBack: () => void }) {
  const { t } = useT();
  const language = useLanguage();
  const session = useSession();
  const id = useId();
  const [problem, setProblem] = useState<SaveFailure | null>(null);

  const changeTimeout = async (minutes: number) => {
    const result = await session.updateSettings({ lockTimeoutMinutes: minutes });
    if (result.ok) {
      setProblem(null);
      onLockMinutesChange(result.value.lockTimeoutMinutes);
    } else {
      setProblem(result.reason);
    }
  };

  return (
    <main className="stack">
      <button type="button" onClick={onBack}>
        {t('common.back')}
      </button>
      <h1>{t('settings.title')}</h1>
      <LanguageSwitcher />
      <div className="field">
        <label htmlFor={`${id}-timeout`}>{t('settings.lockTimeout')}</label>
        <select id={`${id}-timeout`} value={lockMinutes} onChange={(event) => void changeTimeout(Number(event.target.value))}>
          {lockTimeoutOptions(lockMinutes).map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('settings.minutes', { n: formatNumber(minutes, language) })}
            </option>
          ))}
        </select>
      </div>
      {problem === null ? null : (
        <p role="alert" className="notice error">
          {t(`settings.saveFailed.${problem}`)}
        </p>
      )}
      <RemoveAfterReceiptSetting />
      <ChangePassphraseForm />
      <SafetySettings />
    </main>
  );
}
