import type { Outcome } from '../domain/outcome';

// Grouped thousands, as monitoring updates print sums ('150,000 KZT'); fixed locale so every export reads the same.
const amountFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** '150,000 KZT'. */
export function exportMoneyText(money: { readonly amount: number; readonly currency: string }): string {
  return `${amountFormat.format(money.amount)} ${money.currency}`;
}

function plural(count: number, one: string, many: string): string {
  return `${amountFormat.format(count)} ${count === 1 ? one : many}`;
}

/** '1 day', '10 days'. */
export function exportDaysText(days: number): string {
  return plural(days, 'day', 'days');
}

/** Whole years read as years ('2 years'), anything else as months ('18 months'). */
export function exportMonthsText(months: number): string {
  return months % 12 === 0 ? plural(months / 12, 'year', 'years') : plural(months, 'month', 'months');
}

/** The outcome in a few words, for a table cell: 'fine of 150,000 KZT', 'administrative arrest, 10 days'. */
export function exportOutcomeText(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'fine':
      return `fine of ${exportMoneyText(outcome)}`;
    case 'administrative_arrest':
      return `administrative arrest, ${exportDaysText(outcome.days)}`;
    case 'prison_term':
      return `prison term, ${exportMonthsText(outcome.months)}`;
    case 'restricted_freedom':
      return `restricted freedom, ${exportMonthsText(outcome.months)}`;
    case 'warning':
      return 'warning';
    case 'released':
      return 'released';
    case 'none':
      return 'no sanction';
    case 'unknown':
      return 'not known yet';
  }
}
