import type { Outcome } from '../domain/outcome';
import type { ExportedReport } from './buildExportDocument';
import { exportDateText } from './exportDateText';
import { exportLabels } from './exportLabels';
import { exportLatestReport } from './exportLatestReport';
import { exportLegalBasisPhrase } from './exportLegalBasisText';
import { exportDaysText, exportMoneyText, exportMonthsText } from './exportOutcomeText';
import { exportPersonText } from './exportPersonText';
import { exportRedactor } from './exportRedactor';
import { markdownEscape } from './markdownEscape';

function outcomeSentence(outcome: Outcome): string | null {
  switch (outcome.kind) {
    case 'fine':
      return `Outcome: a fine of ${exportMoneyText(outcome)}.`;
    case 'administrative_arrest':
      return `Outcome: ${exportDaysText(outcome.days)} of administrative arrest.`;
    case 'prison_term':
      return `Outcome: a prison term of ${exportMonthsText(outcome.months)}.`;
    case 'restricted_freedom':
      return `Outcome: restricted freedom for ${exportMonthsText(outcome.months)}.`;
    case 'warning':
      return 'Outcome: a warning.';
    case 'released':
      return 'Outcome: released.';
    case 'none':
      return 'Outcome: no sanction.';
    case 'unknown':
      return null;
  }
}

/** Ends a sentence the monitor wrote, unless it already ends with punctuation. */
function sentence(text: string): string {
  return /[.!?…]["')»]*$/u.test(text) ? text : `${text}.`;
}

/** Only letters, digits, spaces and single hyphens: nothing that could close the HTML comment. */
function commentSafe(text: string): string {
  return text.replace(/[^0-9A-Za-z -]/g, '').replace(/-+/g, '-');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * One incident as a paragraph of a monitoring update: type, when (as precise as recorded), where,
 * what happened, who was affected (named only with consent), who acted, legal basis, outcome and
 * source, from the report's current version. Before it, an HTML comment (not shown when rendered)
 * names the report and device, so the coordinator can trace the paragraph back. All user text is
 * escaped, and names of people who did not consent are blanked in it (exportRedactor).
 */
export function markdownParagraph(exported: ExportedReport): string {
  const report = exportLatestReport(exported);
  const redact = exportRedactor(report.peopleAffected);
  const when = exportDateText(report.when);
  const place = [report.where.city, report.where.region].filter((part) => part !== '').join(', ');
  const venue = redact(report.where.venue);
  const opening = [
    report.when.precision === 'month' ? `In ${when}` : `On ${when}`,
    place === '' ? '' : `, in ${place}`,
    venue === '' ? '' : ` (${venue})`,
  ].join('');
  const sentences = [
    `${opening}: ${sentence(redact(report.narrative))}`,
    report.peopleAffected.length === 0 ? null : `People affected: ${report.peopleAffected.map((person) => exportPersonText(person, redact)).join('; ')}.`,
    report.numberAffected === null ? null : `Number of people affected: ${report.numberAffected}.`,
    report.actors.length === 0 ? null : `Who acted: ${report.actors.map((actor) => exportLabels.actors[actor]).join(', ')}.`,
    report.legalBasis.length === 0 ? null : `Legal basis: ${report.legalBasis.map(exportLegalBasisPhrase).join('; ')}.`,
    outcomeSentence(report.outcome),
    report.source === null ? null : `Source: ${exportLabels.sources[report.source]}.`,
    report.freedoms.length < 2 ? null : `Also concerns ${report.freedoms.slice(1).map((freedom) => lowerFirst(exportLabels.freedoms[freedom])).join(' and ')}.`,
  ].filter((part) => part !== null);
  const comment = `<!-- report ${commentSafe(exported.reportId)}, device ${commentSafe(exported.deviceFingerprint)}, ${exported.versions.length} ${exported.versions.length === 1 ? 'version' : 'versions'} -->`;
  return `${comment}\n**${markdownEscape(exportLabels.incidentTypes[report.incidentType])}.** ${markdownEscape(sentences.join(' '))}`;
}
