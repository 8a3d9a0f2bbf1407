import { useT } from '../i18n/useT';
import { BarChart } from './BarChart';
import type { CoordinatorSession } from './coordinatorApi';
import { currentReport } from './filterCoordinatorReports';
import { countBy, countByWeek } from './reportCounts';
import { useCoordinatorT } from './useCoordinatorT';

/** Counts of the received reports (current versions) by week of the incident, by type and by region. */
export function OverviewSection({ session }: { session: CoordinatorSession }) {
  const { t } = useCoordinatorT();
  const { t: tApp } = useT();
  const reports = session.reports().map(currentReport);
  if (reports.length === 0) {
    return (
      <section className="stack">
        <h2>{t('overview.title')}</h2>
        <p>{t('overview.none')}</p>
      </section>
    );
  }
  const noRegion = t('overview.noRegion');
  return (
    <section className="stack overview">
      <h2>{t('overview.title')}</h2>
      <BarChart title={t('overview.byWeek')} counts={countByWeek(reports)} labelOf={(week) => week} />
      <BarChart
        title={t('overview.byType')}
        counts={countBy(reports, (r) => r.incidentType)}
        labelOf={(type) => tApp(`domain:incidentTypes.${type}` as 'domain:incidentTypes.other')}
      />
      <BarChart title={t('overview.byRegion')} counts={countBy(reports, (r) => r.where.region.trim())} labelOf={(region) => (region === '' ? noRegion : region)} />
    </section>
  );
}
