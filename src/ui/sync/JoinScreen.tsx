import { useState } from 'react';
import type { JoinFailure, JoinOutcome, Result } from '../../store/storeApi';
import { joinOrganisation } from '../../sync/joinOrganisation';
import type { InviteReadProblem, PendingInvite } from '../../sync/readInvite';
import { useSession } from '../shell/SessionContext';
import { useSyncT } from './useSyncT';

export interface JoinScreenProps {
  /** From takeInviteFromUrl (or readInvite on pasted text). */
  readonly invite: Result<PendingInvite, InviteReadProblem>;
  /** Called once the organisation is stored (joined or renewed): start sending, e.g. engine.trigger('joined'). */
  readonly onJoined: (outcome: JoinOutcome) => void;
  /** Leave the screen: after Cancel, after a refusal, or after the success message. */
  readonly onClose: () => void;
}

type Phase = { readonly name: 'review' } | { readonly name: 'working' } | { readonly name: 'failed'; readonly reason: JoinFailure } | { readonly name: 'done'; readonly outcome: JoinOutcome };

/**
 * Shows who the invite connects this phone to, with the coordinators' key fingerprints to compare
 * out of band, and stores the organisation only on "Join".
 */
export function JoinScreen({ invite, onJoined, onClose }: JoinScreenProps) {
  const { t } = useSyncT();
  const session = useSession();
  const [phase, setPhase] = useState<Phase>({ name: 'review' });

  if (!invite.ok) {
    return (
      <main className="stack">
        <h1>{t('join.title')}</h1>
        <p role="alert" className="notice error">
          {t(`join.problem.${invite.reason}`)}
        </p>
        <div className="button-row">
          <button type="button" onClick={onClose}>
            {t('join.close')}
          </button>
        </div>
      </main>
    );
  }

  const { preview } = invite.value;
  const join = async () => {
    setPhase({ name: 'working' });
    const result = await joinOrganisation(session, invite.value.invite);
    if (!result.ok) {
      setPhase({ name: 'failed', reason: result.reason });
      return;
    }
    setPhase({ name: 'done', outcome: result.value });
    onJoined(result.value);
  };

  if (phase.name === 'done') {
    return (
      <main className="stack">
        <h1>{t('join.title')}</h1>
        <p role="status" className="notice ok">
          {t(`join.done.${phase.outcome.kind}`, { organisation: phase.outcome.organisation.name })}
        </p>
        <div className="button-row">
          <button type="button" className="primary" onClick={onClose}>
            {t('join.close')}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="stack">
      <h1>{t('join.title')}</h1>
      <p>{t('join.intro')}</p>
      <section aria-labelledby="join-organisation" className="stack">
        <h2 id="join-organisation">{t('join.organisation')}</h2>
        <p className="title">{preview.organisation}</p>
      </section>
      <section aria-labelledby="join-coordinators" className="stack">
        <h2 id="join-coordinators">{t('join.coordinators')}</h2>
        <p className="notice warn">{t('join.compare')}</p>
        <ul className="stack">
          {preview.coordinators.map((coordinator) => (
            <li key={coordinator.boxPublicKey}>
              <strong>{coordinator.name}</strong>
              <dl>
                <dt>{t('join.encryptionKey')}</dt>
                <dd>
                  <code translate="no">{coordinator.boxFingerprint}</code>
                </dd>
                <dt>{t('join.signingKey')}</dt>
                <dd>
                  <code translate="no">{coordinator.signFingerprint}</code>
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="join-relays" className="stack">
        <h2 id="join-relays">{t('join.relays')}</h2>
        <ul>
          {preview.relays.map((relay) => (
            <li key={relay}>
              <code translate="no">{relay}</code>
            </li>
          ))}
        </ul>
      </section>
      {phase.name === 'failed' ? (
        <p role="alert" className="notice error">
          {t(`join.failed.${phase.reason}`)}
        </p>
      ) : null}
      {phase.name === 'working' ? <p role="status">{t('join.working')}</p> : null}
      <div className="button-row">
        <button type="button" className="primary" disabled={phase.name === 'working'} onClick={() => void join()}>
          {t('join.join')}
        </button>
        <button type="button" disabled={phase.name === 'working'} onClick={onClose}>
          {t('join.cancel')}
        </button>
      </div>
    </main>
  );
}
