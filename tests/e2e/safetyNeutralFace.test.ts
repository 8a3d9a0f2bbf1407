import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from './support/makeTempDir';
import type { TempDir } from './support/makeTempDir';
import { repoRoot } from './support/repoRoot';

let outDir: TempDir;

/** `vite build` with extra environment variables into outDir (not dist/, which the other tests serve). */
function build(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir.path, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${String(code)}:\n${output}`))));
  });
}

beforeAll(async () => {
  outDir = await makeTempDir('dala-e2e-neutral-build');
  await build({ DALA_FACE: 'neutral' });
}, 120_000);

afterAll(async () => {
  await outDir.remove();
});

describe('a DALA_FACE=neutral build', () => {
  it('is installed as "Notes" with the neutral icon and colours', async () => {
    const manifest = JSON.parse(await readFile(join(outDir.path, 'manifest.webmanifest'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'Notes', short_name: 'Notes', description: 'Notes', theme_color: '#eceff1', background_color: '#ffffff' });
    const icons = manifest['icons'] as { src: string }[];
    expect(icons.map((icon) => icon.src)).toEqual(['/icons/neutral-192.png', '/icons/neutral-512.png']);
    expect(JSON.stringify(manifest)).not.toMatch(/dala/i);
  });

  it('shows "Notes" as the page title and caches only the neutral icons', async () => {
    const html = await readFile(join(outDir.path, 'index.html'), 'utf8');
    expect(html).toContain('<title>Notes</title>');
    expect(html).not.toMatch(/icons\/dala/);
    const serviceWorker = await readFile(join(outDir.path, 'sw.js'), 'utf8');
    expect(serviceWorker).toContain('icons/neutral-192.png');
    expect(serviceWorker).not.toContain('icons/dala');
  });
});
