import { useId, useState, type FormEvent } from 'react';
import type { CoordinatorSession, CreateOrganisationFailure } from './coordinatorApi';
import { InviteCard } from './InviteCard';
import { OpenOrganisationFilePanel } from './OpenOrganisationFilePanel';
import { RotateTokenPanel } from './RotateTokenPanel';
import { ShareOrganisationPanel } from './ShareOrganisationPanel';
import { useCoordinatorT } from './useCoordinatorT';

/** The organisations with their invites and upload tokens, and a form to create one on a relay. */
export function OrganisationSection({ session, onChanged }: { session: CoordinatorSession; onChanged: () => void }) {
  const { t } = useCoordinatorT();
  const id = useId();
  const [name, setName] = useState('');
  const [relayUrl, setRelayUrl] = useState(() => window.location.origin);
  const [adminToken, setAdminToken] = useState('');
  const [failure, setFailure] = useState<{ reason: CreateOrganisationFailure; detail: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const organisations = session.organisations();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const token = adminToken.trim();
    const result = await session.createOrganisation({ name, relayUrl, adminToken: token === '' ? null : token });
    // The token was for this one request: drop it whatever the outcome.
    setAdminToken('');
    setBusy(false);
    if (!result.ok) return setFailure({ reason: result.reason, detail: result.detail ?? '' });
    setFailure(null);
    setName('');
    onChanged();
  };

  return (
    <div className="stack">
      {organisations.map((org) => (
        <div key={org.mailboxId} className="stack">
          <InviteCard organisation={org} />
          <RotateTokenPanel session={session} organisation={org} onChanged={onChanged} />
          <ShareOrganisationPanel session={session} organisation={org} />
        </div>
      ))}
      <section className="stack">
        <h2>{t('org.createTitle')}</h2>
        <p>{t('org.createIntro')}</p>
        <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('org.name')}</label>
            <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-relay`}>{t('org.relayUrl')}</label>
            <input id={`${id}-relay`} type="text" inputMode="url" value={relayUrl} onChange={(e) => setRelayUrl(e.target.value)} autoComplete="off" spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-token`}>{t('org.adminToken')}</label>
            <input
              id={`${id}-token`}
              type="password"
              value={adminToken}
              onChange={(e) => setAdminToken(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-token-hint`}
            />
            <p id={`${id}-token-hint`} className="hint">
              {t('org.adminTokenHint')}
            </p>
          </div>
          {failure === null ? null : (
            <p role="alert" className="notice error">
              {t(`org.failed.${failure.reason}`, { detail: failure.detail })}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('org.creating') : t('org.create')}
          </button>
        </form>
      </section>
      <OpenOrganisationFilePanel session={session} onChanged={onChanged} />
    </div>
  );
}
