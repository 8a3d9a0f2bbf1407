// The coordinator screens' API (src/ui/coordinatorWorkspace/coordinatorApi.ts) built from the coordinator core
// that the command line uses too, over a browser storage of named blobs (src/store/blobStorage.ts).
// Loaded with import() only when the coordinator path is opened.
import { buildExportDocument } from '../coordinator/buildExportDocument';
import type { ExportDocument } from '../coordinator/buildExportDocument';
import { loadArchive } from '../coordinator/coordinatorArchive';
import type { CoordinatorArchive } from '../coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../coordinator/coordinatorIdentity';
import { coordinatorFiles } from '../coordinator/CoordinatorStorage';
import type { CoordinatorStorage } from '../coordinator/CoordinatorStorage';
import { parseCoordinatorVaultFile } from '../coordinator/coordinatorVaultFile';
import type { CoordinatorVault } from '../coordinator/CoordinatorVault';
import { addSharedOrganisation } from '../coordinator/addSharedOrganisation';
import { changeCoordinatorKeys } from '../coordinator/changeCoordinatorKeys';
import { createCoordinatorVault } from '../coordinator/createCoordinatorVault';
import { deviceFingerprint } from '../coordinator/deviceFingerprint';
import { createOrganisation } from '../coordinator/createOrganisation';
import { loadDeviceNotes, revokedDevicesOf, saveDeviceNotes, withDeviceNote } from '../coordinator/deviceNotes';
import type { DeviceNote } from '../coordinator/deviceNotes';
import { exportFormatters } from '../coordinator/exportFormatters';
import { importExportFile } from '../coordinator/importExportFile';
import { openCoordinatorVault } from '../coordinator/openCoordinatorVault';
import { openOrganisationShare } from '../coordinator/openOrganisationShare';
import { ORGANISATION_FILE_EXTENSION } from '../coordinator/organisationShareFile';
import { pullOrganisation } from '../coordinator/pullOrganisation';
import { createRelayClient } from '../coordinator/relayClient';
import type { RelayCallFailure, RelayClient } from '../coordinator/relayClient';
import { renewCoordinatorKeys } from '../coordinator/renewCoordinatorKeys';
import { rotateUploadToken } from '../coordinator/rotateUploadToken';
import { sendOrgUpdate } from '../coordinator/sendOrgUpdate';
import { shareOrganisation } from '../coordinator/shareOrganisation';
import type { OrgUpdateSendReport } from '../coordinator/sendOrgUpdate';
import { fromBase64Url, wipe } from '../crypto/bytes';
import { fingerprint } from '../crypto/fingerprint';
import { inviteLink } from '../protocol/inviteLink';
import { createBlobStorage } from '../store/blobStorage';
import type {
  CoordinatorApi,
  CoordinatorSession,
  DeliveryView,
  DeviceView,
  ExportFile,
  ExportFormat,
  IntakeView,
  OrganisationView,
  RelayProblemView,
  RelayPullView,
  ReportView,
} from '../ui/coordinatorWorkspace/coordinatorApi';

export interface CoordinatorApiOptions {
  readonly storage?: CoordinatorStorage;
  readonly clientFor?: (url: string) => RelayClient;
  readonly now?: () => Date;
}

const exportTypes: Readonly<Record<ExportFormat, { extension: string; mimeType: string }>> = {
  json: { extension: 'json', mimeType: 'application/json' },
  csv: { extension: 'csv', mimeType: 'text/csv' },
  md: { extension: 'md', mimeType: 'text/markdown' },
};

function relayFailureText(failure: RelayCallFailure): string {
  switch (failure.reason) {
    case 'unreachable':
      return `unreachable (${failure.detail})`;
    case 'bad-response':
      return `answered outside the relay API (${failure.detail})`;
    case 'http-error':
      return `HTTP ${failure.status}${failure.code === null ? '' : ` ${failure.code}`}`;
  }
}

function relayProblem(failure: RelayCallFailure): RelayProblemView {
  switch (failure.reason) {
    case 'unreachable':
    case 'bad-response':
      return { kind: failure.reason, detail: failure.detail };
    case 'http-error': {
      const detail = `HTTP ${failure.status}${failure.code === null ? '' : ` ${failure.code}`}`;
      const unauthorised = failure.status === 401 || failure.status === 403;
      return { kind: unauthorised ? 'unauthorised' : 'refused', status: failure.status, detail };
    }
  }
}

/** What the invite schema takes as a coordinator's name: 1 to 100 characters, no control characters. */
function isCoordinatorName(name: string): boolean {
  return name.length >= 1 && name.length <= 100 && !/\p{Cc}/u.test(name);
}

/** The hour an ISO time falls in, as an ISO time: arrival is shown no finer than the relay keeps it. */
function hourOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  date.setUTCMinutes(0, 0, 0);
  return date.toISOString();
}

