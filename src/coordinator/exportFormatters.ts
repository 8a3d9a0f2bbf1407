import type { ExportDocument } from './buildExportDocument';

/** One renderer per output format; CSV and the Markdown update join here as further entries. */
export const exportFormatters = {
  json: (document: ExportDocument): string => `${JSON.stringify(document, null, 2)}\n`,
} as const satisfies Record<string, (document: ExportDocument) => string>;

export type ExportFormat = keyof typeof exportFormatters;

export const EXPORT_FORMATS = Object.keys(exportFormatters) as ExportFormat[];
