import type { ReactNode } from 'react';
import { quickLogTypes, type IncidentType } from '../../domain/incidentTypes';
import type { RemovedReport, ReportSummary } from '../../store/storeApi';
import type { DraftEntry } from '../form/draftBook';
import { useT } from '../i18n/useT';
import { DraftList } from './DraftList';
import { ReportList } from './ReportList';
import { StorageStatus } from './StorageStatus';

export interface HomeScreenProps {
  readonly reports: readonly ReportSummary[] | null;
  /** Reports deleted from this phone after a coordinator's receipt: only "Sent, removed from this phone" is left. */
  readonly removedReports?: readonly RemovedReport[];
  readonly drafts: readonly DraftEntry[];
  /** Shown once after a save: the app only says "Saved" when the store said ok. */
  readonly justSaved: boolean;
  readonly onNewReport: (type: IncidentType | null) => void;
  readonly onOpenReport: (reportId: string) => void;
  readonly onContinueDraft: (draft: DraftEntry) => void;
  readonly onDiscardDraft: (draft: DraftEntry) => void;
  /** Delivery status, "Sync now" and "Export unsent", provided by the shell (the home screen knows nothing of sync). */
  readonly syncPanel?: ReactNode;
}

/** Quick-log buttons first (a report in under a minute), then unsaved drafts, storage health and the list. */
export function HomeScreen(props: HomeScreenProps) {
  const { t } = useT();
  return (
    <main className="stack">
      {props.justSaved ? (
        <p role="status" className="notice ok">
          {t('home.saved')}
        </p>
      ) : null}
      <DraftList drafts={props.drafts} onContinue={props.onContinueDraft} onDiscard={props.onDiscardDraft} />
      <section aria-labelledby="log-heading" className="stack">
        <h1 id="log-heading">{t('home.log')}</h1>
        <div className="quick-log">
          {quickLogTypes.map((type) => (
            <button key={type} type="button" onClick={() => props.onNewReport(type)}>
              {t(`domain:incidentTypes.${type}`)}
            </button>
          ))}
          <button type="button" className="primary" onClick={() => props.onNewReport(null)}>
            {t('home.newReport')}
          </button>
        </div>
      </section>
      {props.syncPanel}
      <StorageStatus />
      {props.reports === null ? <p>{t('common.loading')}</p> : <ReportList reports={props.reports} removed={props.removedReports ?? []} onOpen={props.onOpenReport} />}
    </main>
  );
}
