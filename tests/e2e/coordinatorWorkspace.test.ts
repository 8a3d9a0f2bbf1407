// Issue "Coordinator workspace", end-to-end acceptance in two browser contexts: a coordinator creates a
// vault and an organisation in the browser and shows an invite; a monitor opens the invite link, joins,
// saves three reports offline and comes online; the coordinator pulls and sees exactly those three from
// the monitor's one device, and the Markdown export names the consenting person and not the other. The
// browser coordinator's pull sends receipts: the monitor shows "Received by coordinator", and with
// "Remove from this phone after the coordinator has it" on, the reports leave its IndexedDB.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { browserProfiles } from './support/browserProfiles';
import { monitorDatabaseRows } from './support/monitorDatabaseRows';
import { randomMarker } from './support/randomMarker';
import { reportRow } from './support/reportRow';
import { inSettings } from './support/safetySettings';
import { saveReport } from './support/saveReport';
import { startServer } from './support/startServer';
import type { RunningServer } from './support/startServer';

const monitorPassphrase = 'correct horse battery staple steppe';
const coordinatorPassphrase = 'quiet river under the old bridge';

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

interface SavedReport {
  readonly city: string;
  readonly narrative: string;
  readonly person: { readonly name: string; readonly consent: boolean } | null;
}

