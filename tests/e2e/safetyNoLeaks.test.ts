import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from './support/launchChromium';
import { makeTempDir } from './support/makeTempDir';
import type { TempDir } from './support/makeTempDir';
import { randomMarker } from './support/randomMarker';
import { firstScreenText, holdPanicWipeWithPointer } from './support/safetyHold';
import { bundlesOnRelay, createTestOrganisation } from './support/safetyInvite';
import { saveReport } from './support/saveReport';
import { startServer } from './support/startServer';
import type { RunningServer } from './support/startServer';
import { unlock } from './support/unlock';

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

describe('no leaks in Chromium', () => {
  it('a full session (join, save, sync, amend, lock, unlock, settings, panic wipe) talks only to its own origin and shows no report text in console, title or URL', async () => {
    if (context === undefined) throw new Error('no browser context');
    const appOrigin = new URL(server.url).origin;
    const requests: string[] = [];
    const consoleLines: string[] = [];
    const urls: string[] = [];
    const titles: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    context.on('console', (message) => consoleLines.push(message.text()));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => consoleLines.push(String(error)));
    page.on('framenavigated', (frame) => urls.push(frame.url()));
    const look = async () => {
      titles.push(await page.title());
      urls.push(page.url());
    };

    const organisation = await createTestOrganisation(server);
    const response = await page.goto(organisation.link);
    // The policy the relay serves the app with: own scripts only (plus WebAssembly for Argon2), no inline script.
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toMatch(/connect-src 'self'(;|$)/);

    const markers = [randomMarker('latin'), randomMarker('cyrillic'), randomMarker('latin'), randomMarker('cyrillic')] as const;
    for (const id of ['Passphrase', 'Repeat passphrase']) {
      const field = page.getByLabel(id, { exact: true });
      expect(await field.getAttribute('autocomplete')).toBe('off');
      expect(await field.getAttribute('spellcheck')).toBe('false');
    }
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Repeat passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Create vault' }).click();
    // With an invite pending, the Join screen comes first instead of home.
    await page.getByRole('button', { name: 'Join', exact: true }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Close' }).click();
    await look();

    await saveReport(page, { type: 'Police visit', narrative: `Detained outside the akimat ${markers[0]}`, city: markers[1], when: '2026-03-14T06:10' });
    await page.getByText(markers[1]).first().waitFor({ state: 'visible' });
    await look();
    await page.getByText('All reports delivered').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await bundlesOnRelay(server, organisation)).toBeGreaterThan(0);

    // Amend it: open, edit, save again.
    await page.getByText(markers[1]).first().click();
    await look();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('What happened', { exact: true }).fill(`Released after six hours ${markers[2]}`);
    await look();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible' });
    await page.getByText('All reports delivered').waitFor({ state: 'visible', timeout: 60_000 });

    await page.getByRole('button', { name: 'Lock' }).click();
    await look();
    await unlock(page, passphrase);
    // The invite this page was opened with is still in memory, so its Join screen may come back: leave it.
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.or(page.getByRole('button', { name: 'New report' })).first().waitFor({ state: 'visible', timeout: 60_000 });
    if (await cancel.isVisible()) await cancel.click();
    await page.getByText(markers[1]).first().waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Settings' }).click();
    await look();
    await page.getByRole('button', { name: 'Back' }).click();
    // An unsaved draft too.
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByLabel('What happened', { exact: true }).fill(`Half typed ${markers[3]}`);
    await look();
    await holdPanicWipeWithPointer(page);
    await firstScreenText(page);
    await look();

    // Positive controls: the listeners do see console output, and requests to the relay API.
    const control = randomMarker('latin');
    await page.evaluate((text) => console.info(text), control);
    await expect.poll(() => consoleLines.some((line) => line.includes(control))).toBe(true);
    expect(requests.some((url) => url.startsWith(`${appOrigin}/v1/mailboxes/`))).toBe(true);

    const foreign = requests.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== appOrigin);
    expect(foreign).toEqual([]);
    const secrets = [...markers, passphrase];
    expect(consoleLines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
    expect(urls.filter((url) => secrets.some((secret) => url.includes(secret) || url.includes(encodeURIComponent(secret))))).toEqual([]);
    expect(new Set(titles)).toEqual(new Set(['Dala']));
  });
});
