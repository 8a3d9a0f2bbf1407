import { useId, useState } from 'react';
import { createBrowserDownload } from '../../platform/downloadFile';
import type { CoordinatorSession, OrganisationView, ShareOrganisationFailureView } from './coordinatorApi';
import { FingerprintWords } from './FingerprintWords';
import { useCoordinatorT } from './useCoordinatorT';

// The same file-saving seam as the monitor's "Export unsent" (created on use: it needs the document).
const download = (fileName: string, contents: Blob) => createBrowserDownload()(fileName, contents);

type Outcome = { readonly ok: true; readonly file: string; readonly name: string } | { readonly ok: false; readonly reason: ShareOrganisationFailureView };

/** "Give this organisation to another coordinator": pick a listed coordinator, download the file made for them. */
export function ShareOrganisationPanel({ session, organisation }: { session: CoordinatorSession; organisation: OrganisationView }) {
  const { t } = useCoordinatorT();
  const id = useId();
  const others = organisation.coordinators.filter((c) => !c.self);
  const [chosen, setChosen] = useState(others[0]?.name ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const name = others.some((c) => c.name === chosen) ? chosen : (others[0]?.name ?? '');
  const give = () => {
    const shared = session.shareOrganisation(organisation.mailboxId, name);
    if (!shared.ok) return setOutcome(shared);
    download(shared.value.fileName, new Blob([shared.value.text], { type: shared.value.mimeType }));
    setOutcome({ ok: true, file: shared.value.fileName, name });
  };
  return (
    <section className="stack">
      <h3>{t('org.share.title', { organisation: organisation.name })}</h3>
      <p>{t('org.share.intro')}</p>
      {others.length === 0 ? (
        <p>{t('org.share.noOthers')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('org.share.recipient')}</label>
            <select id={`${id}-to`} value={name} onChange={(e) => setChosen(e.target.value)}>
              {others.map((c) => (
                <option key={c.signFingerprint} value={c.name}>
                  {`${c.name} — ${c.boxFingerprint}`}
                </option>
              ))}
            </select>
          </div>
          <div className="button-row">
            <button type="button" onClick={give}>
              {t('org.share.button')}
            </button>
          </div>
        </>
      )}
      {outcome === null ? null : outcome.ok ? (
        <div className="notice ok stack">
          <p>{t('org.share.done', { file: outcome.file, name: outcome.name })}</p>
          <FingerprintWords fingerprint={session.keys().signFingerprint} label={t('org.share.yourKey')} />
        </div>
      ) : (
        <p role="alert" className="notice error">
          {t(`org.share.failed.${outcome.reason}`)}
        </p>
      )}
    </section>
  );
}
