import type { ExportDocument } from './buildExportDocument';
import { exportCsv } from './exportCsv';
import { exportMarkdown } from './exportMarkdown';

/**
 * One renderer per output format, all from the same document (EXPORT_FORMAT.md): the complete record
 * as JSON, a CSV table (text starting with a byte order mark), a Markdown draft of a monitoring update.
 * Each returns text, to be written as UTF-8.
 */
export const exportFormatters = {
  json: (document: ExportDocument): string => `${JSON.stringify(document, null, 2)}\n`,
  csv: exportCsv,
  md: (document: ExportDocument): string => exportMarkdown(document),
} as const satisfies Record<string, (document: ExportDocument) => string>;

export type ExportFormat = keyof typeof exportFormatters;

export const EXPORT_FORMATS = Object.keys(exportFormatters) as ExportFormat[];
