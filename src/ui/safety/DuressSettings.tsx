import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { assessPassphrase } from '../../domain/passphraseStrength';
import type { DuressFailure } from '../../store/storeApi';
import { describedBy } from '../components/describedBy';
import { useT } from '../i18n/useT';
import { useSession } from '../shell/SessionContext';
import { PassphraseStrength } from '../vault/PassphraseStrength';

type Outcome = 'saved' | 'removed' | 'weak' | 'mismatch' | DuressFailure;

/** Sets, replaces or removes the duress passphrase (two Argon2id runs, so setting it takes a moment). */
export function DuressSettings() {
  const { t } = useT();
  const session = useSession();
  const id = useId();
  const [isSet, setIsSet] = useState<boolean | null>(null);
  const [duress, setDuress] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const assessment = useMemo(() => assessPassphrase(duress), [duress]);

  useEffect(() => {
    let live = true;
    session.hasDuressPassphrase().then(
      (value) => {
        if (live) setIsSet(value);
      },
      (error: unknown) => {
        if (!session.isLocked()) throw error;
      },
    );
    return () => {
      live = false;
    };
  }, [session]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!assessment.acceptable) {
      setOutcome('weak');
      return;
    }
    if (repeat !== duress) {
      setOutcome('mismatch');
      return;
    }
    setBusy(true);
    setOutcome(null);
    const result = await session.setDuressPassphrase(duress);
    setBusy(false);
    if (result.ok) {
      setDuress('');
      setRepeat('');
      setIsSet(true);
      setOutcome('saved');
    } else {
      setOutcome(result.reason);
    }
  };

  const remove = async () => {
    if (busy) return;
    const result = await session.clearDuressPassphrase();
    if (result.ok) {
      setIsSet(false);
      setOutcome('removed');
    } else {
      setOutcome(result.reason);
    }
  };

  const strengthId = `${id}-strength`;
  const problemId = `${id}-problem`;
  const passwordProps = { type: 'password', autoComplete: 'off', autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false } as const;
  return (
    // No aria-labelledby: the form would then share the name "Duress passphrase" with its first field.
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('safety.duress.title')}</h3>
      <p>{t('safety.duress.intro')}</p>
      {isSet === null ? null : <p>{isSet ? t('safety.duress.isSet') : t('safety.duress.notSet')}</p>}
      <div className="field">
        <label htmlFor={`${id}-duress`}>{t('safety.duress.passphrase')}</label>
        <input
          id={`${id}-duress`}
          {...passwordProps}
          value={duress}
          onChange={(event) => setDuress(event.target.value)}
          aria-invalid={outcome === 'weak' || outcome === 'passphrase-too-weak' || outcome === 'same-as-passphrase' ? true : undefined}
          aria-describedby={describedBy(strengthId, outcome === 'same-as-passphrase' && problemId)}
        />
      </div>
      <PassphraseStrength id={strengthId} assessment={assessment} empty={duress === ''} />
      <div className="field">
        <label htmlFor={`${id}-repeat`}>{t('safety.duress.repeat')}</label>
        <input
          id={`${id}-repeat`}
          {...passwordProps}
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          aria-invalid={outcome === 'mismatch' ? true : undefined}
          aria-describedby={describedBy(outcome === 'mismatch' && problemId)}
        />
      </div>
      {outcome === null ? null : outcome === 'saved' || outcome === 'removed' ? (
        <p role="status" className="notice ok">
          {t(`safety.duress.${outcome}`)}
        </p>
      ) : (
        <p id={problemId} role="alert" className="notice error">
          {t(`safety.duress.failed.${outcome}`)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('safety.duress.submit')}
      </button>
      {isSet === true ? (
        <button type="button" disabled={busy} onClick={() => void remove()}>
          {t('safety.duress.remove')}
        </button>
      ) : null}
      {busy ? (
        <p role="status" className="notice">
          {t('safety.duress.working')}
        </p>
      ) : null}
    </form>
  );
}
