import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { attemptsLeft, WARN_WHEN_ATTEMPTS_LEFT } from '../../store/failedUnlockPolicy';
import type { FailedUnlockLimit, UnlockFailure, VaultSession } from '../../store/storeApi';
import { describedBy } from '../components/describedBy';
import { formatNumber } from '../format/formatNumber';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { useServices } from '../shell/ServicesContext';

/**
 * The lock screen. Shows nothing of the reports; only the count of failed attempts and, when 3 or fewer are
 * left before the failed-unlock wipe, how many — both kept by the store in the clear.
 */
export function UnlockScreen({ onUnlocked, onNoVault, onWiped }: { onUnlocked: (session: VaultSession) => void; onNoVault: () => void; onWiped: () => void }) {
  const { t } = useT();
  const language = useLanguage();
  const { store } = useServices();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Exclude<UnlockFailure, 'no-vault' | 'wiped'> | null>(null);
  const [failedCount, setFailedCount] = useState<number | null>(null);
  const [limit, setLimit] = useState<FailedUnlockLimit>(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([store.failedUnlockCount(), store.failedUnlockLimit()]).then(([count, storedLimit]) => {
      if (!live) return;
      setFailedCount(count);
      setLimit(storedLimit);
    });
    return () => {
      live = false;
    };
  }, [store]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await store.unlock(passphrase);
    if (result.ok) {
      onUnlocked(result.value);
      return;
    }
    setBusy(false);
    if (result.reason === 'no-vault') {
      onNoVault();
      return;
    }
    if (result.reason === 'wiped') {
      // The store is already erased; the rest of the origin's data goes the panic-wipe way.
      onWiped();
      return;
    }
    setFailure(result.reason);
    setFailedCount(await store.failedUnlockCount());
    inputRef.current?.select();
  };

  const alertId = `${id}-alert`;
  const countText = failedCount !== null && failedCount > 0 ? t('unlock.failedCount', { n: formatNumber(failedCount, language) }) : null;
  const left = failedCount === null ? null : attemptsLeft(limit, failedCount);
  const leftText = left !== null && left <= WARN_WHEN_ATTEMPTS_LEFT ? t('unlock.attemptsLeft', { n: formatNumber(left, language) }) : null;
  return (
    <main className="stack">
      <h1>{t('unlock.title')}</h1>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>{t('unlock.passphrase')}</label>
          <input
            ref={inputRef}
            id={`${id}-passphrase`}
            type="password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            aria-invalid={failure === 'wrong-passphrase' ? true : undefined}
            aria-describedby={describedBy(failure !== null && alertId)}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            // The lock screen has one job; putting the cursor there saves a tap.
            autoFocus
          />
        </div>
        {failure === null ? null : (
          // The only alert on this screen (the end-to-end tests look for exactly one).
          <div id={alertId} role="alert" className="notice error">
            <p>{t(`unlock.failed.${failure}`)}</p>
            {countText === null ? null : <p>{countText}</p>}
            {leftText === null ? null : <p>{leftText}</p>}
          </div>
        )}
        {failure === null && countText !== null ? <p className="hint">{countText}</p> : null}
        {failure === null && leftText !== null ? <p className="notice warn">{leftText}</p> : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('unlock.submit')}
        </button>
        {busy ? (
          <p role="status" className="notice">
            {t('unlock.working')}
          </p>
        ) : null}
      </form>
    </main>
  );
}
