// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, e.g.
// '=HYPERLINK(...)' leaking data when clicked); the full-width forms are read the same way by some.
const formulaStart = /^[=+\-@\t\r＝＋－＠]/u;

/**
 * One CSV field (RFC 4180): a cell that would start a formula gets a leading apostrophe, so the
 * spreadsheet shows it as text; a field holding a comma, quote, CR or LF is quoted, quotes doubled.
 */
export function csvCell(value: string): string {
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
