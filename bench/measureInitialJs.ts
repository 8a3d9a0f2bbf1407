import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/launchChromium';
import { makeTempDir } from '../tests/e2e/support/makeTempDir';

export interface InitialJs {
  readonly files: ReadonlyArray<{ readonly path: string; readonly rawBytes: number; readonly gzipBytes: number }>;
  /** True when the server sent the scripts compressed (then gzipBytes is what went over the wire). */
  readonly serverCompressed: boolean;
}

function isJavaScript(response: Response): boolean {
  const type = response.headers()['content-type'] ?? '';
  return /javascript|ecmascript/.test(type) || new URL(response.url()).pathname.endsWith('.js');
}

/**
 * Opens `appUrl` in a fresh profile and lists every script the page fetched before the first screen's
 * "Create vault" button was visible and the document loaded, with its gzip size: the bytes on the wire if the server compressed
 * it, otherwise zlib's gzip of the bytes received.
 */
export async function measureInitialJs(appUrl: string): Promise<InitialJs> {
  const profile = await makeTempDir('dala-bench-profile');
  const context = await launchChromium(profile.path);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const scripts: Response[] = [];
    let counting = true;
    page.on('response', (response) => {
      if (counting && isJavaScript(response)) scripts.push(response);
    });
    await page.goto(appUrl);
    const create = page.getByRole('button', { name: 'Create vault' });
    await create.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.readyState === 'complete');
    counting = false;

    let serverCompressed = false;
    const files = [];
    for (const response of scripts) {
      const body = await response.body();
      const encoding = response.headers()['content-encoding'];
      const compressed = encoding !== undefined && encoding !== 'identity';
      serverCompressed ||= compressed;
      const gzipBytes = compressed ? (await response.request().sizes()).responseBodySize : gzipSync(body, { level: 9 }).length;
      files.push({ path: new URL(response.url()).pathname, rawBytes: body.length, gzipBytes });
    }
    return { files, serverCompressed };
  } finally {
    await context.close();
    await profile.remove();
  }
}
