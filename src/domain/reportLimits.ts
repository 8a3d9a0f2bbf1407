/**
 * Upper bounds of a report's fields. They keep one report (and so one sealed bundle) small, and the
 * form uses them as maxLength. Lengths are in UTF-16 code units, as the browser's maxLength counts.
 */
export const reportLimits = {
  narrative: 20_000,
  shortText: 200,
  longText: 5_000,
  article: 100,
  tag: 50,
  tags: 30,
  people: 500,
  legalBasis: 20,
  attachments: 50,
  count: 1_000_000,
  /** Kazakh tenge amounts for large claims run to 10^9; this leaves room without allowing nonsense. */
  amount: 1_000_000_000_000,
  days: 3_650,
  months: 1_200,
} as const;
