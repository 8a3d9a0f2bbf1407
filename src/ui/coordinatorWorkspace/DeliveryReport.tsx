import type { DeliveryView } from './coordinatorApi';
import { relayProblemsText } from './relayProblemText';
import { useCoordinatorT } from './useCoordinatorT';

/**
 * What became of a signed update or of receipts, per organisation: how many devices got it, which did
 * not and why, and how many revoked devices were left out on purpose.
 */
export function DeliveryReport({ deliveries, kind }: { deliveries: readonly DeliveryView[]; kind: 'update' | 'receipts' }) {
  const { t } = useCoordinatorT();
  return (
    <>
      {deliveries.map((delivery) => (
        <div key={delivery.mailboxId} className={delivery.failed.length === 0 ? 'notice ok' : 'notice warn'} role="status">
          <p>
            {delivery.sent === 0 && delivery.failed.length === 0
              ? t(kind === 'update' ? 'delivery.updateNone' : 'delivery.receiptsNone', { organisation: delivery.organisation })
              : t(kind === 'update' ? 'delivery.updateSent' : 'delivery.receiptsSent', { organisation: delivery.organisation, n: delivery.sent })}
          </p>
          {delivery.failed.length === 0 ? null : (
            <ul>
              {delivery.failed.map((failed) => (
                <li key={failed.deviceFingerprint}>
                  {t(kind === 'update' ? 'delivery.updateFailed' : 'delivery.receiptFailed', { device: failed.deviceFingerprint, problems: relayProblemsText(t, failed.problems) })}
                </li>
              ))}
            </ul>
          )}
          {delivery.withheld === 0 ? null : <p>{t('delivery.withheld', { n: delivery.withheld })}</p>}
        </div>
      ))}
    </>
  );
}
