import type { Locator, Page } from 'playwright-core';

/** The home list's row of a report, found by its (unique) city. */
export function reportRow(page: Page, city: string): Locator {
  return page.getByRole('listitem').filter({ hasText: city });
}
