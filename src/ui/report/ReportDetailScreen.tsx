import { useEffect, useState } from 'react';
import type { ReportVersionRecord } from '../../store/storeApi';
import { formatDateTime } from '../format/formatDateTime';
import { formatNumber } from '../format/formatNumber';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { useSession } from '../shell/SessionContext';
import { ReportFacts } from './ReportFacts';

/** One report: its latest version in full, then every earlier version with when it was saved. */
export function ReportDetailScreen({ reportId, onEdit, onBack }: { reportId: string; onEdit: (latest: ReportVersionRecord) => void; onBack: () => void }) {
  const { t } = useT();
  const language = useLanguage();
  const session = useSession();
  const [history, setHistory] = useState<ReportVersionRecord[] | null>(null);

  useEffect(() => {
    let live = true;
    session.reportHistory(reportId).then(
      (versions) => {
        if (live) setHistory([...versions].sort((a, b) => b.version - a.version));
      },
      (error: unknown) => {
        if (!session.isLocked()) throw error;
      },
    );
    return () => {
      live = false;
    };
  }, [session, reportId]);

  const latest = history?.[0];
  return (
    <main className="stack">
      <div className="button-row">
        <button type="button" onClick={onBack}>
          {t('common.back')}
        </button>
        {latest === undefined ? null : (
          <button type="button" className="primary" onClick={() => onEdit(latest)}>
            {t('detail.edit')}
          </button>
        )}
      </div>
      {history === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : latest === undefined ? (
        <p>{t('detail.notFound')}</p>
      ) : (
        <>
          <h1>{t(`domain:incidentTypes.${latest.report.incidentType}`)}</h1>
          <p className="hint">
            {t('detail.versionSaved', { n: formatNumber(latest.version, language), when: formatDateTime(latest.savedAt, language) })}
          </p>
          <ReportFacts report={latest.report} />
          <section aria-labelledby="history-heading" className="stack">
            <h2 id="history-heading">{t('detail.history')}</h2>
            <ol className="report-list" reversed>
              {history.map((record) => (
                <li key={record.version} className="version">
                  {record.version === latest.version ? (
                    <p>
                      {t('detail.versionSaved', { n: formatNumber(record.version, language), when: formatDateTime(record.savedAt, language) })}{' '}
                      ({t('detail.current')})
                    </p>
                  ) : (
                    <details>
                      <summary>
                        {t('detail.versionSaved', { n: formatNumber(record.version, language), when: formatDateTime(record.savedAt, language) })}
                      </summary>
                      <ReportFacts report={record.report} />
                    </details>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </main>
  );
}
