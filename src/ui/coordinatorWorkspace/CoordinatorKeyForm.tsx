import { useId, useState, type FormEvent } from 'react';
import type { CoordinatorKeyInput } from './coordinatorApi';
import { useCoordinatorT } from './useCoordinatorT';

/**
 * The three things `dala coordinator add-key` / `replace-key` take: a name and two public keys. For a
 * replacement the name is picked from the coordinators listed (`names`); otherwise it is typed.
 */
export function CoordinatorKeyForm({
  names,
  submitLabel,
  busy,
  onSubmit,
}: {
  names: readonly string[] | null;
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: CoordinatorKeyInput) => void;
}) {
  const { t } = useCoordinatorT();
  const id = useId();
  const [name, setName] = useState(names?.[0] ?? '');
  const [boxPublicKey, setBoxPublicKey] = useState('');
  const [signPublicKey, setSignPublicKey] = useState('');
  const chosen = names === null || names.includes(name) ? name : (names[0] ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name: chosen, boxPublicKey, signPublicKey });
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{names === null ? t('keys.name') : t('keys.replaceWho')}</label>
        {names === null ? (
          <input id={`${id}-name`} type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        ) : (
          <select id={`${id}-name`} value={chosen} onChange={(e) => setName(e.target.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-box`}>{t('keys.boxKey')}</label>
        <input id={`${id}-box`} className="key-input" type="text" value={boxPublicKey} onChange={(e) => setBoxPublicKey(e.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sign`}>{t('keys.signKey')}</label>
        <input id={`${id}-sign`} className="key-input" type="text" value={signPublicKey} onChange={(e) => setSignPublicKey(e.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? t('working') : submitLabel}
        </button>
      </div>
    </form>
  );
}
