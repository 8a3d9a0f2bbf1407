import type { Page } from 'playwright-core';

/** On the first-run screen: types the passphrase twice, creates the vault and waits for the home screen. */
export async function createVault(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  // Argon2id with 64 MiB runs before the home screen appears.
  await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible', timeout: 60_000 });
}
