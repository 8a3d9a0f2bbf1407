// Reads an IndexedDB database the way a forensic tool would: without the app, its schema or its keys.
import { Dexie } from 'dexie';

export interface RawRow {
  readonly table: string;
  readonly key: unknown;
  readonly value: unknown;
}

/** Every row (with its primary key) of every table, opened dynamically by a plain Dexie instance. */
export async function readAllRowsRaw(dbName: string): Promise<RawRow[]> {
  const db = new Dexie(dbName);
  await db.open();
  try {
    const rows: RawRow[] = [];
    for (const table of db.tables) {
      const keys = await table.toCollection().primaryKeys();
      const values = await table.toArray();
      values.forEach((value, i) => rows.push({ table: table.name, key: keys[i], value }));
    }
    return rows;
  } finally {
    db.close();
  }
}

export async function rawTableNames(dbName: string): Promise<string[]> {
  const db = new Dexie(dbName);
  await db.open();
  const names = db.tables.map((t) => t.name).sort();
  db.close();
  return names;
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');

/** Every string a byte field could spell, read as UTF-8 and as UTF-16 (both byte alignments). */
function textsOfBytes(bytes: Uint8Array): string[] {
  return [utf8.decode(bytes), utf16.decode(bytes), utf16.decode(bytes.subarray(1))];
}

function collectTexts(value: unknown, out: string[], seen: Set<unknown>): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'bigint') out.push(String(value));
  else if (value instanceof Uint8Array) out.push(...textsOfBytes(value));
  else if (value instanceof ArrayBuffer) out.push(...textsOfBytes(new Uint8Array(value)));
  else if (ArrayBuffer.isView(value)) out.push(...textsOfBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
  else if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      collectTexts(v, out, seen);
    }
  }
}

/** The markers (strings, or numbers written as decimal) found anywhere in the rows: keys, field names, values, bytes. */
export function findMarkers(rows: readonly RawRow[], markers: readonly string[]): { marker: string; table: string }[] {
  const found: { marker: string; table: string }[] = [];
  for (const row of rows) {
    const texts: string[] = [];
    collectTexts([row.key, row.value], texts, new Set());
    for (const marker of markers) {
      if (texts.some((t) => t.includes(marker))) found.push({ marker, table: row.table });
    }
  }
  return found;
}

function collectBytes(value: unknown, out: Uint8Array[], seen: Set<unknown>): void {
  if (value instanceof Uint8Array) out.push(value);
  else if (value instanceof ArrayBuffer) out.push(new Uint8Array(value));
  else if (ArrayBuffer.isView(value)) out.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  else if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    for (const v of Object.values(value)) collectBytes(v, out, seen);
  }
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Tables holding a byte field that contains `needle` verbatim. */
export function findByteSequence(rows: readonly RawRow[], needle: Uint8Array): string[] {
  return rows.filter((row) => {
    const fields: Uint8Array[] = [];
    collectBytes(row.value, fields, new Set());
    return fields.some((field) => containsBytes(field, needle));
  }).map((row) => row.table);
}
