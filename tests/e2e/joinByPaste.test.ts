// Issue "Coordinator workspace", item 2: a monitor whose phone was set up without the invite link joins
// by pasting the invite (here inside a chat message) or by scanning its QR code with the camera, sees
// the organisation before anything is stored, joins, and a saved report is delivered.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { encode } from 'uqr';
import { afterEach, describe, expect, it } from 'vitest';
import { createVault } from './support/createVault';
import { createCliOrganisation } from './support/dalaCli';
import { chromiumPath, launchChromium } from './support/launchChromium';
import { makeTempDir } from './support/makeTempDir';
import type { TempDir } from './support/makeTempDir';
import { randomMarker } from './support/randomMarker';
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


/** A relay, and an organisation on it made with the CLI; returns the invite link it printed. */
async function organisationInvite(): Promise<string> {
  server = await startServer();
  coordinatorDir = await makeTempDir('dala-e2e-coordinator');
  const dir = join(coordinatorDir.path, 'vault');
  return createCliOrganisation(dir, server.url, server.adminToken);
}

/** On the Join screen: checks the organisation is named, joins, and returns to the home screen. */
async function joinShownOrganisation(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Join an organisation' }).waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByText('Steppe Watch').first().waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByText('Joined Steppe Watch').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'New report' }).waitFor({ state: 'visible' });
}

/**
 * A YUV4MPEG2 video (what Chromium's fake camera plays from a file) of one still frame: `text` as a QR
 * code, dark on light, in the middle of a 640×480 picture.
 */
function qrVideo(text: string): Buffer {
  const width = 640;
  const height = 480;
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const scale = Math.floor((height - 40) / size);
  if (scale < 2) throw new Error(`set-up: the invite QR code (${size} modules) is too large for the fake camera`);
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < size * scale; y++) {
    for (let x = 0; x < size * scale; x++) {
      if (data[Math.floor(y / scale)]?.[Math.floor(x / scale)] === true) luma[(top + y) * width + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), Buffer.from('FRAME\n'), luma, chroma]);
}

describe('joining without the invite link', () => {
  it('pastes the invite from a chat message, joins after seeing the organisation, and a report is delivered', async () => {
    const link = await organisationInvite();
    profile = await makeTempDir('dala-e2e-profile');
    context = await launchChromium(profile.path);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server?.url ?? '');
    await createVault(page, monitorPassphrase);

    await page.getByText('Reports stay on this phone until you join an organisation.').waitFor({ state: 'visible' });
    const open = page.getByRole('button', { name: 'Open invite' });
    expect(await open.isDisabled()).toBe(true);
    await page.getByLabel('Paste invite', { exact: true }).fill(`Hi, this is the invite for our group:\n${link}\nCompare the fingerprints with me first.`);
    await open.click();
    await joinShownOrganisation(page);
    // Joined: nothing more to scan or paste.
    expect(await page.getByRole('button', { name: 'Scan invite' }).count()).toBe(0);
    expect(await page.getByLabel('Paste invite', { exact: true }).count()).toBe(0);

    const city = `Almaty ${randomMarker('latin')}`;
    await saveReport(page, { type: 'Meeting disrupted', narrative: `Meeting broken up ${randomMarker('cyrillic')}`, city, when: '2026-03-14T18:30' });
    await page.getByRole('listitem').filter({ hasText: city }).getByText('Delivered').waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('pasting something that is not an invite shows why, and joins nothing', async () => {
    server = await startServer();
    profile = await makeTempDir('dala-e2e-profile');
    context = await launchChromium(profile.path);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await createVault(page, monitorPassphrase);
    await page.getByLabel('Paste invite', { exact: true }).fill('https://example.org/#join=not-really-an-invite');
    await page.getByRole('button', { name: 'Open invite' }).click();
    await page.getByRole('alert').filter({ hasText: 'This invite link is damaged or incomplete.' }).waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Join', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Scan invite' }).waitFor({ state: 'visible' });
  });

  it('scans the invite QR code with the camera, turns the camera off, and joins', async () => {
    const link = await organisationInvite();
    profile = await makeTempDir('dala-e2e-profile');
    const video = join(coordinatorDir?.path ?? '', 'invite.y4m');
    await writeFile(video, qrVideo(link));
    // launchChromium's flags plus a fake camera that shows the invite, with permission granted.
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
      viewport: { width: 360, height: 780 },
    });
    // Every camera stream the page opens is kept, to check afterwards that all its tracks were stopped.
    await context.addInitScript(() => {
      const opened: MediaStream[] = [];
      (window as unknown as { openedStreams: MediaStream[] }).openedStreams = opened;
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await original(constraints);
        opened.push(stream);
        return stream;
      };
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const policyViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
    await page.goto(server?.url ?? '');
    await createVault(page, monitorPassphrase);

    await page.getByRole('button', { name: 'Scan invite' }).click();
    await joinShownOrganisation(page);
    const tracks = await page.evaluate(() =>
      (window as unknown as { openedStreams: MediaStream[] }).openedStreams.flatMap((stream) => stream.getTracks().map((track) => track.readyState)),
    );
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.every((state) => state === 'ended')).toBe(true);
    expect(policyViolations).toEqual([]);
  });
});
