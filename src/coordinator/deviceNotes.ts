// devices.bin: what a coordinator writes about the devices that sent bundles — a name of its choosing,
// and whether the device is revoked (its later bundles are kept aside, not merged). One secretbox under
// the vault's data key, like reports.bin; a vault without this file simply has no notes yet.
import { z } from 'zod';
import { utf8Encode } from '../crypto/bytes';
import { decryptWithKey, encryptWithKey } from '../crypto/secretbox';
import { mailboxIdSchema } from '../protocol/relayApi';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';

export const DEVICE_NOTES_FILE = 'devices.bin';
export const DEVICE_NOTES_VERSION = 1;

const deviceNoteSchema = z.strictObject({
  mailboxId: mailboxIdSchema,
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** The coordinator's own name for the device; '' when none was given. */
  name: z.string().max(100),
  /** ISO time the device was revoked on the coordinator's clock; null while it is trusted. */
  revokedAt: z.string().nullable(),
});

const notesSchema = z.strictObject({ version: z.literal(DEVICE_NOTES_VERSION), devices: z.array(deviceNoteSchema) });

export type DeviceNote = z.infer<typeof deviceNoteSchema>;

export type LoadDeviceNotesResult = { ok: true; value: readonly DeviceNote[] } | { ok: false; reason: 'corrupt' };

export async function loadDeviceNotes(storage: CoordinatorStorage, vault: CoordinatorVault): Promise<LoadDeviceNotesResult> {
  const sealed = await storage.read(DEVICE_NOTES_FILE);
  if (sealed === null) return { ok: true, value: [] };
  const opened = decryptWithKey(vault.dataKey, sealed);
  if (!opened.ok) return { ok: false, reason: 'corrupt' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(opened.value));
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const parsed = notesSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data.devices } : { ok: false, reason: 'corrupt' };
}

/** Durably replaces devices.bin; notes are checked first, so a file the next load would refuse is never written. */
export async function saveDeviceNotes(storage: CoordinatorStorage, vault: CoordinatorVault, notes: readonly DeviceNote[]): Promise<void> {
  const checked = notesSchema.parse({ version: DEVICE_NOTES_VERSION, devices: notes });
  await storage.write(DEVICE_NOTES_FILE, encryptWithKey(vault.dataKey, utf8Encode(JSON.stringify(checked))));
}

/** The notes with one device's note replaced (or added). */
export function withDeviceNote(notes: readonly DeviceNote[], note: DeviceNote): DeviceNote[] {
  const others = notes.filter((n) => !(n.mailboxId === note.mailboxId && n.deviceId === note.deviceId));
  return [...others, note];
}

/** Device ids of one mailbox whose bundles are no longer merged. */
export function revokedDevicesOf(notes: readonly DeviceNote[], mailboxId: string): Set<string> {
  return new Set(notes.filter((n) => n.mailboxId === mailboxId && n.revokedAt !== null).map((n) => n.deviceId));
}
