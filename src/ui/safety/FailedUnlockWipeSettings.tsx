import { useEffect, useId, useState } from 'react';
import { FAILED_UNLOCK_LIMITS, isFailedUnlockLimit } from '../../store/failedUnlockPolicy';
import type { FailedUnlockLimit } from '../../store/storeApi';
import { formatNumber } from '../format/formatNumber';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { useServices } from '../shell/ServicesContext';
import { useSession } from '../shell/SessionContext';

/** Off, 5, 10 or 20 failed unlocks before everything is erased. Stored in the vault row (the lock screen needs it). */
export function FailedUnlockWipeSettings() {
  const { t } = useT();
  const language = useLanguage();
  const { store } = useServices();
  const session = useSession();
  const id = useId();
  const [limit, setLimit] = useState<FailedUnlockLimit | null>(null);
  const [problem, setProblem] = useState<'locked' | 'storage-full' | 'storage-error' | null>(null);

  useEffect(() => {
    let live = true;
    void store.failedUnlockLimit().then((stored) => {
      if (live) setLimit(stored);
    });
    return () => {
      live = false;
    };
  }, [store]);

  const change = async (value: number) => {
    if (!isFailedUnlockLimit(value)) return;
    const result = await session.setFailedUnlockLimit(value);
    if (result.ok) {
      setLimit(value);
      setProblem(null);
    } else {
      setProblem(result.reason);
    }
  };

  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={`${id}-limit`}>{t('safety.wipeAfter.label')}</label>
      <select id={`${id}-limit`} value={limit ?? 0} disabled={limit === null} aria-describedby={hintId} onChange={(event) => void change(Number(event.target.value))}>
        {FAILED_UNLOCK_LIMITS.map((choice) => (
          <option key={choice} value={choice}>
            {choice === 0 ? t('safety.wipeAfter.never') : t('safety.wipeAfter.attempts', { n: formatNumber(choice, language) })}
          </option>
        ))}
      </select>
      <p id={hintId} className="hint">
        {t('safety.wipeAfter.hint')}
      </p>
      {problem === null ? null : (
        <p role="alert" className="notice error">
          {t(`safety.wipeAfter.failed.${problem}`)}
        </p>
      )}
    </div>
  );
}
