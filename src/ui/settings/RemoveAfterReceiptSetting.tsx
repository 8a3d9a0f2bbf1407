import { useEffect, useId, useState } from 'react';
import type { SaveFailure } from '../../store/storeApi';
import { useT } from '../i18n/useT';
import { useSession } from '../shell/SessionContext';

/** "Remove from this phone after the coordinator has it" (P5): off by default, stored sealed with the settings. */
export function RemoveAfterReceiptSetting() {
  const { t } = useT();
  const session = useSession();
  const id = useId();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<SaveFailure | null>(null);

  useEffect(() => {
    let live = true;
    session.getSettings().then(
      (settings) => {
        if (live) setEnabled(settings.removeAfterReceipt);
      },
      (error: unknown) => {
        if (!session.isLocked()) throw error;
      },
    );
    return () => {
      live = false;
    };
  }, [session]);

  const change = async (next: boolean) => {
    const result = await session.updateSettings({ removeAfterReceipt: next });
    if (result.ok) {
      setProblem(null);
      setEnabled(result.value.removeAfterReceipt);
    } else {
      setProblem(result.reason);
    }
  };

  return (
    <div className="field">
      <label htmlFor={`${id}-remove`}>
        <input id={`${id}-remove`} type="checkbox" checked={enabled ?? false} disabled={enabled === null} aria-describedby={`${id}-remove-hint`} onChange={(event) => void change(event.target.checked)} />{' '}
        {t('settings.removeAfterReceipt')}
      </label>
      <p id={`${id}-remove-hint`} className="hint">
        {t('settings.removeAfterReceiptHint')}
      </p>
      {problem === null ? null : (
        <p role="alert" className="notice error">
          {t(`settings.saveFailed.${problem}`)}
        </p>
      )}
    </div>
  );
}
