// The draft of a monthly monitoring update (EXPORT_FORMAT.md §5): incidents grouped by freedom, then
// by date, one paragraph each, naming only people who consented to publication.
import type { Freedom } from '../domain/freedoms';
import { freedoms } from '../domain/freedoms';
import type { ExportDocument } from './buildExportDocument';
import { exportDateText, exportMonthText } from './exportDateText';
import { exportLabels } from './exportLabels';
import { exportLatestReport } from './exportLatestReport';
import { markdownEscape } from './markdownEscape';
import { markdownParagraph } from './markdownParagraph';

export interface ExportMarkdownOptions {
  /** Replaces the title worked out from the reports' dates ('Monitoring update: March 2026'). */
  readonly title?: string;
}

/** 'March 2026', 'February–March 2026' or 'December 2025 – January 2026': the months the reports cover. */
function period(months: readonly string[]): string | null {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return null;
  if (first === last) return exportMonthText(first);
  // Within one year the first month drops its year: 'February–March 2026'.
  if (first.slice(0, 4) === last.slice(0, 4)) return `${exportMonthText(first).replace(/ \d{4}$/, '')}–${exportMonthText(last)}`;
  return `${exportMonthText(first)} – ${exportMonthText(last)}`;
}

function byDate(a: { readonly date: string; readonly key: string }, b: { readonly date: string; readonly key: string }): number {
  // Dates as written compare as strings; a month-only date ('2026-03') sorts before the days of its month.
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The export document as a Markdown draft: a title, a note on how it was made, then one section per
 * freedom (association, peaceful assembly, expression; each shown, empty or not) and, if any report
 * marks no freedom, "Other incidents". A report concerning several freedoms appears once, under the
 * first in its list (the others are named in its paragraph). Within a section, oldest first.
 */
export function exportMarkdown(document: ExportDocument, options: ExportMarkdownOptions = {}): string {
  const entries = document.reports.map((exported) => {
    const report = exportLatestReport(exported);
    return { exported, date: report.when.value, key: `${exported.reportId} ${exported.deviceId}`, freedom: report.freedoms[0] ?? null };
  });
  const covered = period(entries.map((entry) => entry.date.slice(0, 7)));
  const title = options.title ?? (covered === null ? 'Monitoring update' : `Monitoring update: ${covered}`);
  const exportedOn = exportDateText({ value: document.exportedAt.slice(0, 10), precision: 'day' });
  const blocks = [
    `# ${markdownEscape(title)}`,
    `_Draft made by Dala from ${entries.length} ${entries.length === 1 ? 'report' : 'reports'} on ${exportedOn}. ` +
      'People affected are named only if they agreed to publication; read every paragraph before publishing._',
  ];
  const section = (freedom: Freedom | null) => entries.filter((entry) => entry.freedom === freedom).sort(byDate).map((entry) => markdownParagraph(entry.exported));
  for (const freedom of freedoms) {
    const paragraphs = section(freedom);
    blocks.push(`## ${exportLabels.freedoms[freedom]}`, ...(paragraphs.length === 0 ? ['No incidents in this export.'] : paragraphs));
  }
  const other = section(null);
  if (other.length > 0) blocks.push('## Other incidents (no freedom marked)', ...other);
  return `${blocks.join('\n\n')}\n`;
}
