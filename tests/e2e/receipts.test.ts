// Issue "Coordinator workspace", item 5, end-to-end: after `dala coordinator pull` the monitor's app
// (on "Sync now") shows "Received by coordinator"; with "Remove from this phone after the coordinator
// has it" on, the next receipt leaves only "Sent, removed from this phone" — checked in IndexedDB rows.
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliOrganisation, dalaCli } from './support/dalaCli';
import { launchChromium } from './support/launchChromium';
import { makeTempDir } from './support/makeTempDir';
import type { TempDir } from './support/makeTempDir';
import { monitorDatabaseRows } from './support/monitorDatabaseRows';
import { randomMarker } from './support/randomMarker';
import { inSettings } from './support/safetySettings';
import { reportRow } from './support/reportRow';
import { saveReport } from './support/saveReport';
import { startServer } from './support/startServer';
import type { RunningServer } from './support/startServer';

const monitorPassphrase = 'correct horse battery staple steppe';

let server: RunningServer | undefined;
let profile: TempDir | undefined;
let coordinatorDir: TempDir | undefined;
let context: BrowserContext | undefined;

afterEach(async () => {
  try {
    await context?.close();
  } finally {
    context = undefined;
    await server?.stop();
    await profile?.remove();
    await coordinatorDir?.remove();
  }
});




describe('coordinator receipts', () => {
  it('shows "Received by coordinator" after a pull, and with the removal setting the reports leave IndexedDB', async () => {
    server = await startServer();
    coordinatorDir = await makeTempDir('dala-e2e-receipts');
    const dir = join(coordinatorDir.path, 'vault');
    const inviteLink = await createCliOrganisation(dir, server.url, server.adminToken);

    profile = await makeTempDir('dala-e2e-profile');
    context = await launchChromium(profile.path);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(inviteLink);
    await page.getByLabel('Passphrase', { exact: true }).fill(monitorPassphrase);
    await page.getByLabel('Repeat passphrase', { exact: true }).fill(monitorPassphrase);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.getByRole('heading', { name: 'Join an organisation' }).waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('Joined Steppe Watch').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible' });

    const first = { city: `Almaty ${randomMarker('latin')}`, narrative: `Meeting broken up ${randomMarker('cyrillic')}` };
    await saveReport(page, { type: 'Meeting disrupted', narrative: first.narrative, city: first.city, when: '2026-03-14T18:30' });
    await reportRow(page, first.city).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });

    const pulled = await dalaCli(['coordinator', 'pull', '--dir', dir]);
    expect(pulled).toContain('receipts sent to 1 device');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await reportRow(page, first.city).getByText('Received by coordinator').waitFor({ state: 'visible', timeout: 30_000 });
    // Positive control for the check below: the report's rows are still on the phone.
    const before = await monitorDatabaseRows(page);
    expect(before['reportVersions']).toHaveLength(1);
    expect(before['outbox']).toHaveLength(1);

    await inSettings(page, async () => {
      const setting = page.getByLabel('Remove from this phone after the coordinator has it', { exact: true });
      // The box shows the stored value, so it turns checked only once the store has answered.
      await setting.click();
      await page.waitForFunction(() => [...document.querySelectorAll('input[type=checkbox]')].some((box) => box instanceof HTMLInputElement && box.checked && !box.disabled));
    });
    const second = { city: `Shymkent ${randomMarker('latin')}`, narrative: `Detained at the square ${randomMarker('cyrillic')}` };
    await saveReport(page, { type: 'Meeting disrupted', narrative: second.narrative, city: second.city, when: '2026-03-15T10:00' });
    await reportRow(page, second.city).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await dalaCli(['coordinator', 'pull', '--dir', dir])).toContain('receipts sent to 1 device');
    await page.getByRole('button', { name: 'Sync now' }).click();

    await page.getByText('Sent, removed from this phone').nth(1).waitFor({ state: 'visible', timeout: 30_000 });
    for (const report of [first, second]) expect(await reportRow(page, report.city).count()).toBe(0);
    const after = await monitorDatabaseRows(page);
    expect(after['reportVersions']).toEqual([]);
    expect(after['outbox']).toEqual([]);
    expect(after['reports']).toHaveLength(2);
    for (const row of after['reports'] ?? []) expect(Object.keys(row as object).sort()).toEqual(['latestVersion', 'reportId', 'state']);
    expect((after['reports'] ?? []).map((row) => (row as { state: string }).state)).toEqual(['removed', 'removed']);
  });
});
