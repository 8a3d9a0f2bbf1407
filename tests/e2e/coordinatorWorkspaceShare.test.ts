// "Several coordinators", end to end in Chromium with two coordinator profiles and the real relay: A lists
// B (Keys), gives B the organisation as a downloaded file, B opens it, compares A's fingerprint in the
// preview, adds it, and pulls from the relay with it. Screens at the phone width of launchChromium (360 px).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { browserCoordinatorPassphrase, createBrowserOrganisation, openSection, pullNow } from './support/browserCoordinator';
import { browserProfiles } from './support/browserProfiles';
import { startServer } from './support/startServer';
import type { RunningServer } from './support/startServer';

let server: RunningServer | undefined;
const profiles = browserProfiles();
const openContext = profiles.open;

afterEach(async () => {
  try {
    await profiles.closeAll();
  } finally {
    await server?.stop();
  }
});

/** Where a look at the screens goes when DALA_SCREENSHOTS names a folder; nothing otherwise. */
async function look(page: Page, name: string, heading: string): Promise<void> {
  const dir = process.env['DALA_SCREENSHOTS'];
  if (dir === undefined || dir === '') return;
  await page.locator('section').filter({ has: page.getByRole('heading', { name: heading }) }).last().screenshot({ path: `${dir}/${name}.png` });
}

async function createVaultOnly(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Set up as coordinator' }).click();
  await page.getByLabel('Your name, as monitors will see it').fill(name);
  await page.getByLabel('Passphrase', { exact: true }).fill(browserCoordinatorPassphrase);
  await page.getByLabel('Repeat passphrase', { exact: true }).fill(browserCoordinatorPassphrase);
  await page.getByRole('button', { name: 'Create coordinator vault' }).click();
  await page.getByRole('heading', { name: 'Create an organisation' }).waitFor({ state: 'visible', timeout: 60_000 });
}

describe('browser coordinator: give an organisation to another coordinator', () => {
  it('A gives B the organisation as a file; B sees who signed it, adds it and pulls', async () => {
    server = await startServer();
    const a = await openContext('dala-e2e-coordinator-a');
    await createBrowserOrganisation(a, server.url, server.adminToken, 'Aigerim');
    const b = await openContext('dala-e2e-coordinator-b');
    await createVaultOnly(b, server.url, 'Bolat');

    // Before B is listed there is nobody to give it to.
    await a.getByText('No other coordinator is listed yet. Add them under Keys first.').waitFor({ state: 'visible' });

    await openSection(b, 'Keys');
    const boxKey = await b.getByRole('textbox', { name: 'Encryption key (X25519, --box-key)' }).first().inputValue();
    const signKey = await b.getByRole('textbox', { name: 'Signing key (Ed25519, --sign-key)' }).first().inputValue();
    await openSection(a, 'Keys');
    const aSignFingerprint = (await a.locator('.fingerprint-groups').nth(1).getAttribute('aria-label'))?.split(':')[0] ?? '';
    expect(aSignFingerprint).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);
    await a.getByLabel('Their name, as monitors will see it').fill('Bolat');
    await a.getByRole('textbox', { name: 'Encryption key (X25519, --box-key)' }).nth(1).fill(boxKey);
    await a.getByRole('textbox', { name: 'Signing key (Ed25519, --sign-key)' }).nth(1).fill(signKey);
    await a.getByRole('button', { name: 'Add coordinator' }).click();
    await a.getByText('Done. The invites now list the new keys.').waitFor({ state: 'visible', timeout: 30_000 });

    await openSection(a, 'Organisation');
    await a.getByRole('heading', { name: 'Give Steppe Watch to another coordinator' }).waitFor({ state: 'visible' });
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: 'Download the file for them' }).click()]);
    expect(download.suggestedFilename()).toBe('Steppe-Watch-for-Bolat.dala-org.json');
    const path = await download.path();
    await a.getByText('Send it to Bolat alone', { exact: false }).waitFor({ state: 'visible' });
    await look(a, 'share-given', 'Give Steppe Watch to another coordinator');

    // B: a file that is not one is refused with a reason; the real one shows a preview and adds nothing yet.
    const input = b.getByLabel('Organisation file');
    await openSection(b, 'Organisation');
    await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"dala-export"}') });
    await b.getByText('That file is not a Dala organisation file.').waitFor({ state: 'visible' });
    await input.setInputFiles({ name: 'Steppe-Watch-for-Bolat.dala-org.json', mimeType: 'application/json', buffer: readFileSync(path) });
    await b.getByText('“Steppe Watch”, given by Aigerim').first().waitFor({ state: 'visible' });
    await b.getByText('Coordinators: Aigerim, Bolat').waitFor({ state: 'visible' });
    expect(await b.locator('.fingerprint-groups').first().getAttribute('aria-label')).toMatch(new RegExp(`^${aSignFingerprint}: `));
    await look(b, 'share-preview', 'Open an organisation given to you');
    expect(await b.getByRole('heading', { name: 'Invite monitors to Steppe Watch' }).count()).toBe(0);
    await b.getByRole('button', { name: 'It matches: add the organisation' }).click();
    await b.getByText('“Steppe Watch” was added.', { exact: false }).waitFor({ state: 'visible', timeout: 30_000 });
    await b.getByRole('heading', { name: 'Invite monitors to Steppe Watch' }).waitFor({ state: 'visible' });
    await look(b, 'share-added', 'Open an organisation given to you');

    // B holds the pull token now: the relay answers its pull.
    await pullNow(b, 'New reports: 0 (new versions: 0), duplicates: 0, kept aside: 0.');
  });
});
