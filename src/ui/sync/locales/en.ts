// Interface text of joining and sync: the i18next namespace 'sync' (registered by useSyncT).
// ru.ts and kk.ts must have exactly these keys (checked by typecheck through SyncMessages).
// As in the 'app' namespace, counts are written "Label: {{n}}", so the three languages share one key set.
import type { StringsOf } from '../../i18n/locales/en/domain';

export const sync = {
  join: {
    title: 'Join an organisation',
    intro:
      'This invite connects this phone to an organisation. Reports you save will be sealed so that only its coordinators can read them, and sent through its relay, which cannot read them.',
    organisation: 'Organisation',
    coordinators: 'Coordinators',
    compare:
      'Before you join, compare these fingerprints with the ones your coordinator shows you or reads out. If any of them differs, do not join.',
    encryptionKey: 'Encryption key',
    signingKey: 'Signing key',
    relays: 'Relays',
    join: 'Join',
    cancel: 'Cancel',
    close: 'Close',
    working: 'Joining…',
    problem: {
      malformed: 'This invite link is damaged or incomplete. Ask your coordinator to send it again.',
      'too-long': 'This invite link is too long to be a real invite. Ask your coordinator to send it again.',
      'unsupported-version': 'This invite was made by a newer version of the app. Update the app, then open the link again.',
      'bad-name': 'This invite is not valid (organisation or coordinator name). Ask your coordinator for a new one.',
      'bad-mailbox-id': 'This invite is not valid (mailbox). Ask your coordinator for a new one.',
      'bad-token': 'This invite is not valid (upload token). Ask your coordinator for a new one.',
      'bad-relay-url': 'This invite is not valid (relay address). Ask your coordinator for a new one.',
      'bad-key': 'This invite is not valid (coordinator key). Ask your coordinator for a new one.',
      'unusable-key': 'This invite contains a key that nobody could use safely. Do not join, and tell your coordinator.',
    },
    failed: {
      locked: 'The app was locked. Unlock it and open the invite again.',
      'unusable-key': 'This invite contains a key that nobody could use safely. Do not join, and tell your coordinator.',
      'different-organisation': 'This phone already belongs to another organisation. It cannot join a second one.',
      'keys-differ':
        'This invite names other coordinator keys than the ones this phone already trusts, so it was refused. Tell your coordinator.',
      'storage-full': 'Storage is full. Nothing was joined. Free some space and try again.',
      'storage-error': 'This browser refused to save the organisation. Try again.',
    },
    done: {
      joined: 'Joined {{organisation}}. Reports will be sent whenever there is a connection.',
      renewed: 'The invite for {{organisation}} was renewed. Sending will be tried again now.',
    },
  },
  status: {
    label: 'Sending reports',
    notJoined: 'Reports stay on this phone until you join an organisation.',
    allDelivered: 'All reports delivered',
    waiting: 'Reports waiting to send: {{n}}',
    waitingLong: 'Reports have been waiting for more than a day.',
    keysChanged: "Your organisation's keys changed (signed by {{name}}, fingerprint {{fingerprint}}). New reports are sealed to the new keys.",
    sealing: 'Preparing reports for sending…',
    sending: 'Sending reports: {{sent}} of {{total}}',
    offline: 'No connection. Reports will be sent when there is one.',
    backoff: {
      network: 'Could not reach the relay. Trying again soon.',
      'rate-limited': 'The relay asked to wait a little. Trying again soon.',
      'relay-full': 'The relay is full. Trying again later.',
      'relay-unavailable': 'The relay is not available right now. Trying again soon.',
      'phone-storage-full': 'This phone’s storage is full. Free some space so that reports can be sent.',
      'phone-storage-error': 'This browser could not update the outbox. Trying again soon.',
    },
    blocked: {
      unauthorised: "The organisation's relay refused this phone. Ask your coordinator for a new invite.",
      'mailbox-gone': "The organisation's mailbox no longer exists on the relay. Ask your coordinator for a new invite.",
      'too-large': 'A report is too large for the relay. Use “Export unsent” and pass the file to your coordinator.',
      rejected: 'The relay refused a report. Use “Export unsent” and pass the file to your coordinator.',
    },
  },
  actions: {
    syncNow: 'Sync now',
    syncing: 'Sending…',
    exportUnsent: 'Export unsent',
    exporting: 'Preparing the file…',
    exported: 'Saved a file with sealed bundles: {{n}}. Only your coordinators can open it; pass it on by any channel.',
    exportFailed: {
      'not-joined': 'Join an organisation first: reports are sealed for its coordinators.',
      'nothing-to-export': 'Nothing to export: every report has been delivered.',
      locked: 'The app was locked. Unlock it and try again.',
      'storage-full': 'Storage is full. Free some space and try again.',
      'storage-error': 'This browser could not read the outbox. Try again.',
    },
  },
  invite: {
    title: 'Add an invite',
    scan: 'Scan invite',
    scanning: 'Point the camera at the invite QR code your coordinator shows you.',
    cameraView: 'Camera view',
    stopScan: 'Stop camera',
    close: 'Close',
    pasteLabel: 'Paste invite',
    pasteHint: 'The invite link your coordinator sent you. You will see the organisation before anything is joined.',
    open: 'Open invite',
    camera: {
      refused: 'Camera permission was refused. Paste the invite instead.',
      'no-camera': 'No camera was found on this device. Paste the invite instead.',
      busy: 'The camera is in use by another app or could not start. Close that app, or paste the invite instead.',
      unavailable: 'This page cannot use the camera (it needs a secure https connection). Paste the invite instead.',
      failed: 'The camera could not be used. Paste the invite instead.',
    },
  },
  reportState: {
    local: 'On this phone only',
    queued: 'Waiting to send',
    delivered: 'Delivered',
    acknowledged: 'Received by coordinator',
    removed: 'Sent, removed from this phone',
  },
};

export type SyncMessages = StringsOf<typeof sync>;
