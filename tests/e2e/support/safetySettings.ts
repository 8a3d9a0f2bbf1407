import type { Page } from 'playwright-core';

/** From any unlocked screen: opens Settings, runs `change`, goes back home. */
export async function inSettings(page: Page, change: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor({ state: 'visible' });
  await change();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible' });
}

/** In Settings: sets the duress passphrase and waits until it is stored (two Argon2id runs). */
export async function setDuressPassphrase(page: Page, duress: string): Promise<void> {
  await page.getByLabel('Duress passphrase', { exact: true }).fill(duress);
  await page.getByLabel('Repeat duress passphrase', { exact: true }).fill(duress);
  await page.getByRole('button', { name: 'Set duress passphrase' }).click();
  await page.getByText('A duress passphrase is set.').waitFor({ state: 'visible', timeout: 60_000 });
}

/** In Settings: erase everything after `limit` failed unlocks (0 = never). */
export async function setFailedUnlockLimit(page: Page, limit: 0 | 5 | 10 | 20): Promise<void> {
  const select = page.getByLabel('Erase everything after failed unlocks', { exact: true });
  await select.selectOption(String(limit));
  // The select shows the stored value only once the store has answered.
  await page.waitForFunction(
    ([label, value]) => {
      const field = [...document.querySelectorAll('label')].find((l) => l.textContent === label)?.control;
      return field instanceof HTMLSelectElement && field.value === value && !field.disabled;
    },
    ['Erase everything after failed unlocks', String(limit)] as const,
  );
}
