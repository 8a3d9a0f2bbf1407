import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { CoordinatorApi, CoordinatorCreateFailure, CoordinatorSession, CoordinatorUnlockFailure, VaultFileImportFailure } from './coordinatorApi';
import { useCoordinatorT } from './useCoordinatorT';

type Problem = CoordinatorCreateFailure | CoordinatorUnlockFailure | VaultFileImportFailure | 'mismatch' | 'name';

interface Props {
  readonly api: CoordinatorApi;
  readonly hasVault: boolean;
  readonly onOpened: (session: CoordinatorSession) => void;
  readonly onVaultImported: () => void;
  readonly onBack: () => void;
}

/** Creates the coordinator vault (same KDF and passphrase rules as the CLI's) or unlocks the one held here. */
export function CoordinatorVaultScreen({ api, hasVault, onOpened, onVaultImported, onBack }: Props) {
  const { t } = useCoordinatorT();
  const id = useId();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!hasVault && name.trim() === '') return setProblem('name');
    if (!hasVault && repeat !== passphrase) return setProblem('mismatch');
    if (passphrase === '') return setProblem(hasVault ? 'wrong-passphrase' : 'weak-passphrase');
    setProblem(null);
    setBusy(true);
    const result = hasVault ? await api.unlock(passphrase) : await api.createVault(passphrase, name);
    setBusy(false);
    if (!result.ok) return setProblem(result.reason);
    setPassphrase('');
    setRepeat('');
    onOpened(result.value);
  };

  const importVault = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    const result = await api.importVaultFile(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) return setProblem(result.reason);
    setProblem(null);
    setImported(true);
    onVaultImported();
  };

  const failure = problem === null || problem === 'name' || problem === 'mismatch' ? null : t(`vault.failed.${problem}`);
  return (
    <main className="stack coordinator">
      <h1>{hasVault ? t('vault.unlockTitle') : t('vault.createTitle')}</h1>
      <p>{hasVault ? t('vault.unlockIntro') : t('vault.createIntro')}</p>
      {imported ? (
        <p role="status" className="notice ok">
          {t('vault.imported')}
        </p>
      ) : null}
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        {hasVault ? null : (
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('vault.name')}</label>
            <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" aria-invalid={problem === 'name' ? true : undefined} />
            {problem === 'name' ? <p className="field-error">{t('vault.nameRequired')}</p> : null}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>{t('vault.passphrase')}</label>
          <input
            id={`${id}-passphrase`}
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
          />
        </div>
        {hasVault ? null : (
          <div className="field">
            <label htmlFor={`${id}-repeat`}>{t('vault.repeat')}</label>
            <input
              id={`${id}-repeat`}
              type="password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={problem === 'mismatch' ? true : undefined}
            />
            {problem === 'mismatch' ? <p className="field-error">{t('vault.mismatch')}</p> : null}
          </div>
        )}
        {failure === null ? null : (
          <p role="alert" className="notice error">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {hasVault ? t('vault.unlock') : t('vault.create')}
        </button>
        {busy ? (
          <p role="status" className="notice">
            {hasVault ? t('vault.unlocking') : t('vault.creating')}
          </p>
        ) : null}
      </form>
      {hasVault ? null : (
        <section className="stack">
          <h2>{t('vault.importTitle')}</h2>
          <p>{t('vault.importIntro')}</p>
          <div className="field">
            <label htmlFor={`${id}-import`}>{t('vault.importFile')}</label>
            <input id={`${id}-import`} type="file" accept=".json,application/json" onChange={(e) => void importVault(e)} />
          </div>
        </section>
      )}
      <p>
        <button type="button" className="link" onClick={onBack}>
          {t('back')}
        </button>
      </p>
    </main>
  );
}
