import type { DeliveryView, OrganisationView, RotateTokenResult } from './coordinatorApi';
import type { CoordinatorSession } from './coordinatorApi';
import { ConfirmStep } from './ConfirmStep';
import { DeliveryReport } from './DeliveryReport';
import { relayProblemText } from './relayProblemText';
import { useCoordinatorT } from './useCoordinatorT';
import { useUpdateAction } from './useUpdateAction';

type Outcome = { readonly rotated: RotateTokenResult } | { readonly resent: DeliveryView };

/** "Rotate upload token" for one organisation: the warning, a confirmation, then who was told. */
export function RotateTokenPanel({ session, organisation, onChanged }: { session: CoordinatorSession; organisation: OrganisationView; onChanged: () => void }) {
  const { t } = useCoordinatorT();
  const action = useUpdateAction<Outcome>(onChanged);
  const { result } = action;
  const delivery = result === null ? null : 'resent' in result ? result.resent : result.rotated.ok ? result.rotated.value : null;
  const rotateNow = () => action.run(async () => ({ rotated: await session.rotateUploadToken(organisation.mailboxId) }));
  const sendAgain = () => action.run(async () => ({ resent: await session.sendUpdateAgain(organisation.mailboxId) }));

  return (
    <section className="stack">
      <h3>{t('org.rotate.title', { organisation: organisation.name })}</h3>
      <p>{t('org.rotate.warning')}</p>
      {action.phase === 'confirm' ? (
        <ConfirmStep
          question={t('org.rotate.confirm', { organisation: organisation.name })}
          confirmLabel={t('org.rotate.confirmButton')}
          onConfirm={() => void rotateNow()}
          onCancel={action.cancel}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="danger" onClick={action.ask} disabled={action.phase === 'busy'}>
            {action.phase === 'busy' ? t('working') : t('org.rotate.button')}
          </button>
        </div>
      )}
      {result !== null && 'rotated' in result && !result.rotated.ok ? (
        <p role="alert" className="notice error">
          {t('org.rotate.failed', { url: result.rotated.url, problem: relayProblemText(t, result.rotated.problem) })}
        </p>
      ) : null}
      {result !== null && 'rotated' in result && result.rotated.ok ? <p className="notice ok">{t('org.rotate.done')}</p> : null}
      {delivery === null ? null : (
        <>
          <DeliveryReport deliveries={[delivery]} kind="update" />
          {delivery.failed.length === 0 ? null : (
            <div className="button-row">
              <button type="button" onClick={() => void sendAgain()} disabled={action.phase === 'busy'}>
                {t('delivery.sendAgain')}
              </button>
            </div>
          )}
        </>
      )}
      {action.error === null ? null : (
        <p role="alert" className="notice error">
          {t('org.rotate.saveFailed', { detail: action.error })}
        </p>
      )}
    </section>
  );
}
