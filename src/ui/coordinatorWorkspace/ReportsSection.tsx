import { useId, useState } from 'react';
import { freedoms } from '../../domain/freedoms';
import { incidentTypes, isIncidentType } from '../../domain/incidentTypes';
import type { Freedom } from '../../domain/freedoms';
import { formatIncidentWhen } from '../format/formatIncidentWhen';
import { isLanguage } from '../i18n/languages';
import { useT } from '../i18n/useT';
import type { CoordinatorSession, ReportView } from './coordinatorApi';
import { currentReport, emptyReportFilter, filterCoordinatorReports } from './filterCoordinatorReports';
import type { ReportFilter, ReportSort } from './filterCoordinatorReports';
import { ReportVersions } from './ReportVersions';
import { useCoordinatorT } from './useCoordinatorT';

const sorts: readonly ReportSort[] = ['newest', 'oldest', 'received'];
const sortKey = { newest: 'reports.sortNewest', oldest: 'reports.sortOldest', received: 'reports.sortReceived' } as const;

function isFreedom(value: string): value is Freedom {
  return (freedoms as readonly string[]).includes(value);
}

function deviceLabel(view: { deviceName: string; deviceFingerprint: string }): string {
  return view.deviceName === '' ? view.deviceFingerprint : `${view.deviceName} (${view.deviceFingerprint})`;
}

/** Every received report with filters and sort; opening one shows every version and who sent it. */
export function ReportsSection({ session }: { session: CoordinatorSession }) {
  const { t, language } = useCoordinatorT();
  const { t: tApp } = useT();
  const id = useId();
  const [filter, setFilter] = useState<ReportFilter>(emptyReportFilter);
  const [open, setOpen] = useState<string | null>(null);
  const all = session.reports();
  const shown = filterCoordinatorReports(all, filter);
  const lang = isLanguage(language) ? language : 'en';
  const set = (change: Partial<ReportFilter>) => setFilter((current) => ({ ...current, ...change }));
  const devices = [...new Map(all.map((r) => [r.deviceId, r])).values()];

  const opened = all.find((r) => r.key === open);
  if (opened !== undefined) {
    return <ReportVersions view={opened} deviceLabel={deviceLabel(opened)} onClose={() => setOpen(null)} />;
  }

  const text = (key: keyof ReportFilter & ('region' | 'city' | 'people' | 'text' | 'from' | 'to'), label: string, type = 'search') => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type={type} value={filter[key]} onChange={(e) => set({ [key]: e.target.value })} autoComplete="off" />
    </div>
  );

  return (
    <section className="stack">
      <h2>{t('reports.title')}</h2>
      <fieldset className="coordinator-filters">
        <legend>{t('reports.filters')}</legend>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('reports.type')}</label>
          <select id={`${id}-type`} value={filter.type} onChange={(e) => set({ type: isIncidentType(e.target.value) ? e.target.value : '' })}>
            <option value="">{t('reports.any')}</option>
            {incidentTypes.map((type) => (
              <option key={type} value={type}>
                {tApp(`domain:incidentTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-freedom`}>{t('reports.freedom')}</label>
          <select id={`${id}-freedom`} value={filter.freedom} onChange={(e) => set({ freedom: isFreedom(e.target.value) ? e.target.value : '' })}>
            <option value="">{t('reports.any')}</option>
            {freedoms.map((freedom) => (
              <option key={freedom} value={freedom}>
                {tApp(`domain:freedoms.${freedom}`)}
              </option>
            ))}
          </select>
        </div>
        {text('region', t('reports.region'))}
        {text('city', t('reports.city'))}
        {text('from', t('reports.from'), 'date')}
        {text('to', t('reports.to'), 'date')}
        <div className="field">
          <label htmlFor={`${id}-device`}>{t('reports.device')}</label>
          <select id={`${id}-device`} value={filter.device} onChange={(e) => set({ device: e.target.value })}>
            <option value="">{t('reports.any')}</option>
            {devices.map((device) => (
              <option key={device.deviceId} value={device.deviceId}>
                {deviceLabel(device)}
              </option>
            ))}
          </select>
        </div>
        {text('people', t('reports.people'))}
        {text('text', t('reports.text'))}
        <div className="field">
          <label htmlFor={`${id}-sort`}>{t('reports.sort')}</label>
          <select id={`${id}-sort`} value={filter.sort} onChange={(e) => set({ sort: sorts.find((s) => s === e.target.value) ?? 'newest' })}>
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(sortKey[sort])}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <p role="status">{t('reports.count', { shown: shown.length, total: all.length })}</p>
      {all.length === 0 ? <p>{t('reports.none')}</p> : null}
      <ul className="report-list coordinator-reports">
        {shown.map((view: ReportView) => {
          const report = currentReport(view);
          return (
            <li key={view.key}>
              <button type="button" onClick={() => setOpen(view.key)}>
                <span className="title">
                  {tApp(`domain:incidentTypes.${report.incidentType}`)} — {[report.where.city, report.where.region].filter((s) => s !== '').join(', ')}
                </span>
                <span className="meta">
                  {formatIncidentWhen(report.when, lang)} · {deviceLabel(view)}
                  {view.versions.length > 1 ? ` · ${t('reports.amended', { count: view.versions.length })}` : ''}
                </span>
                <span className="excerpt">{report.narrative.slice(0, 140)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
