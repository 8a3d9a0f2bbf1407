import { useId } from 'react';
import { incidentTypes, type IncidentType } from '../../domain/incidentTypes';
import { useT } from '../i18n/useT';
import { isFiltering, noFilter, type FilterInputs } from './filterReports';

/** Search box plus type, date range and city filters. The filters fold away to keep the list in view. */
export function ReportFilters({ value, onChange }: { value: FilterInputs; onChange: (value: FilterInputs) => void }) {
  const { t } = useT();
  const id = useId();
  const set = (patch: Partial<FilterInputs>) => onChange({ ...value, ...patch });
  const narrowing = value.incidentType !== '' || value.from !== '' || value.to !== '' || value.city !== '';
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('filters.search')}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={value.text}
          onChange={(event) => set({ text: event.target.value })}
          autoComplete="off"
          // Phone keyboards learn words typed into fields with spellcheck or autocorrect on, and suggest them later.
          spellCheck={false}
          autoCorrect="off"
        />
      </div>
      <details className="filters" open={narrowing}>
        <summary>{t('filters.more')}</summary>
        <div className="stack">
          <div className="field">
            <label htmlFor={`${id}-type`}>{t('filters.type')}</label>
            <select
              id={`${id}-type`}
              value={value.incidentType}
              onChange={(event) => set({ incidentType: (incidentTypes as readonly string[]).includes(event.target.value) ? (event.target.value as IncidentType) : '' })}
            >
              <option value="">{t('filters.anyType')}</option>
              {incidentTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`domain:incidentTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
              <input id={`${id}-from`} type="date" value={value.from} onChange={(event) => set({ from: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
              <input id={`${id}-to`} type="date" value={value.to} onChange={(event) => set({ to: event.target.value })} />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-city`}>{t('filters.city')}</label>
            <input id={`${id}-city`} type="text" value={value.city} onChange={(event) => set({ city: event.target.value })} autoComplete="off" />
          </div>
        </div>
      </details>
      {isFiltering(value) ? (
        <button type="button" className="link" onClick={() => onChange(noFilter)}>
          {t('filters.clear')}
        </button>
      ) : null}
    </div>
  );
}
