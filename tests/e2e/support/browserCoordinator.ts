import type { Page } from 'playwright-core';

/** The passphrase of coordinator vaults the browser e2e tests create. */
export const browserCoordinatorPassphrase = 'quiet river under the old bridge';

/**
 * From the monitor's first screen: "Set up as coordinator", a vault for `name`, then the organisation
 * "Steppe Watch" on the relay at `relayUrl`. Resolves to the invite link shown.
 */
export async function createBrowserOrganisation(page: Page, relayUrl: string, adminToken: string, name = 'Aigerim'): Promise<string> {
  await page.goto(relayUrl);
  await page.getByRole('button', { name: 'Set up as coordinator' }).click();
  await page.getByLabel('Your name, as monitors will see it').fill(name);
  await page.getByLabel('Passphrase', { exact: true }).fill(browserCoordinatorPassphrase);
  await page.getByLabel('Repeat passphrase', { exact: true }).fill(browserCoordinatorPassphrase);
  await page.getByRole('button', { name: 'Create coordinator vault' }).click();
  await page.getByRole('heading', { name: 'Create an organisation' }).waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByLabel('Organisation name').fill('Steppe Watch');
  await page.getByLabel('Relay admin token').fill(adminToken);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.getByRole('heading', { name: 'Invite monitors to Steppe Watch' }).waitFor({ state: 'visible', timeout: 30_000 });
  return inviteLinkShown(page);
}

/** The invite link in the Organisation section (which must be open). */
export function inviteLinkShown(page: Page): Promise<string> {
  return page.getByRole('textbox', { name: 'Invite link' }).inputValue();
}

/** Opens a section of the coordinator workspace by its button, e.g. 'Pull'. */
export async function openSection(page: Page, name: 'Organisation' | 'Pull' | 'Devices' | 'Reports' | 'Overview' | 'Export' | 'Keys'): Promise<void> {
  await page.getByRole('navigation', { name: 'Coordinator sections' }).getByRole('button', { name, exact: true }).click();
}

/** Pull section: "Pull now", then waits for the summary line `summary` (e.g. 'New reports: 1 (new versions: 1), duplicates: 0, kept aside: 0.'). */
export async function pullNow(page: Page, summary: string): Promise<void> {
  await openSection(page, 'Pull');
  await page.getByRole('button', { name: 'Pull now' }).click();
  await page.getByText(summary, { exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
}

/**
 * A monitor on a fresh profile: opens the invite link, creates a vault with `passphrase`, joins, and
 * waits for the home screen.
 */
export async function joinFromInviteLink(page: Page, inviteLink: string, passphrase: string): Promise<void> {
  await page.goto(inviteLink);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('heading', { name: 'Join an organisation' }).waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByText('Joined Steppe Watch').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible' });
}
