import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createVault } from './support/createVault';
import { launchChromium } from './support/launchChromium';
import { makeTempDir } from './support/makeTempDir';
import type { TempDir } from './support/makeTempDir';
import { randomMarker } from './support/randomMarker';
import { firstScreenText, holdPanicWipeWithKeyboard, holdPanicWipeWithPointer } from './support/safetyHold';
import { readOriginState, totalRows } from './support/safetyOriginState';
import type { OriginState } from './support/safetyOriginState';
import { saveReport } from './support/saveReport';
import { startServer } from './support/startServer';
import type { RunningServer } from './support/startServer';

const passphrase = 'correct horse battery staple steppe';

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

/** Opens the app on a fresh profile and returns the first screen's text, as on a fresh install. */
async function openFresh(): Promise<{ page: Page; freshText: string }> {
  if (context === undefined) throw new Error('openFresh: no browser context');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  return { page, freshText: await firstScreenText(page) };
}

/** A vault with a saved report, a remembered language choice, and data in every kind of origin storage. */
async function useTheApp(page: Page): Promise<void> {
  // Choosing a language stores it in localStorage (the one thing kept in the clear before unlock).
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  await page.getByLabel('Язык', { exact: true }).selectOption('en');
  await createVault(page, passphrase);
  const city = `Taraz ${randomMarker('latin')}`;
  await saveReport(page, { type: 'Police visit', narrative: `Search at dawn ${randomMarker('cyrillic')}`, city, when: '2026-03-14T06:10' });
  await page.getByText(city).first().waitFor({ state: 'visible' });
  // Planted on purpose, so the test proves these kinds of storage are emptied too.
  await page.evaluate(async () => {
    sessionStorage.setItem('e2e-session', '1');
    await (await caches.open('e2e-runtime-cache')).put('/e2e-cached', new Response('cached'));
  });
}

function expectUsed(state: OriginState): void {
  expect(totalRows(state)).toBeGreaterThan(0);
  expect(state.localStorageKeys).toContain('dala.language');
  expect(state.sessionStorageKeys).toEqual(['e2e-session']);
  expect(state.cacheNames).toContain('e2e-runtime-cache');
}

function expectWiped(state: OriginState): void {
  expect(totalRows(state)).toBe(0);
  expect(state.localStorageKeys).toEqual([]);
  expect(state.sessionStorageKeys).toEqual([]);
  expect(state.cacheNames.filter((name) => !name.startsWith('workbox-precache'))).toEqual([]);
}

describe('panic wipe in Chromium', () => {
  it('from the home screen (press and hold): nothing left but the app shell; the app starts offline as on a fresh install', async () => {
    const { page, freshText } = await openFresh();
    await useTheApp(page);
    // The service worker must control the page for the offline start at the end.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.getByRole('button', { name: 'Unlock' }).waitFor({ state: 'visible' });
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible', timeout: 60_000 });
    expectUsed(await readOriginState(page));

    await holdPanicWipeWithPointer(page);
    expect(await firstScreenText(page)).toBe(freshText);
    const wiped = await readOriginState(page);
    expectWiped(wiped);
    expect(wiped.cacheNames.some((name) => name.startsWith('workbox-precache'))).toBe(true);
    // The key material went first: its mark comes before the end of the wipe.
    const marks = await page.evaluate(() => ['dala:panic-wipe', 'dala:key-material-gone', 'dala:wipe-done'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? -1));
    expect(marks.every((time) => time >= 0)).toBe(true);
    expect([...marks].sort((a, b) => a - b)).toEqual(marks);

    await server.stop();
    await context?.setOffline(true);
    await page.reload();
    expect(await firstScreenText(page)).toBe(freshText);
  });

  it('from the lock screen (holding Space), after a tap that does nothing', async () => {
    const { page, freshText } = await openFresh();
    await useTheApp(page);
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Unlock' }).waitFor({ state: 'visible' });

    // Control: a tap, or a hold released early, erases nothing.
    await page.getByRole('button', { name: 'Panic wipe' }).click();
    await holdPanicWipeWithPointer(page, 600);
    expect(await page.getByRole('button', { name: 'Unlock' }).isVisible()).toBe(true);
    expectUsed(await readOriginState(page));

    await holdPanicWipeWithKeyboard(page);
    expect(await firstScreenText(page)).toBe(freshText);
    expectWiped(await readOriginState(page));
    // A new vault can be created at once, and it is empty.
    await createVault(page, passphrase);
    expect(await page.getByText('No reports yet.').isVisible()).toBe(true);
  });
});
