import { useId, useState } from 'react';
import type { OrganisationView } from './coordinatorApi';
import { FingerprintWords } from './FingerprintWords';
import { InviteQr } from './InviteQr';
import { useCoordinatorT } from './useCoordinatorT';

/** One organisation's invite: the link, its QR code, and the coordinators' fingerprints to compare aloud. */
export function InviteCard({ organisation }: { organisation: OrganisationView }) {
  const { t } = useCoordinatorT();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(organisation.inviteLink).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section className="stack invite" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('invite.title', { organisation: organisation.name })}</h2>
      <p>{t('invite.intro')}</p>
      <div className="invite-body">
        <InviteQr link={organisation.inviteLink} label={t('invite.qr')} />
        <div className="stack">
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('invite.link')}</label>
            <textarea id={`${id}-link`} className="invite-link" readOnly value={organisation.inviteLink} rows={4} onFocus={(e) => e.target.select()} />
          </div>
          <div className="button-row">
            <button type="button" onClick={copy}>
              {t('invite.copy')}
            </button>
            {copied ? <span role="status">{t('invite.copied')}</span> : null}
          </div>
        </div>
      </div>
      <p>{t('invite.fingerprints')}</p>
      {organisation.coordinators.map((coordinator) => (
        <FingerprintWords key={coordinator.boxFingerprint} fingerprint={coordinator.boxFingerprint} label={coordinator.name} />
      ))}
      <p className="meta">
        {organisation.relays.map((relay) => t('org.pulledUpTo', { url: relay.url, seq: relay.lastSeq })).join(' · ')}
      </p>
    </section>
  );
}
