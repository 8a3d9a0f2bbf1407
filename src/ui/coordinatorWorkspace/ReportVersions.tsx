import { ReportFacts } from '../report/ReportFacts';
import type { ReportView } from './coordinatorApi';
import { formatHour } from './formatHour';
import { useCoordinatorT } from './useCoordinatorT';

/** One report with every version, newest first, each with when it was saved and who sent it. */
export function ReportVersions({ view, deviceLabel, onClose }: { view: ReportView; deviceLabel: string; onClose: () => void }) {
  const { t, language } = useCoordinatorT();
  const versions = [...view.versions].reverse();
  return (
    <section className="stack">
      <p>
        <button type="button" className="link" onClick={onClose}>
          {t('reports.close')}
        </button>
      </p>
      <h2>{t('reports.versions')}</h2>
      {versions.map((version) => (
        <article key={version.version} className="version stack">
          <h3>{t('reports.versionHeading', { version: version.version, counter: version.counter })}</h3>
          <p className="meta">
            {t('reports.savedAt')}: {formatHour(version.savedAt, language)} · {t('reports.receivedAt')}: {formatHour(version.receivedAt, language)}
          </p>
          <p className="meta">{t('reports.sentBy', { device: deviceLabel, source: version.source })}</p>
          <ReportFacts report={version.report} />
        </article>
      ))}
    </section>
  );
}