/** A name as part of a file name: letters and digits, the rest as single dashes. */
function fileNamePart(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'organisation';
}

function keyFingerprint(base64url: string): string {
  const key = fromBase64Url(base64url);
  return key === null ? '' : fingerprint(key);
}

function openSession(storage: CoordinatorStorage, opened: CoordinatorVault, loaded: CoordinatorArchive, loadedNotes: readonly DeviceNote[], options: CoordinatorApiOptions): CoordinatorSession {
  const now = options.now ?? (() => new Date());
  const clientFor = options.clientFor ?? ((url: string) => createRelayClient(url));
  let vault: CoordinatorVault | null = opened;
  let archive = loaded;
  let notes = loadedNotes;
  // One change at a time: each reads the vault and archive the previous one left.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };
  const current = (): CoordinatorVault => {
    if (vault === null) throw new Error('coordinator session: used after lock()');
    return vault;
  };
  const documentNow = (): ExportDocument => buildExportDocument(current().state, archive, now());
  const noteOf = (mailboxId: string, deviceId: string) => notes.find((n) => n.mailboxId === mailboxId && n.deviceId === deviceId);

  const organisations = (): OrganisationView[] =>
    current().state.organisations.map((org) => ({
      name: org.name,
      mailboxId: org.mailboxId,
      relays: org.relays.map((r) => ({ url: r.url, lastSeq: r.lastSeq })),
      inviteLink: inviteLink(org.appUrl, org.invite),
      coordinators: org.invite.coordinators.map((c) => ({
        name: c.name,
        boxFingerprint: keyFingerprint(c.boxPublicKey),
        signFingerprint: keyFingerprint(c.signPublicKey),
        self: c.signPublicKey === coordinatorIdentity(current().state).inviteEntry.signPublicKey,
      })),
    }));

  const allRevoked = (): ReadonlySet<string> => new Set(notes.filter((n) => n.revokedAt !== null).map((n) => n.deviceId));
  /** One organisation's send report in the screens' terms; revoked devices known here were deliberately left out. */
  const delivery = (mailboxId: string, report: OrgUpdateSendReport): DeliveryView => {
    const revoked = revokedDevicesOf(notes, mailboxId);
    const known = new Set(archive.bundles.filter((b) => b.mailboxId === mailboxId && b.outcome === 'accepted').map((b) => b.deviceId));
    return {
      organisation: current().state.organisations.find((org) => org.mailboxId === mailboxId)?.name ?? '',
      mailboxId,
      sent: report.sent,
      failed: report.failed.map(({ deviceId, failures }) => ({
        deviceFingerprint: deviceFingerprint(deviceId),
        problems: failures.map(({ url, failure }) => ({ url, problem: relayProblem(failure) })),
      })),
      withheld: [...known].filter((deviceId) => revoked.has(deviceId)).length,
    };
  };

  const devices = (): DeviceView[] => {
    const document = documentNow();
    return document.devices.map((device) => {
      const arrivals = archive.bundles
        .filter((b) => b.mailboxId === device.mailboxId && b.deviceId === device.deviceId && b.outcome === 'accepted')
        .map((b) => hourOf(b.receivedAt))
        .sort();
      const note = noteOf(device.mailboxId, device.deviceId);
      return {
        organisation: device.organisation,
        mailboxId: device.mailboxId,
        deviceId: device.deviceId,
        fingerprint: device.deviceFingerprint,
        name: note?.name ?? '',
        firstSeen: arrivals[0] ?? '',
        lastSeen: arrivals.at(-1) ?? '',
        reports: document.reports.filter((r) => r.mailboxId === device.mailboxId && r.deviceId === device.deviceId).length,
        highestCounter: device.highestCounter,
        missing: device.missing.map((range) => ({ first: range.first, last: range.last })),
        revokedAt: note?.revokedAt ?? null,
      };
    });
  };

  const reports = (): ReportView[] =>
    documentNow().reports.map((report) => ({
      key: `${report.mailboxId} ${report.deviceId} ${report.reportId}`,
      organisation: report.organisation,
      reportId: report.reportId,
      deviceId: report.deviceId,
      deviceFingerprint: report.deviceFingerprint,
      deviceName: noteOf(report.mailboxId, report.deviceId)?.name ?? '',
      versions: report.versions.map((v) => ({ version: v.version, counter: v.counter, savedAt: v.savedAt, receivedAt: v.receivedAt, source: v.source, report: v.report })),
    }));

  const updateNote = (mailboxId: string, deviceId: string, change: (note: DeviceNote) => DeviceNote) =>
    serial(async () => {
      const base = noteOf(mailboxId, deviceId) ?? { mailboxId, deviceId, name: '', revokedAt: null };
      const next = withDeviceNote(notes, change(base));
      await saveDeviceNotes(storage, current(), next);
      notes = next;
    });

  return {
    keys: () => {
      const identity = coordinatorIdentity(current().state);
      return {
        name: current().state.name,
        boxFingerprint: identity.boxFingerprint,
        signFingerprint: identity.signFingerprint,
        boxPublicKey: identity.inviteEntry.boxPublicKey,
        signPublicKey: identity.inviteEntry.signPublicKey,
      };
    },
    organisations,
    devices,
    reports,
    rejected: () => documentNow().rejected.map((r) => ({ organisation: r.organisation, bundleId: r.bundleId, reason: r.reason, source: r.source, receivedAt: r.receivedAt })),
    createOrganisation: (input) =>
      serial(async () => {
        const created = await createOrganisation(storage, current(), { name: input.name.trim(), relayUrls: [input.relayUrl.trim()], adminToken: input.adminToken }, clientFor);
        if (created.ok) {
          vault = created.value.vault;
          return { ok: true as const };
        }
        switch (created.reason) {
          case 'bad-name':
          case 'bad-app-url':
          case 'bad-relay-url':
            return { ok: false as const, reason: created.reason };
          case 'relay-count':
            return { ok: false as const, reason: 'bad-relay-url' as const };
          case 'mailbox-refused':
          case 'not-a-mirror': {
            const { failure } = created;
            const unauthorised = failure.reason === 'http-error' && (failure.status === 401 || failure.status === 403);
            return { ok: false as const, reason: unauthorised ? ('unauthorised' as const) : ('relay-refused' as const), detail: relayFailureText(failure) };
          }
        }
      }),
    pull: (onProgress) =>
      serial(async () => {
        const relays: RelayPullView[] = [];
        const receipts: DeliveryView[] = [];
        const intake = { newReports: 0, newVersions: 0, duplicates: 0, rejected: 0 };
        for (const org of current().state.organisations) {
          const pulled = await pullOrganisation({
            storage,
            vault: current(),
            archive,
            mailboxId: org.mailboxId,
            clientFor,
            now,
            revokedDevices: revokedDevicesOf(notes, org.mailboxId),
            onProgress: (progress) => onProgress({ organisation: org.name, ...progress }),
          });
          vault = pulled.vault;
          archive = pulled.archive;
          intake.newReports += pulled.summary.newReports;
          intake.newVersions += pulled.summary.newVersions;
          intake.duplicates += pulled.summary.duplicates;
          intake.rejected += pulled.summary.rejected.length;
          for (const relay of pulled.relays) {
            relays.push({ organisation: org.name, url: relay.url, fetched: relay.fetched, failure: relay.failure === null ? null : relayFailureText(relay.failure) });
          }
          receipts.push(delivery(org.mailboxId, pulled.receipts));
        }
        return { intake, relays, receipts };
      }),
    importFile: (text, fileName) =>
      serial(async () => {
        // The mailbox is only known once the file is parsed; revoked devices of every organisation are refused.
        const revoked = new Set(notes.filter((n) => n.revokedAt !== null).map((n) => n.deviceId));
        const imported = await importExportFile({ storage, vault: current(), archive, text, source: `file ${fileName}`, now, revokedDevices: revoked });
        if (!imported.ok) return imported;
        archive = imported.value.archive;
        const { summary } = imported.value;
        const value: IntakeView = { newReports: summary.newReports, newVersions: summary.newVersions, duplicates: summary.duplicates, rejected: summary.rejected.length };
        return { ok: true as const, value };
      }),
    rotateUploadToken: (mailboxId) =>
      serial(async () => {
        const rotated = await rotateUploadToken({ storage, vault: current(), archive, mailboxId, clientFor, now, revokedDevices: revokedDevicesOf(notes, mailboxId) });
        if (!rotated.ok) return { ok: false as const, reason: 'relay-failed' as const, url: rotated.url, problem: relayProblem(rotated.failure) };
        vault = rotated.value.vault;
        return { ok: true as const, value: delivery(mailboxId, rotated.value.updates) };
      }),
    changeCoordinator: (kind, input) =>
      serial(async () => {
        const coordinator = { name: input.name.trim(), boxPublicKey: input.boxPublicKey.trim(), signPublicKey: input.signPublicKey.trim() };
        if (!isCoordinatorName(coordinator.name)) return { ok: false as const, reason: 'bad-name' as const };
        const changed = await changeCoordinatorKeys({ storage, vault: current(), archive, change: { kind, coordinator }, clientFor, now, revokedDevices: allRevoked() });
        if (!changed.ok) return changed;
        vault = changed.value.vault;
        return { ok: true as const, value: changed.value.updates.map(({ mailboxId, report }) => delivery(mailboxId, report)) };
      }),
    renewKeys: () =>
      serial(async () => {
        const renewed = await renewCoordinatorKeys({ storage, vault: current(), archive, clientFor, now, revokedDevices: allRevoked() });
        vault = renewed.vault;
        return renewed.updates.map(({ mailboxId, report }) => delivery(mailboxId, report));
      }),
    sendUpdateAgain: (mailboxId) =>
      serial(async () => delivery(mailboxId, await sendOrgUpdate({ vault: current(), archive, mailboxId, clientFor, now, revokedDevices: revokedDevicesOf(notes, mailboxId) }))),
    shareOrganisation: (mailboxId, coordinatorName) => {
      const org = current().state.organisations.find((o) => o.mailboxId === mailboxId);
      const listed = org?.invite.coordinators.find((c) => c.name === coordinatorName);
      if (org === undefined || listed === undefined) return { ok: false as const, reason: 'not-listed' as const };
      const shared = shareOrganisation(current().state, mailboxId, listed.boxPublicKey, now());
      // The key came from the invite, so only 'self' can be refused here; anything else is a bug.
      if (!shared.ok) {
        if (shared.reason === 'self') return { ok: false as const, reason: 'self' as const };
        throw new Error(`shareOrganisation: unexpected ${shared.reason}`);
      }
      return { ok: true as const, value: { fileName: `${fileNamePart(org.name)}-for-${fileNamePart(listed.name)}${ORGANISATION_FILE_EXTENSION}`, mimeType: 'application/json', text: shared.value.text } };
    },
    previewOrganisationFile: (text) => {
      const opened = openOrganisationShare(text, current().state);
      if (!opened.ok) return opened;
      const { statement, giverName, giverSignFingerprint } = opened.value;
      return {
        ok: true as const,
        value: { organisation: statement.name, relays: statement.relays, coordinators: statement.invite.coordinators.map((c) => c.name), giverName, giverSignFingerprint },
      };
    },
    addOrganisationFile: (text) =>
      serial(async () => {
        const opened = openOrganisationShare(text, current().state);
        if (!opened.ok) return opened;
        const added = await addSharedOrganisation(storage, current(), opened.value, clientFor);
        if (!added.ok) return added;
        vault = added.value.vault;
        const unregistered = added.value.acks.flatMap(({ url, failure }) => (failure === null ? [] : [{ url, problem: relayProblem(failure) }]));
        return { ok: true as const, value: { unregistered } };
      }),
    setDeviceName: (mailboxId, deviceId, name) => updateNote(mailboxId, deviceId, (note) => ({ ...note, name: name.trim().slice(0, 100) })),
    setDeviceRevoked: (mailboxId, deviceId, revoked) =>
      updateNote(mailboxId, deviceId, (note) => ({ ...note, revokedAt: revoked ? (note.revokedAt ?? now().toISOString()) : null })),
    exportFile: (format): ExportFile => {
      const document = documentNow();
      const day = document.exportedAt.slice(0, 10);
      const type = exportTypes[format];
      return { fileName: `dala-export-${day}.${type.extension}`, mimeType: type.mimeType, text: exportFormatters[format](document) };
    },
    vaultFile: async () => {
      const bytes = await storage.read(coordinatorFiles.vault);
      if (bytes === null) throw new Error('coordinator session: the vault file is gone');
      return bytes;
    },
    lock: () => {
      if (vault !== null) wipe(vault.dataKey);
      vault = null;
    },
  };
}

