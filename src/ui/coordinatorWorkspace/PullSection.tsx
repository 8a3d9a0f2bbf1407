import { useId, useState, type ChangeEvent } from 'react';
import type { CoordinatorSession, ImportFileFailure, IntakeView, PullProgressView, PullView } from './coordinatorApi';
import { DeliveryReport } from './DeliveryReport';
import { useCoordinatorT } from './useCoordinatorT';
import type { CoordinatorT } from './useCoordinatorT';

type ImportOutcome = { readonly ok: true; readonly file: string; readonly value: IntakeView } | { readonly ok: false; readonly reason: ImportFileFailure };

function summaryText(t: CoordinatorT, intake: IntakeView): string {
  return t('pull.summary', { ...intake });
}

/** Pull from every relay with progress, import an "Export unsent" file, and the bundles kept aside. */
export function PullSection({ session, onChanged }: { session: CoordinatorSession; onChanged: () => void }) {
  const { t } = useCoordinatorT();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<PullProgressView | null>(null);
  const [result, setResult] = useState<PullView | null>(null);
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const hasOrganisation = session.organisations().length > 0;
  const rejected = session.rejected();

  const pull = async () => {
    if (busy) return;
    setBusy(true);
    setResult(null);
    try {
      setResult(await session.pull(setProgress));
    } finally {
      setBusy(false);
      setProgress(null);
      onChanged();
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined || busy) return;
    setBusy(true);
    try {
      const outcome = await session.importFile(await file.text(), file.name);
      setImported(outcome.ok ? { ok: true, file: file.name, value: outcome.value } : outcome);
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  return (
    <div className="stack">
      <section className="stack">
        <h2>{t('pull.title')}</h2>
        <p>{t('pull.intro')}</p>
        {hasOrganisation ? null : <p className="notice">{t('pull.noOrganisation')}</p>}
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void pull()} disabled={busy || !hasOrganisation}>
            {busy ? t('pull.working') : t('pull.button')}
          </button>
        </div>
        {busy && progress !== null ? (
          <div role="status" className="stack">
            <progress max={Math.max(progress.listed, 1)} value={progress.handled} />
            <p>{t('pull.progress', { ...progress })}</p>
          </div>
        ) : null}
        {result === null ? null : (
          <div role="status" className="notice ok">
            <p>{summaryText(t, result.intake)}</p>
            {result.relays
              .filter((relay) => relay.failure !== null)
              .map((relay) => (
                <p key={relay.url} className="notice error">
                  {t('pull.relayFailed', { url: relay.url, failure: relay.failure ?? '' })}
                </p>
              ))}
          </div>
        )}
        {result === null || result.receipts.length === 0 ? null : (
          <div className="stack">
            <h3>{t('pull.receiptsTitle')}</h3>
            <DeliveryReport deliveries={result.receipts} kind="receipts" />
          </div>
        )}
      </section>
      <section className="stack">
        <h2>{t('pull.importTitle')}</h2>
        <p>{t('pull.importIntro')}</p>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('pull.importFile')}</label>
          <input id={`${id}-file`} type="file" accept=".json,application/json" onChange={(e) => void importFile(e)} disabled={busy || !hasOrganisation} />
        </div>
        {imported === null ? null : imported.ok ? (
          <p role="status" className="notice ok">
            {t('pull.imported', { file: imported.file, summary: summaryText(t, imported.value) })}
          </p>
        ) : (
          <p role="alert" className="notice error">
            {t(`pull.importFailed.${imported.reason}`)}
          </p>
        )}
      </section>
      <section className="stack">
        <h2>{t('pull.rejectedTitle')}</h2>
        <p>{t('pull.rejectedIntro')}</p>
        {rejected.length === 0 ? (
          <p>{t('pull.rejectedNone')}</p>
        ) : (
          <ul className="rejected-list">
            {rejected.map((r) => (
              <li key={`${r.bundleId} ${r.reason}`}>
                <code>{r.bundleId.slice(0, 12)}…</code> <strong>{r.reason}</strong> — {r.source}, {r.receivedAt.slice(0, 16).replace('T', ' ')}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
