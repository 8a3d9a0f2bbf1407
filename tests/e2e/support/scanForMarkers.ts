import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export type MarkerEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface MarkerHit {
  readonly marker: string;
  readonly file: string;
  readonly encoding: MarkerEncoding;
}

function encodings(marker: string): Array<[MarkerEncoding, Buffer]> {
  const le = Buffer.from(marker, 'utf16le');
  return [
    ['utf-8', Buffer.from(marker, 'utf8')],
    ['utf-16le', le],
    // Node has no UTF-16BE codec: swap each code unit of the little-endian form.
    ['utf-16be', Buffer.from(le).swap16()],
  ];
}

async function regularFilesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await regularFilesUnder(path)));
    // Sockets and Chromium's Singleton* symlinks hold no data and cannot be read.
    else if (entry.isFile() && (await lstat(path)).isFile()) files.push(path);
  }
  return files;
}

/**
 * Byte-scans every regular file under `dir` (recursively) for each marker in UTF-8, UTF-16LE and
 * UTF-16BE, and returns every hit. An empty result means no file holds any marker in those encodings.
 */
export async function scanForMarkers(dir: string, markers: readonly string[]): Promise<MarkerHit[]> {
  if (markers.length === 0 || markers.some((marker) => marker.length < 8)) {
    throw new Error('scanForMarkers: markers must be a non-empty list of strings of 8+ characters');
  }
  const needles = markers.map((marker) => ({ marker, forms: encodings(marker) }));
  const hits: MarkerHit[] = [];
  for (const file of await regularFilesUnder(dir)) {
    const bytes = await readFile(file);
    for (const { marker, forms } of needles) {
      for (const [encoding, form] of forms) {
        if (bytes.includes(form)) hits.push({ marker, file, encoding });
      }
    }
  }
  return hits;
}
