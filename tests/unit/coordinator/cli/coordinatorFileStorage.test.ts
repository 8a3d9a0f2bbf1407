import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coordinatorFileStorage } from '../../../../src/cli/coordinatorFileStorage';

const root = mkdtempSync(join(tmpdir(), 'dala-coordinator-storage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('coordinatorFileStorage', () => {
  it('writes private files in a private folder, replaces them whole, and leaves no temporary file', async () => {
    const dir = join(root, 'a', 'vault');
    const storage = coordinatorFileStorage(dir);
    expect(await storage.read('reports.bin')).toBeNull();
    await storage.write('reports.bin', Uint8Array.of(1, 2, 3));
    await storage.write('reports.bin', Uint8Array.of(4));
    expect(await storage.read('reports.bin')).toEqual(Uint8Array.of(4));
    await storage.write('rejected/abc.bundle', Uint8Array.of(9));
    expect(await storage.read('rejected/abc.bundle')).toEqual(Uint8Array.of(9));
    expect(statSync(join(dir, 'reports.bin')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'rejected')).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir).sort()).toEqual(['rejected', 'reports.bin']);
  });

  it('create never replaces an existing file', async () => {
    const storage = coordinatorFileStorage(join(root, 'b'));
    expect(await storage.create('coordinator.json', Uint8Array.of(1))).toBe('created');
    expect(await storage.create('coordinator.json', Uint8Array.of(2))).toBe('exists');
    expect(await storage.read('coordinator.json')).toEqual(Uint8Array.of(1));
    // Two at once: exactly one wins.
    const results = await Promise.all([1, 2, 3].map((n) => storage.create('race.json', Uint8Array.of(n))));
    expect(results.filter((r) => r === 'created')).toHaveLength(1);
    expect(readdirSync(join(root, 'b')).sort()).toEqual(['coordinator.json', 'race.json']);
  });

  it('refuses names that would leave the folder', async () => {
    const storage = coordinatorFileStorage(join(root, 'c'));
    for (const name of ['../escape', '/etc/passwd', 'a/../../b', '.hidden', 'a/b/c', '']) {
      await expect(storage.write(name, Uint8Array.of(1))).rejects.toThrow(/name/);
    }
  });
});
