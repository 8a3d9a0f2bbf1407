import type { Page } from 'playwright-core';

/**
 * On the lock screen: types the passphrase and presses Unlock. It does not wait for the outcome,
 * so a test can check either the home screen or the refusal.
 */
export async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}
