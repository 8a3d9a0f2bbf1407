import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { UnlockFailure, VaultSession } from '../../store/storeApi';
import { describedBy } from '../components/describedBy';
import { formatNumber } from '../format/formatNumber';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { useServices } from '../shell/ServicesContext';

/** The lock screen. Shows nothing of the reports; only the count of failed attempts, which the store keeps in the clear. */
export function UnlockScreen({ onUnlocked, onNoVault }: { onUnlocked: (session: VaultSession) => void; onNoVault: () => void }) {
  const { t } = useT();
  const language = useLanguage();
  const { store } = useServices();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Exclude<UnlockFailure, 'no-vault'> | null>(null);
  const [failedCount, setFailedCount] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void store.failedUnlockCount().then((count) => {
      if (live) setFailedCount(count);
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
    setFailure(result.reason);
    setFailedCount(await store.failedUnlockCount());
    inputRef.current?.select();
  };

  const alertId = `${id}-alert`;
  const countText = failedCount !== null && failedCount > 0 ? t('unlock.failedCount', { n: formatNumber(failedCount, language) }) : null;
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
          </div>
        )}
        {failure === null && countText !== null ? <p className="hint">{countText}</p> : null}
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
