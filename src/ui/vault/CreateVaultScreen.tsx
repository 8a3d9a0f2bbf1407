import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { assessPassphrase } from '../../domain/passphraseStrength';
import type { CreateVaultFailure, VaultSession } from '../../store/storeApi';
import { describedBy } from '../components/describedBy';
import { CoordinatorEntryLink } from '../coordinatorWorkspace/CoordinatorEntryLink';
import { useT } from '../i18n/useT';
import { useServices } from '../shell/ServicesContext';
import { PassphraseStrength } from './PassphraseStrength';

type Problem = 'weak' | 'mismatch' | CreateVaultFailure;

/** First run: choose the passphrase that encrypts everything on this phone. */
export function CreateVaultScreen({ onCreated, onCoordinator }: { onCreated: (session: VaultSession) => void; onCoordinator: () => void }) {
  const { t } = useT();
  const { store, storage } = useServices();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const assessment = useMemo(() => assessPassphrase(passphrase), [passphrase]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!assessment.acceptable) {
      setProblem('weak');
      passphraseRef.current?.focus();
      return;
    }
    if (repeat !== passphrase) {
      setProblem('mismatch');
      repeatRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    const result = await store.createVault(passphrase);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    // Ask the browser not to evict the vault under storage pressure; the home screen reports the answer.
    void storage.persist();
    onCreated(result.value);
  };

  const strengthId = `${id}-strength`;
  const weakId = `${id}-weak`;
  const mismatchId = `${id}-mismatch`;
  return (
    <main className="stack">
      <h1>{t('createVault.title')}</h1>
      <p>{t('createVault.intro')}</p>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>{t('createVault.passphrase')}</label>
          <input
            ref={passphraseRef}
            id={`${id}-passphrase`}
            type="password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            aria-invalid={problem === 'weak' || problem === 'passphrase-too-weak' ? true : undefined}
            aria-describedby={describedBy(strengthId, problem === 'weak' && weakId)}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
          />
          {problem === 'weak' ? (
            <p id={weakId} className="field-error">
              {t('createVault.weak')}
            </p>
          ) : null}
        </div>
        <PassphraseStrength id={strengthId} assessment={assessment} empty={passphrase === ''} />
        <div className="field">
          <label htmlFor={`${id}-repeat`}>{t('createVault.repeat')}</label>
          <input
            ref={repeatRef}
            id={`${id}-repeat`}
            type="password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
            aria-invalid={problem === 'mismatch' ? true : undefined}
            aria-describedby={describedBy(problem === 'mismatch' && mismatchId)}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
          />
          {problem === 'mismatch' ? (
            <p id={mismatchId} className="field-error">
              {t('createVault.mismatch')}
            </p>
          ) : null}
        </div>
        {problem !== null && problem !== 'weak' && problem !== 'mismatch' ? (
          <p role="alert" className="notice error">
            {t(`createVault.failed.${problem}`)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('createVault.submit')}
        </button>
        {busy ? (
          <p role="status" className="notice">
            {t('createVault.working')}
          </p>
        ) : null}
      </form>
      <CoordinatorEntryLink onOpen={onCoordinator} />
    </main>
  );
}
