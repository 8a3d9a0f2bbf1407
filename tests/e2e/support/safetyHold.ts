import type { Page } from 'playwright-core';

/** A little longer than the app's 1.5 s hold, so timer granularity cannot make the test flaky. */
const HOLD_MS = 2_000;

/** Presses and holds the "Panic wipe" button with the mouse (pointer events), or for `releaseAfterMs`. */
export async function holdPanicWipeWithPointer(page: Page, releaseAfterMs = HOLD_MS): Promise<void> {
  const button = page.getByRole('button', { name: 'Panic wipe' });
  await button.hover();
  await page.mouse.down();
  await page.waitForTimeout(releaseAfterMs);
  await page.mouse.up();
}

/** Focuses the "Panic wipe" button and holds Space, as a keyboard user would. */
export async function holdPanicWipeWithKeyboard(page: Page, releaseAfterMs = HOLD_MS): Promise<void> {
  await page.getByRole('button', { name: 'Panic wipe' }).focus();
  await page.keyboard.down('Space');
  await page.waitForTimeout(releaseAfterMs);
  await page.keyboard.up('Space');
}

/** The first screen's visible text, to compare a wiped app with a fresh start. */
export async function firstScreenText(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Create vault' }).waitFor({ state: 'visible', timeout: 30_000 });
  return page.evaluate(() => document.body.innerText);
}
