import { useMemo, useState } from 'react';
import type { RemovedReport, ReportSummary } from '../../store/storeApi';
import { formatIncidentWhen } from '../format/formatIncidentWhen';
import { formatNumber } from '../format/formatNumber';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { filterReports, noFilter, type FilterInputs } from './filterReports';
import { ReportFilters } from './ReportFilters';

/** The saved reports, newest save first, each with its delivery state; then those removed after a receipt (no content left). */
export function ReportList({ reports, removed = [], onOpen }: { reports: readonly ReportSummary[]; removed?: readonly RemovedReport[]; onOpen: (reportId: string) => void }) {
  const { t } = useT();
  const language = useLanguage();
  const [filter, setFilter] = useState<FilterInputs>(noFilter);
  const sorted = useMemo(() => [...reports].sort((a, b) => b.latest.savedAt - a.latest.savedAt), [reports]);
  const shown = useMemo(() => filterReports(sorted, filter), [sorted, filter]);

  return (
    <section aria-labelledby="reports-heading" className="stack">
      <h2 id="reports-heading">{t('home.reports')}</h2>
      {reports.length === 0 ? (
        removed.length === 0 ? <p>{t('home.noReports')}</p> : null
      ) : (
        <>
          <ReportFilters value={filter} onChange={setFilter} />
          <p role="status" className="hint">
            {t('home.shown', { shown: formatNumber(shown.length, language), total: formatNumber(reports.length, language) })}
          </p>
          <ul className="report-list">
            {shown.map(({ reportId, latest, versionCount, state }) => (
              <li key={reportId}>
                <button type="button" onClick={() => onOpen(reportId)}>
                  <span className="title">{t(`domain:incidentTypes.${latest.report.incidentType}`)}</span>
                  <span>{latest.report.where.city}</span>
                  <span className="meta">{formatIncidentWhen(latest.report.when, language)}</span>
                  <span className="meta">
                    <span className="state">{t(`states.${state}`)}</span>
                    {versionCount > 1 ? ` · ${t('home.versions', { n: formatNumber(versionCount, language) })}` : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {removed.length === 0 ? null : (
        <ul className="report-list removed">
          {removed.map(({ reportId }) => (
            <li key={reportId}>
              <span className="state">{t('states.removed')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
