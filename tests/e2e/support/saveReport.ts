import type { Page } from 'playwright-core';

export interface ReportInput {
  /** The incident type's option value or visible label, e.g. 'Police visit'. */
  readonly type: string;
  readonly narrative: string;
  readonly city: string;
  /** Local date and time as `YYYY-MM-DDTHH:mm`; cut to the date if the field takes only a date. */
  readonly when: string;
}

/** Fills the "When" field in the format its input type accepts. */
async function fillWhen(page: Page, when: string): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(when)) throw new Error(`saveReport: when must look like 2026-03-14T09:30, got "${when}"`);
  const field = page.getByLabel('When', { exact: true });
  const inputType = await field.evaluate((element) => (element instanceof HTMLInputElement ? element.type : 'text'));
  await field.fill(inputType === 'date' ? when.slice(0, 10) : inputType === 'month' ? when.slice(0, 7) : when);
}

/**
 * From the home screen: opens a new report, fills incident type, narrative, city and time, saves, and
 * waits until the form has closed and the home screen's "New report" button is back.
 */
export async function saveReport(page: Page, input: ReportInput): Promise<void> {
  await page.getByRole('button', { name: 'New report' }).click();
  await page.getByLabel('Incident type', { exact: true }).selectOption(input.type);
  await page.getByLabel('What happened', { exact: true }).fill(input.narrative);
  await page.getByLabel('City', { exact: true }).fill(input.city);
  await fillWhen(page, input.when);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible' });
}
