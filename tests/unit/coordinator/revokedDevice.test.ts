// Issue "Coordinator workspace", item 3: a device marked revoked has its later bundles set aside (kept as
// evidence with the reason 'revoked-device'), never merged; what it sent before stays; other devices are
// unaffected; and a revoked bundle never counts as received when gaps are computed.
import { describe, expect, it } from 'vitest';
import { emptyArchive } from '../../../src/coordinator/coordinatorArchive';
import { coordinatorFiles } from '../../../src/coordinator/CoordinatorStorage';
import { createBundleIntake } from '../../../src/coordinator/createBundleIntake';
import { revokedDevicesOf, withDeviceNote } from '../../../src/coordinator/deviceNotes';
import type { DeviceNote } from '../../../src/coordinator/deviceNotes';
import { toBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { boxKeys, MAILBOX, must, OTHER_MAILBOX, sealChain, signingKeys } from '../bundle/bundleTestKit';
import { memoryStorage } from './cli/memoryStorage';

const coordinator = boxKeys('revocation-coordinator');
// Device A sends one version per bundle (counters 1..5); device B two bundles (counters 1-2, then 3).
const chainA = sealChain({ device: signingKeys('revoked-a'), sizes: [1, 1, 1, 1, 1], recipients: [coordinator.publicKey] });
const chainB = sealChain({ device: signingKeys('trusted-b'), sizes: [2, 1], recipients: [coordinator.publicKey] });
const deviceA = toBase64Url(chainA.device.publicKey);
const deviceB = toBase64Url(chainB.device.publicKey);
const bundleA = (i: number) => must(chainA.bundles[i], `A bundle ${i}`);
const bundleB = (i: number) => must(chainB.bundles[i], `B bundle ${i}`);

function countersOf(versions: readonly { deviceId: string; counter: number }[], deviceId: string): number[] {
  return versions.filter((v) => v.deviceId === deviceId).map((v) => v.counter);
}

/** Before revocation: A's counters 1 and 3 (2 is still on its way), B's first bundle. */
async function beforeRevocation() {
  const storage = memoryStorage();
  const intake = createBundleIntake({ storage, archive: emptyArchive, mailboxId: MAILBOX, recipient: coordinator });
  for (const sealed of [bundleA(0), bundleA(2), bundleB(0)]) expect((await intake.receive(sealed.bytes, 'relay test', sealed.id)).kind).toBe('accepted');
  return { storage, archive: intake.archive() };
}

function revokeNote(deviceId: string, revokedAt: string | null): DeviceNote {
  return { mailboxId: MAILBOX, deviceId, name: 'Seized phone', revokedAt };
}

describe('a revoked device', () => {
  it('has its later bundles kept aside with the reason, its earlier reports kept, and other devices merged', async () => {
    const { storage, archive } = await beforeRevocation();
    const notes = withDeviceNote([revokeNote(deviceB, null)], revokeNote(deviceA, '2025-03-02T10:00:00.000Z'));
    const revoked = revokedDevicesOf(notes, MAILBOX);
    expect([...revoked]).toEqual([deviceA]);

    const intake = createBundleIntake({ storage, archive, mailboxId: MAILBOX, recipient: coordinator, revokedDevices: revoked });
    // A's counter 2 was sealed before the revocation but arrives after it: it is set aside too.
    const late = [bundleA(1), bundleA(3), bundleA(4)];
    for (const sealed of late) {
      expect(await intake.receive(sealed.bytes, 'relay test', sealed.id)).toEqual({ kind: 'rejected', id: sealed.id, reason: 'revoked-device' });
    }
    expect(await intake.receive(bundleB(1).bytes, 'relay test', bundleB(1).id)).toEqual({ kind: 'accepted', newReports: 1, newVersions: 1 });

    // Kept, not dropped: the exact bytes and the reason are on disk, and listed in the archive.
    for (const sealed of late) {
      expect(storage.files.get(coordinatorFiles.rejectedBundle(sealed.id))).toEqual(sealed.bytes);
      expect(storage.files.get(coordinatorFiles.rejectedReason(sealed.id))).toEqual(utf8Encode('revoked-device\n'));
    }
    const saved = intake.archive();
    expect(saved.rejected.map((r) => [r.id, r.reason])).toEqual(late.map((s) => [s.id, 'revoked-device']));
    expect(intake.summary()).toMatchObject({ newReports: 1, newVersions: 1, duplicates: 0, rejected: late.map((s) => ({ id: s.id, reason: 'revoked-device' })) });

    // Not merged: A keeps exactly what it sent before; B has everything.
    const versions = intake.ledger.versions();
    expect(countersOf(versions, deviceA)).toEqual([1, 3]);
    expect(countersOf(versions, deviceB)).toEqual([1, 2, 3]);
    expect(saved.bundles.filter((b) => b.deviceId === deviceA).map((b) => b.id)).toEqual([bundleA(0).id, bundleA(2).id]);
    expect(intake.ledger.reports().filter((r) => r.deviceId === deviceA)).toHaveLength(2);

    // Gaps: A's counter 2 arrived only from a revoked device, so it is still missing, and 4-5 do not raise its highest.
    expect(intake.ledger.gaps()).toEqual(
      [
        { deviceId: deviceA, highestCounter: 3, missing: [{ first: 2, last: 2 }] },
        { deviceId: deviceB, highestCounter: 3, missing: [] },
      ].sort((x, y) => (x.deviceId < y.deviceId ? -1 : 1)),
    );
  });

  it('stays set aside after a restart and a second delivery, and is listed once', async () => {
    const { storage, archive } = await beforeRevocation();
    const revoked = new Set([deviceA]);
    const first = createBundleIntake({ storage, archive, mailboxId: MAILBOX, recipient: coordinator, revokedDevices: revoked });
    await first.receive(bundleA(3).bytes, 'relay test', bundleA(3).id);
    const again = createBundleIntake({ storage, archive: first.archive(), mailboxId: MAILBOX, recipient: coordinator, revokedDevices: revoked });
    expect((await again.receive(bundleA(3).bytes, 'export file', bundleA(3).id)).kind).toBe('rejected');
    expect(countersOf(again.ledger.versions(), deviceA)).toEqual([1, 3]);
    expect(again.archive().rejected.filter((r) => r.id === bundleA(3).id)).toHaveLength(1);
  });

  it('positive controls: the same bundles merge when the device is not (or no longer) revoked', async () => {
    const { storage, archive } = await beforeRevocation();
    // Revoked in another organisation's mailbox only: not revoked here.
    const elsewhere = revokedDevicesOf([{ ...revokeNote(deviceA, '2025-03-02T10:00:00.000Z'), mailboxId: OTHER_MAILBOX }], MAILBOX);
    const reinstated = revokedDevicesOf(withDeviceNote([revokeNote(deviceA, '2025-03-02T10:00:00.000Z')], revokeNote(deviceA, null)), MAILBOX);
    expect(elsewhere.size).toBe(0);
    expect(reinstated.size).toBe(0);

    const intake = createBundleIntake({ storage, archive, mailboxId: MAILBOX, recipient: coordinator, revokedDevices: reinstated });
    for (const sealed of [bundleA(1), bundleA(3), bundleA(4)]) expect((await intake.receive(sealed.bytes, 'relay test', sealed.id)).kind).toBe('accepted');
    expect(countersOf(intake.ledger.versions(), deviceA)).toEqual([1, 2, 3, 4, 5]);
    expect(intake.ledger.gaps().find((g) => g.deviceId === deviceA)).toEqual({ deviceId: deviceA, highestCounter: 5, missing: [] });
    expect(intake.archive().rejected).toEqual([]);
  });
});
