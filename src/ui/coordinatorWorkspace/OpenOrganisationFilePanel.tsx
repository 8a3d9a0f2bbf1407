import { useId, useState, type ChangeEvent } from 'react';
import type { CoordinatorSession, OpenOrganisationFailureView, OrganisationFilePreview, RelayProblemAt } from './coordinatorApi';
import { FingerprintWords } from './FingerprintWords';
import { relayProblemText } from './relayProblemText';
import { useCoordinatorT } from './useCoordinatorT';

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'refused'; readonly reason: OpenOrganisationFailureView }
  | { readonly kind: 'preview'; readonly text: string; readonly preview: OrganisationFilePreview }
  | { readonly kind: 'added'; readonly organisation: string; readonly unregistered: readonly RelayProblemAt[] };

/** "Open an organisation given to you": choose the file, see who signed it, then add it (or not). */
export function OpenOrganisationFilePanel({ session, onChanged }: { session: CoordinatorSession; onChanged: () => void }) {
  const { t } = useCoordinatorT();
  const id = useId();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  // A new input after each file, so choosing the same file again reads it again.
  const [round, setRound] = useState(0);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    setSaveError(null);
    const text = await file.text();
    const opened = session.previewOrganisationFile(text);
    setStep(opened.ok ? { kind: 'preview', text, preview: opened.value } : { kind: 'refused', reason: opened.reason });
  };
  const add = async (text: string, organisation: string) => {
    setBusy(true);
    try {
      const added = await session.addOrganisationFile(text);
      setStep(added.ok ? { kind: 'added', organisation, unregistered: added.value.unregistered } : { kind: 'refused', reason: added.reason });
      setRound((n) => n + 1);
      onChanged();
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setStep({ kind: 'choose' });
    setRound((n) => n + 1);
  };

  return (
    <section className="stack">
      <h2>{t('org.open.title')}</h2>
      <p>{t('org.open.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('org.open.file')}</label>
        <input key={round} id={`${id}-file`} type="file" accept=".json,application/json" onChange={(e) => void choose(e)} disabled={busy} />
      </div>
      {step.kind === 'refused' ? (
        <p role="alert" className="notice error">
          {t(`org.open.failed.${step.reason}`)}
        </p>
      ) : null}
      {step.kind === 'preview' ? (
        <div className="notice warn stack" role="group" aria-label={t('org.open.preview', { organisation: step.preview.organisation, giver: step.preview.giverName })}>
          <p>
            <strong>{t('org.open.preview', { organisation: step.preview.organisation, giver: step.preview.giverName })}</strong>
          </p>
          <p className="wrap-anywhere">{t('org.open.relays', { relays: step.preview.relays.join(', ') })}</p>
          <p>{t('org.open.coordinators', { coordinators: step.preview.coordinators.join(', ') })}</p>
          <FingerprintWords fingerprint={step.preview.giverSignFingerprint} label={t('org.open.giverKey', { giver: step.preview.giverName })} />
          <p>{t('org.open.compare', { giver: step.preview.giverName })}</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void add(step.text, step.preview.organisation)} disabled={busy}>
              {busy ? t('org.open.adding') : t('org.open.add')}
            </button>
            <button type="button" onClick={cancel} disabled={busy}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {step.kind === 'added' ? (
        <>
          <p className="notice ok">{t('org.open.added', { organisation: step.organisation })}</p>
          {step.unregistered.map(({ url, problem }) => (
            <p key={url} className="notice warn">
              {t('org.open.unregistered', { url, problem: relayProblemText(t, problem) })}
            </p>
          ))}
        </>
      ) : null}
      {saveError === null ? null : (
        <p role="alert" className="notice error">
          {t('org.open.saveFailed', { detail: saveError })}
        </p>
      )}
    </section>
  );
}
