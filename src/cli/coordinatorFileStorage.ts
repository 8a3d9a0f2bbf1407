// CoordinatorStorage on a folder: files are private to the user (0600, folder 0700), and every write
// goes to a temporary file that is fsynced and then renamed over the old one, so a crash at any point
// leaves either the old or the new file, never a torn one.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CoordinatorStorage } from '../coordinator/CoordinatorStorage';

const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)?$/;

function pathOf(dir: string, name: string): string {
  // Names come from the coordinator code (bundle ids, fixed names), never from a path a user typed.
  if (!FILE_NAME.test(name)) throw new TypeError(`coordinatorFileStorage: name "${name}" is not a plain file name`);
  return join(dir, name);
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes and fsyncs a new private file beside `path`; returns its name. */
async function writeTemporary(path: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temporary;
}

export function coordinatorFileStorage(dir: string): CoordinatorStorage {
  return {
    async read(name) {
      try {
        return new Uint8Array(await readFile(pathOf(dir, name)));
      } catch (error) {
        if (isCode(error, 'ENOENT')) return null;
        throw error;
      }
    },

    async write(name, bytes) {
      const path = pathOf(dir, name);
      const temporary = await writeTemporary(path, bytes);
      try {
        await rename(temporary, path);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
      // The rename is durable only once the folder's entry is on disk.
      await syncDirectory(dirname(path));
    },

    async create(name, bytes) {
      const path = pathOf(dir, name);
      const temporary = await writeTemporary(path, bytes);
      try {
        // link() fails if the name exists, so two processes can never both "create" the same file.
        await link(temporary, path);
      } catch (error) {
        if (isCode(error, 'EEXIST')) return 'exists';
        throw error;
      } finally {
        await unlink(temporary).catch(() => undefined);
      }
      await syncDirectory(dirname(path));
      return 'created';
    },
  };
}
