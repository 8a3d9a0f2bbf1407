// Issue "Coordinator workspace", item 6 and the upload-token rotation, end to end in Chromium with two
// contexts and the real relay: a token rotated in the browser reaches an enrolled monitor (it keeps
// delivering with the new token) while the old invite link no longer delivers; a key renewal in the
// browser reaches the monitor (it accepts the signed update and says so) and the coordinator still reads
// reports sealed to its old key and to its new one.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { browserCoordinatorPassphrase, createBrowserOrganisation, inviteLinkShown, joinFromInviteLink, openSection, pullNow } from './support/browserCoordinator';
import { browserProfiles } from './support/browserProfiles';
import { randomMarker } from './support/randomMarker';
import { reportRow } from './support/reportRow';
import { saveReport } from './support/saveReport';
import { startServer } from './support/startServer';
import type { RunningServer } from './support/startServer';

const monitorPassphrase = 'correct horse battery staple steppe';

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

/** Saves a report with a unique city and returns the city. */
async function saveMarkedReport(page: Page, place: string): Promise<string> {
  const city = `${place} ${randomMarker('latin')}`;
  await saveReport(page, { type: 'Meeting disrupted', narrative: `Meeting broken up ${randomMarker('cyrillic')}`, city, when: '2026-03-14T18:30' });
  return city;
}

describe('browser coordinator: token rotation and key renewal reach the monitor', () => {
  it('rotates the upload token: the enrolled monitor keeps delivering, the old invite link no longer does', async () => {
    server = await startServer();
    const coordinator = await openContext('dala-e2e-coordinator');
    const oldInvite = await createBrowserOrganisation(coordinator, server.url, server.adminToken);

    const monitor = await openContext('dala-e2e-monitor');
    await joinFromInviteLink(monitor, oldInvite, monitorPassphrase);
    const first = await saveMarkedReport(monitor, 'Almaty');
    await reportRow(monitor, first).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });
    // The coordinator learns of the device by pulling its bundle; only known devices can be told.
    await pullNow(coordinator, 'New reports: 1 (new versions: 1), duplicates: 0, kept aside: 0.');

    await openSection(coordinator, 'Organisation');
    await coordinator.getByText('Rotating the upload token makes every invite link given out so far stop working', { exact: false }).waitFor({ state: 'visible' });
    await coordinator.getByRole('button', { name: 'Rotate upload token' }).click();
    // Nothing happens before the confirmation; cancelling leaves the invite as it was.
    await coordinator.getByRole('button', { name: 'Cancel' }).click();
    expect(await inviteLinkShown(coordinator)).toBe(oldInvite);
    await coordinator.getByRole('button', { name: 'Rotate upload token' }).click();
    await coordinator.getByText('Old invite links for Steppe Watch will stop working. Rotate now?').waitFor({ state: 'visible' });
    await coordinator.getByRole('button', { name: 'Yes, rotate the token' }).click();
    await coordinator.getByText('The upload token was replaced. The invite above is the new one; old links no longer work.').waitFor({ state: 'visible', timeout: 30_000 });
    await coordinator.getByText('Steppe Watch: devices sent the signed update: 1').waitFor({ state: 'visible' });
    const newInvite = await inviteLinkShown(coordinator);
    expect(newInvite).toMatch(new RegExp(`^${server.url}/?#join=`));
    expect(newInvite).not.toBe(oldInvite);

    // The enrolled monitor: its next upload is refused, it reads the signed update and sends with the new token.
    const second = await saveMarkedReport(monitor, 'Shymkent');
    await reportRow(monitor, second).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });
    await pullNow(coordinator, 'New reports: 1 (new versions: 1), duplicates: 0, kept aside: 0.');
    await openSection(coordinator, 'Reports');
    await coordinator.getByText('2 of 2 reports').waitFor({ state: 'visible' });
    await coordinator.getByRole('listitem').filter({ hasText: second }).waitFor({ state: 'visible' });

    // A phone joining with the old link (which worked for the first monitor above) can no longer send.
    const latecomer = await openContext('dala-e2e-latecomer');
    await joinFromInviteLink(latecomer, oldInvite, monitorPassphrase);
    const refused = await saveMarkedReport(latecomer, 'Taraz');
    await latecomer.getByText("The organisation's relay refused this phone. Ask your coordinator for a new invite.").waitFor({ state: 'visible', timeout: 30_000 });
    await reportRow(latecomer, refused).getByText('Waiting to send').waitFor({ state: 'visible' });
    await pullNow(coordinator, 'New reports: 0 (new versions: 0), duplicates: 0, kept aside: 0.');
  });

  it('renews the coordinator keys: the monitor accepts the signed update and says so; reports sealed to the old and the new key both open', async () => {
    server = await startServer();
    const coordinator = await openContext('dala-e2e-coordinator');
    const invite = await createBrowserOrganisation(coordinator, server.url, server.adminToken);

    const monitor = await openContext('dala-e2e-monitor');
    await joinFromInviteLink(monitor, invite, monitorPassphrase);
    const first = await saveMarkedReport(monitor, 'Almaty');
    await reportRow(monitor, first).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });
    await pullNow(coordinator, 'New reports: 1 (new versions: 1), duplicates: 0, kept aside: 0.');
    // Sealed to the coordinator's current key, and still on the relay when the keys change.
    const sealedToOld = await saveMarkedReport(monitor, 'Astana');
    await reportRow(monitor, sealedToOld).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });

    await openSection(coordinator, 'Keys');
    // The first is this coordinator's own key (read-only); the add form's field of the same name follows.
    const encryptionKey = coordinator.getByRole('textbox', { name: 'Encryption key (X25519, --box-key)' }).first();
    const oldKey = await encryptionKey.inputValue();
    await coordinator.getByRole('button', { name: 'Renew my keys' }).click();
    await coordinator.getByRole('button', { name: 'Yes, renew my keys' }).click();
    await coordinator.getByText('Steppe Watch: devices sent the signed update: 1').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await encryptionKey.inputValue()).not.toBe(oldKey);

    await monitor.getByRole('button', { name: 'Sync now' }).click();
    await monitor.getByText("Your organisation's keys changed (signed by Aigerim", { exact: false }).waitFor({ state: 'visible', timeout: 30_000 });
    const sealedToNew = await saveMarkedReport(monitor, 'Shymkent');
    await reportRow(monitor, sealedToNew).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });

    await pullNow(coordinator, 'New reports: 2 (new versions: 2), duplicates: 0, kept aside: 0.');
    await coordinator.getByText('Nothing was kept aside.').waitFor({ state: 'visible' });

    // Locked and unlocked again: everything opens from what this browser stored.
    await coordinator.getByRole('button', { name: 'Lock' }).click();
    await coordinator.getByLabel('Passphrase', { exact: true }).fill(browserCoordinatorPassphrase);
    await coordinator.getByRole('button', { name: 'Unlock' }).click();
    await openSection(coordinator, 'Reports');
    await coordinator.getByText('3 of 3 reports').waitFor({ state: 'visible', timeout: 60_000 });
    for (const city of [first, sealedToOld, sealedToNew]) await coordinator.getByRole('listitem').filter({ hasText: city }).waitFor({ state: 'visible' });
    await openSection(coordinator, 'Keys');
    expect(await encryptionKey.inputValue()).not.toBe(oldKey);
  });
});
