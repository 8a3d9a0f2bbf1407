import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createVault } from './support/createVault';
import { launchChromium } from './support/launchChromium';
import { makeTempDir } from './support/makeTempDir';
import type { TempDir } from './support/makeTempDir';
import { randomMarker } from './support/randomMarker';
import { saveReport } from './support/saveReport';
import { scanForMarkers } from './support/scanForMarkers';
import { startServer } from './support/startServer';
import type { RunningServer } from './support/startServer';
import { unlock } from './support/unlock';

const passphrase = 'correct horse battery staple steppe';

let server: RunningServer | undefined;
let profile: TempDir | undefined;
let context: BrowserContext | undefined;

beforeEach(async () => {
  server = await startServer();
  profile = await makeTempDir('dala-e2e-profile');
  context = await launchChromium(profile.path);
});

afterEach(async () => {
  try {
    await context?.close();
  } finally {
    context = undefined;
    await server?.stop();
    await profile?.remove();
  }
});

async function openApp(): Promise<Page> {
  if (context === undefined || server === undefined) throw new Error('openApp: beforeEach did not start the browser and server');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  return page;
}

describe('the notebook in Chromium', () => {
  it('shows a saved report after an offline reload and unlock, served by the service worker', async () => {
    const page = await openApp();
    await createVault(page, passphrase);
    const city = `Almaty ${randomMarker('latin')}`;
    const narrative = `Police came to the flat at dawn ${randomMarker('latin')}`;
    await saveReport(page, { type: 'Police visit', narrative, city, when: '2026-03-14T06:10' });
    await page.getByText(city).first().waitFor({ state: 'visible' });

    // The worker is registered on first load but controls only pages loaded after it activated.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // No server and no network: only the service worker's precache can answer the reload.
    await server?.stop();
    await context?.setOffline(true);
    await page.reload();
    await unlock(page, passphrase);

    await page.getByText(city).first().waitFor({ state: 'visible' });
    expect(await page.getByText(city).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  });

  it('refuses a wrong passphrase with a visible message and shows no report', async () => {
    const page = await openApp();
    await createVault(page, passphrase);
    const city = `Shymkent ${randomMarker('latin')}`;
    await saveReport(page, { type: 'Police visit', narrative: `Meeting disrupted ${randomMarker('latin')}`, city, when: '2026-02-01T18:30' });
    await page.getByRole('button', { name: 'Lock' }).click();

    await unlock(page, `${passphrase} wrong`);
    const refusal = page.getByRole('alert');
    await refusal.waitFor({ state: 'visible', timeout: 60_000 });
    expect((await refusal.innerText()).trim()).not.toBe('');
    expect(await page.getByText(city).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New report' }).count()).toBe(0);

    // Control: the same screen does show the report to the right passphrase.
    await unlock(page, passphrase);
    await page.getByText(city).first().waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.getByText(city).count()).toBeGreaterThan(0);
  });

  it('leaves no report text and no passphrase anywhere in the browser profile (with a positive control)', async () => {
    const page = await openApp();
    await createVault(page, passphrase);
    const reportMarkers: string[] = [];
    const reports = [
      { type: 'Police visit', when: '2026-03-14T06:10', alphabet: 'latin' },
      { type: 'Police visit', when: '2026-03-15T11:45', alphabet: 'cyrillic' },
    ] as const;
    for (const report of reports) {
      const cityMarker = randomMarker(report.alphabet);
      const narrativeMarker = randomMarker(report.alphabet);
      reportMarkers.push(cityMarker, narrativeMarker);
      await saveReport(page, { type: report.type, narrative: `Detained near the akimat. ${narrativeMarker}`, city: cityMarker, when: report.when });
      await page.getByText(cityMarker).first().waitFor({ state: 'visible' });
    }

    // An unsaved form is kept as an encrypted draft when the vault locks; prove it was kept by reopening it.
    const draftMarkers = [randomMarker('cyrillic'), randomMarker('latin')] as const;
    reportMarkers.push(...draftMarkers);
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByLabel('Incident type', { exact: true }).selectOption('Police visit');
    await page.getByLabel('What happened', { exact: true }).fill(`Not finished yet. ${draftMarkers[0]}`);
    await page.getByLabel('City', { exact: true }).fill(draftMarkers[1]);
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page, passphrase);
    const restoredNarrative = page.getByLabel('What happened', { exact: true });
    await restoredNarrative.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await restoredNarrative.inputValue()).toContain(draftMarkers[0]);

    // Positive control: plant markers in the clear on purpose, in localStorage and in IndexedDB.
    const controlMarkers = [randomMarker('latin'), randomMarker('cyrillic'), randomMarker('latin')];
    await page.evaluate(
      async ([forLocalStorage, forIndexedDbCyrillic, forIndexedDbLatin]) => {
        localStorage.setItem('e2e-control', forLocalStorage ?? '');
        await new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('e2e-control', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('plain');
          request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('plain', 'readwrite', { durability: 'strict' });
            tx.objectStore('plain').put(forIndexedDbCyrillic, 'cyrillic');
            tx.objectStore('plain').put(forIndexedDbLatin, 'latin');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('indexedDB put failed'));
          };
        });
      },
      controlMarkers,
    );

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Unlock' }).waitFor({ state: 'visible' });
    // Closing the browser flushes LevelDB and every other store to disk before the scan.
    await context?.close();
    context = undefined;

    if (profile === undefined) throw new Error('no profile dir');
    const hits = await scanForMarkers(profile.path, [...reportMarkers, passphrase, ...controlMarkers]);
    const leaks = hits.filter((hit) => !controlMarkers.includes(hit.marker));
    expect(leaks).toEqual([]);
    const controlsFound = new Set(hits.filter((hit) => controlMarkers.includes(hit.marker)).map((hit) => hit.marker));
    expect([...controlsFound].sort()).toEqual([...controlMarkers].sort());
  });
});
