import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createVault } from './support/createVault';
import { launchChromium } from './support/launchChromium';
import { makeTempDir } from './support/makeTempDir';
import type { TempDir } from './support/makeTempDir';
import { randomMarker } from './support/randomMarker';
import { firstScreenText } from './support/safetyHold';
import { readOriginState, totalRows } from './support/safetyOriginState';
import { inSettings, setDuressPassphrase, setFailedUnlockLimit } from './support/safetySettings';
import { saveReport } from './support/saveReport';
import { startServer } from './support/startServer';
import type { RunningServer } from './support/startServer';
import { unlock } from './support/unlock';

const passphrase = 'correct horse battery staple steppe';
const duress = 'birch window salt granary fourteen';
const wrong = 'quiet harbour copper meadow thistle';

let server: RunningServer;
let profile: TempDir;
let context: BrowserContext | undefined;

beforeEach(async () => {
  server = await startServer();
  profile = await makeTempDir('dala-e2e-safety');
  context = await launchChromium(profile.path);
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  await server.stop();
  await profile.remove();
});

async function openApp(): Promise<{ page: Page; freshText: string }> {
  if (context === undefined) throw new Error('openApp: no browser context');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  return { page, freshText: await firstScreenText(page) };
}

async function vaultWithReport(page: Page): Promise<string> {
  await createVault(page, passphrase);
  const city = `Semey ${randomMarker('latin')}`;
  await saveReport(page, { type: 'Police visit', narrative: `Meeting broken up ${randomMarker('latin')}`, city, when: '2026-02-01T18:30' });
  await page.getByText(city).first().waitFor({ state: 'visible' });
  return city;
}

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Unlock' }).waitFor({ state: 'visible' });
}

/** Types a wrong passphrase and waits for the refusal (two Argon2id runs). */
async function failUnlock(page: Page): Promise<void> {
  await unlock(page, wrong);
  await page.getByRole('alert').waitFor({ state: 'visible', timeout: 60_000 });
}

const attemptsLeft = (n: number) => `Attempts left before this phone’s reports are erased: ${n}`;

describe('duress passphrase in Chromium', () => {
  it('opens an empty vault that works normally; the real passphrase then opens nothing', async () => {
    const { page } = await openApp();
    const city = await vaultWithReport(page);
    await inSettings(page, () => setDuressPassphrase(page, duress));
    await lock(page);

    await unlock(page, duress);
    await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.getByText('No reports yet.').isVisible()).toBe(true);
    expect(await page.getByText(city).count()).toBe(0);
    // It behaves normally: a report saved now is listed.
    const decoyCity = `Aktau ${randomMarker('latin')}`;
    await saveReport(page, { type: 'Police visit', narrative: 'Nothing happened at the market.', city: decoyCity, when: '2026-02-02T10:00' });
    await page.getByText(decoyCity).first().waitFor({ state: 'visible' });
    await lock(page);

    await unlock(page, passphrase);
    const refusal = page.getByRole('alert');
    await refusal.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await refusal.innerText()).toContain('Wrong passphrase');
    expect(await page.getByText(city).count()).toBe(0);
  });
});

describe('wipe after failed unlocks in Chromium', () => {
  it('warns when 3 attempts remain and erases exactly at the 5th, counting across reloads', async () => {
    const { page, freshText } = await openApp();
    const city = await vaultWithReport(page);
    await inSettings(page, () => setFailedUnlockLimit(page, 5));
    await lock(page);
    expect(await page.getByText(attemptsLeft(5)).count()).toBe(0);

    await failUnlock(page);
    await failUnlock(page);
    expect(await page.getByRole('alert').innerText()).toContain(attemptsLeft(3));
    await page.reload();
    // The count survived the reload; the warning shows before any new attempt.
    await page.getByText(attemptsLeft(3)).waitFor({ state: 'visible' });

    await failUnlock(page);
    await page.reload();
    await page.getByText(attemptsLeft(2)).waitFor({ state: 'visible' });
    await failUnlock(page);
    expect(await page.getByRole('alert').innerText()).toContain(attemptsLeft(1));
    // Exactly at N, not before: after 4 wrong attempts everything is still there.
    expect(totalRows(await readOriginState(page))).toBeGreaterThan(0);
    await page.reload();

    await unlock(page, wrong);
    expect(await firstScreenText(page)).toBe(freshText);
    const state = await readOriginState(page);
    expect(totalRows(state)).toBe(0);
    expect(state.localStorageKeys).toEqual([]);
    expect(await page.getByText(city).count()).toBe(0);
  });

  it('control: the right passphrase resets the count', async () => {
    const { page } = await openApp();
    const city = await vaultWithReport(page);
    await inSettings(page, () => setFailedUnlockLimit(page, 5));
    await lock(page);
    for (let i = 0; i < 4; i += 1) await failUnlock(page);
    await unlock(page, passphrase);
    await page.getByText(city).first().waitFor({ state: 'visible', timeout: 60_000 });
    await lock(page);
    await failUnlock(page);
    expect(await page.getByRole('alert').innerText()).toContain('Failed attempts: 1');
    expect(await page.getByText(attemptsLeft(4)).count()).toBe(0);
  });
});
