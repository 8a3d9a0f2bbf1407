import { useId, useMemo, useState, type FormEvent } from 'react';
import { assessPassphrase } from '../../domain/passphraseStrength';
import type { ChangePassphraseFailure } from '../../store/storeApi';
import { describedBy } from '../components/describedBy';
import { useT } from '../i18n/useT';
import { useSession } from '../shell/SessionContext';
import { PassphraseStrength } from '../vault/PassphraseStrength';

type Outcome = 'changed' | 'weak' | 'mismatch' | ChangePassphraseFailure;

/** Re-wraps the data key under a new passphrase (Argon2id runs again, so it takes a moment). */
export function ChangePassphraseForm() {
  const { t } = useT();
  const session = useSession();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const assessment = useMemo(() => assessPassphrase(next), [next]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!assessment.acceptable) {
      setOutcome('weak');
      return;
    }
    if (repeat !== next) {
      setOutcome('mismatch');
      return;
    }
    setBusy(true);
    setOutcome(null);
    const result = await session.changePassphrase(current, next);
    setBusy(false);
    if (result.ok) {
      setCurrent('');
      setNext('');
      setRepeat('');
      setOutcome('changed');
    } else {
      setOutcome(result.reason);
    }
  };

  const strengthId = `${id}-strength`;
  const problemId = `${id}-problem`;
  const passwordProps = { type: 'password', autoComplete: 'off', autoCapitalize: 'none', spellCheck: false } as const;
  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.changePassphrase')}</h2>
      <div className="field">
        <label htmlFor={`${id}-current`}>{t('settings.currentPassphrase')}</label>
        <input
          id={`${id}-current`}
          {...passwordProps}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          aria-invalid={outcome === 'wrong-passphrase' ? true : undefined}
          aria-describedby={describedBy(outcome === 'wrong-passphrase' && problemId)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-next`}>{t('settings.newPassphrase')}</label>
        <input
          id={`${id}-next`}
          {...passwordProps}
          value={next}
          onChange={(event) => setNext(event.target.value)}
          aria-invalid={outcome === 'weak' || outcome === 'passphrase-too-weak' ? true : undefined}
          aria-describedby={describedBy(strengthId)}
        />
      </div>
      <PassphraseStrength id={strengthId} assessment={assessment} empty={next === ''} />
      <div className="field">
        <label htmlFor={`${id}-repeat`}>{t('settings.repeatNewPassphrase')}</label>
        <input
          id={`${id}-repeat`}
          {...passwordProps}
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          aria-invalid={outcome === 'mismatch' ? true : undefined}
          aria-describedby={describedBy(outcome === 'mismatch' && problemId)}
        />
      </div>
      {outcome === null ? null : outcome === 'changed' ? (
        <p role="status" className="notice ok">
          {t('settings.passphraseChanged')}
        </p>
      ) : (
        <p id={problemId} role="alert" className="notice error">
          {t(`settings.changeFailed.${outcome}`)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('settings.changePassphraseSubmit')}
      </button>
      {busy ? (
        <p role="status" className="notice">
          {t('settings.changing')}
        </p>
      ) : null}
    </form>
  );
}
