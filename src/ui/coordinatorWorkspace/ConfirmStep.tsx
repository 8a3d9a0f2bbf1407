import { useCoordinatorT } from './useCoordinatorT';

/** The second step of a destructive action: the question, the action named again, and a way out. */
export function ConfirmStep({ question, confirmLabel, onConfirm, onCancel }: { question: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useCoordinatorT();
  return (
    <div className="notice warn stack" role="group" aria-label={question}>
      <p>{question}</p>
      <div className="button-row">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
