// The CSV export (EXPORT_FORMAT.md §4): one row per report, its current version, for spreadsheets.
// Like the Markdown update it names only people who consented: a CSV tends to be shared further than
// the JSON export, which stays the complete record.
import type { Report } from '../domain/report';
import type { ExportDocument, ExportedReport } from './buildExportDocument';
import { csvCell } from './csvCell';
import { exportDetailsText } from './exportDetailsText';
import { exportLabels } from './exportLabels';
import { exportLatestReport } from './exportLatestReport';
import { exportLegalBasisText } from './exportLegalBasisText';
import { exportOutcomeText } from './exportOutcomeText';
import { exportPersonText } from './exportPersonText';
import { exportRedactor } from './exportRedactor';

interface Row {
  readonly exported: ExportedReport;
  readonly report: Report;
  /** Blanks out the names of people who did not consent; applied to the free text (not to place names). */
  readonly redact: (text: string) => string;
}

/** Separates the items of a list inside one cell. */
const LIST = '; ';

/** Header and value of each column, in their fixed order (documented in EXPORT_FORMAT.md §4). */
const csvColumns: readonly (readonly [header: string, value: (row: Row) => string])[] = [
  ['report id', ({ exported }) => exported.reportId],
  ['organisation', ({ exported }) => exported.organisation],
  ['device fingerprint', ({ exported }) => exported.deviceFingerprint],
  ['versions', ({ exported }) => String(exported.versions.length)],
  ['incident type', ({ report }) => exportLabels.incidentTypes[report.incidentType]],
  ['freedoms', ({ report }) => report.freedoms.map((freedom) => exportLabels.freedoms[freedom]).join(LIST)],
  ['date', ({ report }) => report.when.value],
  ['date precision', ({ report }) => report.when.precision],
  ['region', ({ report }) => report.where.region],
  ['city', ({ report }) => report.where.city],
  ['venue', ({ report, redact }) => redact(report.where.venue)],
  ['what happened', ({ report, redact }) => redact(report.narrative)],
  ['number affected', ({ report }) => (report.numberAffected === null ? '' : String(report.numberAffected))],
  ['people affected', ({ report, redact }) => report.peopleAffected.map((person) => exportPersonText(person, redact)).join(LIST)],
  ['people named (with consent)', ({ report }) => report.peopleAffected.filter((person) => person.consentToPublish).map((person) => person.name).join(LIST)],
  ['actors', ({ report }) => report.actors.map((actor) => exportLabels.actors[actor]).join(LIST)],
  ['legal basis', ({ report }) => report.legalBasis.map(exportLegalBasisText).join(LIST)],
  ['outcome', ({ report }) => exportOutcomeText(report.outcome)],
  ['source', ({ report }) => (report.source === null ? '' : exportLabels.sources[report.source])],
  ['verification', ({ report, redact }) => redact(report.verification)],
  ['details', ({ report, redact }) => exportDetailsText(report, redact)],
  ['tags', ({ report, redact }) => report.tags.map(redact).join(LIST)],
];

function line(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * The export document as CSV text (RFC 4180, CRLF line ends), starting with a byte order mark
 * (U+FEFF, the bytes EF BB BF once written as UTF-8) so spreadsheet programs read it as UTF-8.
 */
export function exportCsv(document: ExportDocument): string {
  const rows = document.reports.map((exported) => {
    const report = exportLatestReport(exported);
    const row: Row = { exported, report, redact: exportRedactor(report.peopleAffected) };
    return line(csvColumns.map(([, value]) => value(row)));
  });
  return `\uFEFF${line(csvColumns.map(([header]) => header))}${rows.join('')}`;
}
