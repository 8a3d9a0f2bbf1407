import { useId, useState } from 'react';
import { createBrowserDownload } from '../../platform/downloadFile';
import type { CoordinatorKeyInput, CoordinatorSession, DeliveryView, KeyChangeFailureView } from './coordinatorApi';
import { ConfirmStep } from './ConfirmStep';
import { CoordinatorKeyForm } from './CoordinatorKeyForm';
import { DeliveryReport } from './DeliveryReport';
import { FingerprintWords } from './FingerprintWords';
import { useCoordinatorT } from './useCoordinatorT';
import { useUpdateAction } from './useUpdateAction';

// The same file-saving seam as the monitor's "Export unsent" (created on use: it needs the document).
const download = (fileName: string, contents: Blob) => createBrowserDownload()(fileName, contents);

type ChangeOutcome = { readonly ok: true; readonly value: readonly DeliveryView[] } | { readonly ok: false; readonly reason: KeyChangeFailureView };

/** A key change's outcome: why it was refused, or who was told (with a way to send again to those who were not). */
function ChangeResult({ session, outcome, onChanged }: { session: CoordinatorSession; outcome: ChangeOutcome; onChanged: () => void }) {
  const { t } = useCoordinatorT();
  const [deliveries, setDeliveries] = useState<readonly DeliveryView[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (!outcome.ok) {
    return (
      <p role="alert" className="notice error">
        {t(`keys.failed.${outcome.reason}`)}
      </p>
    );
  }
  const shown = deliveries ?? outcome.value;
  const sendAgain = async () => {
    setBusy(true);
    try {
      const again = [];
      for (const delivery of shown) again.push(delivery.failed.length === 0 ? delivery : await session.sendUpdateAgain(delivery.mailboxId));
      setDeliveries(again);
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  return (
    <>
      <p className="notice ok">{t('keys.changed')}</p>
      <DeliveryReport deliveries={shown} kind="update" />
      {shown.every((d) => d.failed.length === 0) ? null : (
        <div className="button-row">
          <button type="button" onClick={() => void sendAgain()} disabled={busy}>
            {busy ? t('working') : t('delivery.sendAgain')}
          </button>
        </div>
      )}
    </>
  );
}

/** This coordinator's keys, the coordinators of each organisation, and adding, replacing and renewing keys. */
export function KeysSection({ session, onChanged }: { session: CoordinatorSession; onChanged: () => void }) {
  const { t } = useCoordinatorT();
  const id = useId();
  const keys = session.keys();
  const organisations = session.organisations();
  const others = [...new Set(organisations.flatMap((org) => org.coordinators.filter((c) => !c.self).map((c) => c.name)))];
  const add = useUpdateAction<ChangeOutcome>(onChanged);
  const replace = useUpdateAction<ChangeOutcome>(onChanged);
  const renew = useUpdateAction<readonly DeliveryView[]>(onChanged);
  const [pendingReplace, setPendingReplace] = useState<CoordinatorKeyInput | null>(null);
  // A new key after each success empties the form.
  const [formRound, setFormRound] = useState(0);
  const changeWith = (kind: 'add' | 'replace', input: CoordinatorKeyInput) => async () => {
    const outcome = await session.changeCoordinator(kind, input);
    if (outcome.ok) setFormRound((n) => n + 1);
    return outcome;
  };
  const downloadVault = async () => download('coordinator.json', new Blob([new Uint8Array(await session.vaultFile())], { type: 'application/json' }));

  return (
    <div className="stack">
      <section className="stack">
        <h2>{t('keys.title')}</h2>
        <FingerprintWords fingerprint={keys.boxFingerprint} label={`${keys.name} — ${t('keys.encryption')}`} />
        <FingerprintWords fingerprint={keys.signFingerprint} label={`${keys.name} — ${t('keys.signing')}`} />
        <div className="button-row">
          <button type="button" onClick={() => void downloadVault()}>
            {t('keys.downloadVault')}
          </button>
        </div>
      </section>
      <section className="stack">
        <h2>{t('keys.publicTitle')}</h2>
        <p>{t('keys.publicIntro')}</p>
        <div className="field">
          <label htmlFor={`${id}-box`}>{t('keys.boxKey')}</label>
          <input id={`${id}-box`} className="key-input" type="text" readOnly value={keys.boxPublicKey} onFocus={(e) => e.target.select()} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sign`}>{t('keys.signKey')}</label>
          <input id={`${id}-sign`} className="key-input" type="text" readOnly value={keys.signPublicKey} onFocus={(e) => e.target.select()} />
        </div>
      </section>
      {organisations.map((org) => (
        <section key={org.mailboxId} className="stack">
          <h2>{t('keys.coordinatorsTitle', { organisation: org.name })}</h2>
          <ul className="coordinator-list">
            {org.coordinators.map((c) => (
              <li key={c.signFingerprint}>
                <strong>{c.self ? t('keys.you', { name: c.name }) : c.name}</strong> <code>{c.boxFingerprint}</code>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="stack">
        <h2>{t('keys.addTitle')}</h2>
        <p>{t('keys.addIntro')}</p>
        <CoordinatorKeyForm
          key={`add ${formRound}`}
          names={null}
          submitLabel={t('keys.add')}
          busy={add.phase === 'busy'}
          onSubmit={(input) => void add.run(changeWith('add', input))}
        />
        {add.result === null ? null : <ChangeResult key={add.round} session={session} outcome={add.result} onChanged={onChanged} />}
        {add.error === null ? null : <p role="alert" className="notice error">{t('keys.saveFailed', { detail: add.error })}</p>}
      </section>
      <section className="stack">
        <h2>{t('keys.replaceTitle')}</h2>
        <p>{t('keys.replaceIntro')}</p>
        {others.length === 0 ? (
          <p>{t('keys.noOthers')}</p>
        ) : (
          <CoordinatorKeyForm
            key={`replace ${formRound}`}
            names={others}
            submitLabel={t('keys.replace')}
            busy={replace.phase === 'busy'}
            onSubmit={(input) => {
              setPendingReplace(input);
              replace.ask();
            }}
          />
        )}
        {replace.phase === 'confirm' && pendingReplace !== null ? (
          <ConfirmStep
            question={t('keys.replaceConfirm', { name: pendingReplace.name })}
            confirmLabel={t('keys.replaceConfirmButton')}
            onConfirm={() => void replace.run(changeWith('replace', pendingReplace))}
            onCancel={replace.cancel}
          />
        ) : null}
        {replace.result === null ? null : <ChangeResult key={replace.round} session={session} outcome={replace.result} onChanged={onChanged} />}
        {replace.error === null ? null : <p role="alert" className="notice error">{t('keys.saveFailed', { detail: replace.error })}</p>}
      </section>
      <section className="stack">
        <h2>{t('keys.renewTitle')}</h2>
        <p>{t('keys.renewIntro')}</p>
        {renew.phase === 'confirm' ? (
          <ConfirmStep question={t('keys.renewConfirm')} confirmLabel={t('keys.renewConfirmButton')} onConfirm={() => void renew.run(() => session.renewKeys())} onCancel={renew.cancel} />
        ) : (
          <div className="button-row">
            <button type="button" className="danger" onClick={renew.ask} disabled={renew.phase === 'busy'}>
              {renew.phase === 'busy' ? t('working') : t('keys.renew')}
            </button>
          </div>
        )}
        {renew.result === null ? null : (
          <>
            <p className="notice ok">{t('keys.changed')}</p>
            <DeliveryReport deliveries={renew.result} kind="update" />
            {renew.result.some((d) => d.failed.length > 0) ? <p className="notice warn">{t('keys.renewLost')}</p> : null}
          </>
        )}
        {renew.error === null ? null : <p role="alert" className="notice error">{t('keys.saveFailed', { detail: renew.error })}</p>}
      </section>
    </div>
  );
}