async function saveReportWithPerson(page: Page, report: SavedReport): Promise<void> {
  await page.getByRole('button', { name: 'New report' }).click();
  await page.getByLabel('Incident type', { exact: true }).selectOption('Meeting disrupted');
  await page.getByLabel('What happened', { exact: true }).fill(report.narrative);
  await page.getByLabel('City', { exact: true }).fill(report.city);
  const when = page.getByLabel('When', { exact: true });
  const inputType = await when.evaluate((el) => (el instanceof HTMLInputElement ? el.type : 'text'));
  await when.fill(inputType === 'date' ? '2026-03-14' : inputType === 'month' ? '2026-03' : '2026-03-14T18:30');
  if (report.person !== null) {
    // Optional sections may be folded away.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByLabel('Name or pseudonym', { exact: true }).fill(report.person.name);
    if (report.person.consent) await page.getByLabel('Agrees to be named in publications', { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible' });
}

describe('coordinator workspace in the browser', () => {
  it('creates an organisation, invites a monitor, pulls exactly their three reports, exports Markdown naming only the consenting person, and its receipts reach the monitor and remove the reports from IndexedDB', async () => {
    server = await startServer();

    // Coordinator: the first screen is the monitor's; the link leads to the coordinator's path.
    const coordinator = await openContext('dala-e2e-coordinator');
    await coordinator.goto(server.url);
    await coordinator.getByRole('button', { name: 'Set up as coordinator' }).click();
    await coordinator.getByLabel('Your name, as monitors will see it').fill('Aigerim');
    await coordinator.getByLabel('Passphrase', { exact: true }).fill(coordinatorPassphrase);
    await coordinator.getByLabel('Repeat passphrase', { exact: true }).fill(coordinatorPassphrase);
    await coordinator.getByRole('button', { name: 'Create coordinator vault' }).click();
    await coordinator.getByRole('heading', { name: 'Create an organisation' }).waitFor({ state: 'visible', timeout: 60_000 });
    await coordinator.getByLabel('Organisation name').fill('Steppe Watch');
    expect(await coordinator.getByLabel('Relay address').inputValue()).toBe(server.url);
    await coordinator.getByLabel('Relay admin token').fill(server.adminToken);
    await coordinator.getByRole('button', { name: 'Create organisation' }).click();
    await coordinator.getByRole('heading', { name: 'Invite monitors to Steppe Watch' }).waitFor({ state: 'visible', timeout: 30_000 });
    // The token field is emptied after its one use.
    expect(await coordinator.getByLabel('Relay admin token').inputValue()).toBe('');
    await coordinator.getByRole('img', { name: 'QR code of the invite link' }).waitFor({ state: 'visible' });
    const inviteLink = await coordinator.getByRole('textbox', { name: 'Invite link' }).inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${server.url}/?#join=`));

    // Monitor: opens the link, joins, saves three reports offline, comes online.
    const monitor = await openContext('dala-e2e-monitor');
    await monitor.goto(inviteLink);
    await monitor.getByLabel('Passphrase', { exact: true }).fill(monitorPassphrase);
    await monitor.getByLabel('Repeat passphrase', { exact: true }).fill(monitorPassphrase);
    await monitor.getByRole('button', { name: 'Create vault' }).click();
    await monitor.getByRole('heading', { name: 'Join an organisation' }).waitFor({ state: 'visible', timeout: 60_000 });
    await monitor.getByRole('button', { name: 'Join' }).click();
    await monitor.getByText('Joined Steppe Watch').waitFor({ state: 'visible' });
    await monitor.getByRole('button', { name: 'Close' }).click();
    await monitor.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible' });

    const consenting = `Dana ${randomMarker('latin')}`;
    const notConsenting = `Yerlan ${randomMarker('latin')}`;
    const reports: SavedReport[] = [
      { city: `Almaty ${randomMarker('latin')}`, narrative: `Meeting broken up ${randomMarker('cyrillic')}`, person: { name: consenting, consent: true } },
      { city: `Astana ${randomMarker('latin')}`, narrative: `Hall owner cancelled ${randomMarker('cyrillic')}`, person: { name: notConsenting, consent: false } },
      { city: `Shymkent ${randomMarker('latin')}`, narrative: `Organisers questioned ${randomMarker('cyrillic')}`, person: null },
    ];
    await monitor.context().setOffline(true);
    for (const report of reports) {
      await saveReportWithPerson(monitor, report);
      await monitor.getByRole('listitem').filter({ hasText: report.city }).getByText('Waiting to send').waitFor({ state: 'visible' });
    }
    await monitor.context().setOffline(false);
    for (const report of reports) {
      await monitor.getByRole('listitem').filter({ hasText: report.city }).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });
    }

    // Coordinator: pulls and sees exactly those three, from one device with nothing missing.
    await coordinator.getByRole('button', { name: 'Pull', exact: true }).click();
    await coordinator.getByRole('button', { name: 'Pull now' }).click();
    await coordinator.getByText('New reports: 3 (new versions: 3), duplicates: 0, kept aside: 0.').waitFor({ state: 'visible', timeout: 30_000 });
    await coordinator.getByText('Steppe Watch: devices sent a receipt: 1').waitFor({ state: 'visible' });
    await coordinator.getByRole('button', { name: 'Reports', exact: true }).click();
    await coordinator.getByText('3 of 3 reports').waitFor({ state: 'visible' });
    for (const report of reports) await coordinator.getByRole('listitem').filter({ hasText: report.city }).waitFor({ state: 'visible' });
    await coordinator.getByLabel('Text', { exact: true }).fill(reports[1]?.narrative ?? '');
    await coordinator.getByText('1 of 3 reports').waitFor({ state: 'visible' });

    await coordinator.getByRole('button', { name: 'Devices', exact: true }).click();
    const devices = coordinator.locator('.device-list > li');
    expect(await devices.count()).toBe(1);
    await devices.first().getByText('Nothing missing.').waitFor({ state: 'visible' });
    expect(await devices.first().locator('dd').nth(2).textContent()).toBe('3');

    // A second pull adds nothing: the relay deleted what was acknowledged.
    await coordinator.getByRole('button', { name: 'Pull', exact: true }).click();
    await coordinator.getByRole('button', { name: 'Pull now' }).click();
    await coordinator.getByText('New reports: 0 (new versions: 0), duplicates: 0, kept aside: 0.').waitFor({ state: 'visible', timeout: 30_000 });
    await coordinator.getByText('Steppe Watch: no receipt was needed; every device was already told of everything stored here.').waitFor({ state: 'visible' });

    await coordinator.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('button', { name: 'Monitoring update draft (Markdown)' }).click(),
    ]);
    const path = await download.path();
    const markdown = await readFile(path, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    for (const report of reports) expect(markdown).toContain(report.city);
    expect(markdown).toContain(consenting);
    expect(markdown).not.toContain(notConsenting);

    // Monitor: the receipt the browser coordinator sent arrives on "Sync now".
    await monitor.getByRole('button', { name: 'Sync now' }).click();
    for (const report of reports) await reportRow(monitor, report.city).getByText('Received by coordinator').waitFor({ state: 'visible', timeout: 30_000 });
    // Positive control for the check below: the reports' rows are still on the phone.
    const before = await monitorDatabaseRows(monitor);
    expect(before['reportVersions']).toHaveLength(3);
    expect(before['outbox']).toHaveLength(3);

    // With the removal setting on, the next receipt removes every report the coordinator has.
    await inSettings(monitor, async () => {
      await monitor.getByLabel('Remove from this phone after the coordinator has it', { exact: true }).click();
      // The box shows the stored value, so it turns checked only once the store has answered.
      await monitor.waitForFunction(() => [...document.querySelectorAll('input[type=checkbox]')].some((box) => box instanceof HTMLInputElement && box.checked && !box.disabled));
    });
    const fourth = { city: `Taraz ${randomMarker('latin')}`, narrative: `Picket dispersed ${randomMarker('cyrillic')}` };
    await saveReport(monitor, { type: 'Meeting disrupted', narrative: fourth.narrative, city: fourth.city, when: '2026-03-20T12:00' });
    await reportRow(monitor, fourth.city).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });
    await coordinator.getByRole('button', { name: 'Pull', exact: true }).click();
    await coordinator.getByRole('button', { name: 'Pull now' }).click();
    await coordinator.getByText('New reports: 1 (new versions: 1), duplicates: 0, kept aside: 0.').waitFor({ state: 'visible', timeout: 30_000 });
    await coordinator.getByText('Steppe Watch: devices sent a receipt: 1').waitFor({ state: 'visible' });
    await monitor.getByRole('button', { name: 'Sync now' }).click();
    await monitor.getByText('Sent, removed from this phone').nth(3).waitFor({ state: 'visible', timeout: 30_000 });
    for (const report of [...reports, fourth]) expect(await reportRow(monitor, report.city).count()).toBe(0);
    const after = await monitorDatabaseRows(monitor);
    expect(after['reportVersions']).toEqual([]);
    expect(after['outbox']).toEqual([]);
    expect((after['reports'] ?? []).map((row) => (row as { state: string }).state)).toEqual(['removed', 'removed', 'removed', 'removed']);
    // What was removed is nowhere in the rows, not even encrypted: only ids, states and counters remain.
    for (const row of after['reports'] ?? []) expect(Object.keys(row as object).sort()).toEqual(['latestVersion', 'reportId', 'state']);
  });
});
