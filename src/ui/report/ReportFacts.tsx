import { Fragment, type ReactNode } from 'react';
import { detailChoiceLists, incidentDetailFields, type DetailFieldKind } from '../../domain/incidentDetails';
import type { Outcome } from '../../domain/outcome';
import type { Report } from '../../domain/report';
import { formatIncidentWhen } from '../format/formatIncidentWhen';
import { formatNumber } from '../format/formatNumber';
import { intlLocale } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';

/** A report's content as a list of label/value pairs; empty fields are left out. */
export function ReportFacts({ report }: { report: Report }) {
  const { t } = useT();
  const language = useLanguage();
  const facts: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode) => {
    if (value !== '' && value !== null) facts.push([label, value]);
  };
  const outcomeText = (outcome: Outcome): string => {
    const kind = t(`domain:outcomes.${outcome.kind}`);
    switch (outcome.kind) {
      case 'fine':
        return `${kind}: ${new Intl.NumberFormat(intlLocale[language], { style: 'currency', currency: outcome.currency, currencyDisplay: 'code' }).format(outcome.amount)}`;
      case 'administrative_arrest':
        return `${kind}: ${t('detail.days', { n: formatNumber(outcome.days, language) })}`;
      case 'prison_term':
      case 'restricted_freedom':
        return `${kind}: ${t('detail.months', { n: formatNumber(outcome.months, language) })}`;
      default:
        return kind;
    }
  };

  add(t('form.incidentType'), t(`domain:incidentTypes.${report.incidentType}`));
  add(t('form.when'), `${formatIncidentWhen(report.when, language)} (${t(`domain:precision.${report.when.precision}`)})`);
  add(t('form.city'), report.where.city);
  add(t('domain:fields.where.region'), report.where.region);
  add(t('domain:fields.where.venue'), report.where.venue);
  add(t('form.narrative'), <span className="narrative">{report.narrative}</span>);
  if (report.peopleAffected.length > 0) {
    add(
      t('domain:fields.peopleAffected._'),
      <ul>
        {report.peopleAffected.map((person, index) => (
          // Saved versions never change, so the position is a stable key.
          <li key={index}>
            {[person.name, person.role, person.affiliation].filter((part) => part !== '').join(', ')}
            {person.consentToPublish ? ` — ${t('detail.consents')}` : ` — ${t('detail.noConsent')}`}
          </li>
        ))}
      </ul>,
    );
  }
  add(t('domain:fields.actors'), report.actors.map((actor) => t(`domain:actors.${actor}`)).join(', '));
  add(t('domain:fields.numberAffected'), report.numberAffected === null ? '' : formatNumber(report.numberAffected, language));
  add(
    t('domain:fields.legalBasis._'),
    report.legalBasis.map((basis) => `${t(`domain:legalCodes.${basis.code}`)} ${basis.article}`).join('; '),
  );
  if (report.outcome.kind !== 'unknown') add(t('domain:fields.outcome._'), outcomeText(report.outcome));
  add(t('domain:fields.source'), report.source === null ? '' : t(`domain:sources.${report.source}`));
  add(t('domain:fields.verification'), report.verification === '' ? '' : <span className="narrative">{report.verification}</span>);
  add(t('domain:fields.freedoms'), report.freedoms.map((freedom) => t(`domain:freedoms.${freedom}`)).join(', '));
  const kinds: Readonly<Record<string, DetailFieldKind>> = incidentDetailFields[report.incidentType];
  const details: Readonly<Record<string, unknown>> = report.details;
  for (const [name, kind] of Object.entries(kinds)) {
    const value = details[name];
    if (value === undefined) continue;
    // Detail labels are looked up by field name; the domain's label table has one per name.
    const label = t(`domain:fields.details.${name}` as 'domain:fields.details.heldAt');
    if (typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value) {
      add(t('domain:fields.details.claimAmount._'), `${String(value.amount)} ${String(value.currency)}`);
    } else if (typeof value === 'number') {
      add(label, formatNumber(value, language));
    } else if (kind in detailChoiceLists) {
      add(label, t(`domain:detailChoices.${kind}.${String(value)}` as 'domain:detailChoices.triState.yes'));
    } else {
      add(label, String(value));
    }
  }
  add(t('domain:fields.tags'), report.tags.join(', '));
  if (report.attachments.length > 0) add(t('domain:fields.attachments._'), formatNumber(report.attachments.length, language));

  return (
    <dl className="facts">
      {facts.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