async function unlockWith(storage: CoordinatorStorage, vault: CoordinatorVault, options: CoordinatorApiOptions) {
  const [archive, notes] = await Promise.all([loadArchive(storage, vault), loadDeviceNotes(storage, vault)]);
  if (!archive.ok || !notes.ok) {
    wipe(vault.dataKey);
    return { ok: false as const, reason: 'corrupt' as const };
  }
  return { ok: true as const, value: openSession(storage, vault, archive.value, notes.value, options) };
}

export function createCoordinatorApi(options: CoordinatorApiOptions = {}): CoordinatorApi {
  const storage = options.storage ?? createBlobStorage();
  return {
    hasVault: async () => (await storage.read(coordinatorFiles.vault)) !== null,
    createVault: async (passphrase, name) => {
      const created = await createCoordinatorVault(storage, { passphrase, name });
      if (!created.ok) return { ok: false, reason: created.reason };
      return { ok: true, value: openSession(storage, created.value, { bundles: [], rejected: [] }, [], options) };
    },
    unlock: async (passphrase) => {
      const opened = await openCoordinatorVault(storage, passphrase);
      if (!opened.ok) return opened;
      return unlockWith(storage, opened.value, options);
    },
    importVaultFile: async (bytes) => {
      if (parseCoordinatorVaultFile(bytes) === null) return { ok: false, reason: 'not-a-vault' };
      const created = await storage.create(coordinatorFiles.vault, bytes);
      return created === 'created' ? { ok: true } : { ok: false, reason: 'exists' };
    },
  };
}
