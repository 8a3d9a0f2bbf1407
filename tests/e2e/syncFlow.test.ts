// Issue "Sealed bundles, the relay, and opportunistic sync", end-to-end acceptance: a coordinator made
// with the CLI, a monitor who joins by the invite link, saves reports offline (left unsealed, short of a
// full bundle), comes online and sees "Delivered" (all in one bundle); `dala coordinator pull` then
// exports exactly those reports.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliOrganisation, dalaCli } from './support/dalaCli';
import { launchChromium } from './support/launchChromium';
import { makeTempDir } from './support/makeTempDir';
import { monitorDatabaseRows } from './support/monitorDatabaseRows';
import type { TempDir } from './support/makeTempDir';
import { randomMarker } from './support/randomMarker';
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



interface ExportedReport {
  readonly versions: readonly { readonly report: { readonly narrative: string; readonly where: { readonly city: string } } }[];
}

describe('sealed bundles through the relay', () => {
  it('delivers reports saved offline once online, and the CLI coordinator pulls exactly those', async () => {
    server = await startServer();
    coordinatorDir = await makeTempDir('dala-e2e-coordinator');
    const dir = join(coordinatorDir.path, 'vault');
    const inviteLink = await createCliOrganisation(dir, server.url, server.adminToken);

    profile = await makeTempDir('dala-e2e-profile');
    context = await launchChromium(profile.path);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(inviteLink);
    // The fragment with the upload token leaves the address bar at once.
    expect(page.url()).not.toContain('#join=');

    // After the vault is created the invite is shown before the home screen.
    await page.getByLabel('Passphrase', { exact: true }).fill(monitorPassphrase);
    await page.getByLabel('Repeat passphrase', { exact: true }).fill(monitorPassphrase);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.getByRole('heading', { name: 'Join an organisation' }).waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByText('Steppe Watch').first().waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('Joined Steppe Watch').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible' });

    await context.setOffline(true);
    const reports = [0, 1, 2].map(() => ({ city: `Almaty ${randomMarker('latin')}`, narrative: `Meeting broken up ${randomMarker('cyrillic')}` }));
    for (const report of reports) {
      await saveReport(page, { type: 'Meeting disrupted', narrative: report.narrative, city: report.city, when: '2026-03-14T18:30' });
      await reportRow(page, report.city).getByText('Waiting to send').waitFor({ state: 'visible' });
    }

    // Short of a full 64 KiB bundle, offline saves stay unsealed (encrypted under the data key) in the outbox.
    const offline = await monitorDatabaseRows(page);
    expect(offline.bundles).toEqual([]);
    expect((offline.outbox as { state: string }[]).map((row) => row.state)).toEqual(['unsealed', 'unsealed', 'unsealed']);

    await context.setOffline(false);
    for (const report of reports) {
      await reportRow(page, report.city).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });
    }
    // Coming online sealed them together: one bundle, one upload.
    const online = await monitorDatabaseRows(page);
    expect((online.bundles as { firstCounter: number; lastCounter: number; state: string }[]).map((row) => [row.firstCounter, row.lastCounter, row.state])).toEqual([[1, 3, 'delivered']]);

    const pulled = await dalaCli(['coordinator', 'pull', '--dir', dir]);
    const exportPath = join(coordinatorDir.path, 'export.json');
    await dalaCli(['coordinator', 'export', '--dir', dir, '--format', 'json', '--out', exportPath]);
    const exported = JSON.parse(await readFile(exportPath, 'utf8')) as { reports: readonly ExportedReport[]; devices: readonly { missing: readonly unknown[] }[] };

    const received = exported.reports.map((r) => r.versions.at(-1)?.report).map((r) => ({ city: r?.where.city, narrative: r?.narrative }));
    expect(received.sort((a, b) => String(a.city).localeCompare(String(b.city)))).toEqual(
      [...reports].sort((a, b) => a.city.localeCompare(b.city)),
    );
    expect(exported.devices).toHaveLength(1);
    expect(exported.devices[0]?.missing, pulled).toEqual([]);

    // A second pull finds nothing new: the relay deleted what was acknowledged, and nothing is counted twice.
    await dalaCli(['coordinator', 'pull', '--dir', dir]);
    const againPath = join(coordinatorDir.path, 'export-again.json');
    await dalaCli(['coordinator', 'export', '--dir', dir, '--format', 'json', '--out', againPath]);
    const again = JSON.parse(await readFile(againPath, 'utf8')) as { reports: readonly ExportedReport[] };
    expect(again.reports).toHaveLength(reports.length);
  });
});
