// Tells every device known from the archive the organisation's current coordinator set, upload token
// and relays: one signed, sealed update per device into its device mailbox on every relay (PROTOCOL.md,
// "Organisation updates"). Devices apply an update only once, so sending the same state again is harmless.
import type { OrgUpdateStatement } from '../bundle/orgUpdateStatement';
import { sealOrgUpdate } from '../bundle/sealOrgUpdate';
import { fromBase64Url } from '../crypto/bytes';
import { contentId } from '../crypto/sha256';
import type { SigningKeyPair } from '../crypto/signingKeys';
import type { CoordinatorArchive } from './coordinatorArchive';
import { coordinatorIdentity } from './coordinatorIdentity';
import type { CoordinatorVault } from './CoordinatorVault';
import type { RelayCallFailure, RelayClient } from './relayClient';
import { replayLedger } from './replayLedger';

export interface OrgUpdateSendReport {
  /** Devices whose update at least one relay took. */
  readonly sent: number;
  readonly failed: readonly { readonly deviceId: string; readonly failures: readonly { readonly url: string; readonly failure: RelayCallFailure }[] }[];
}

export interface SendOrgUpdateOptions {
  readonly vault: CoordinatorVault;
  readonly archive: CoordinatorArchive;
  readonly mailboxId: string;
  readonly clientFor: (url: string) => RelayClient;
  /** Devices that are not told (e.g. a phone known to be seized must not learn the new token). */
  readonly revokedDevices?: ReadonlySet<string>;
  readonly now?: () => Date;
  /** The key that signs (default: this coordinator's current one); a key renewal signs with the key devices pin. */
  readonly signer?: SigningKeyPair;
}

export async function sendOrgUpdate(options: SendOrgUpdateOptions): Promise<OrgUpdateSendReport> {
  const { vault, mailboxId, clientFor } = options;
  const organisation = vault.state.organisations.find((org) => org.mailboxId === mailboxId);
  if (organisation === undefined) throw new RangeError(`sendOrgUpdate: no organisation with mailboxId ${mailboxId}`);
  const now = (options.now ?? (() => new Date()))().getTime();
  const statement: OrgUpdateStatement = {
    format: 1,
    mailboxId,
    // Milliseconds: several coordinators share no counter, and a later update must win on every device.
    sequence: now,
    coordinators: organisation.invite.coordinators.map(({ name, boxPublicKey, signPublicKey }) => ({ name, boxPublicKey, signPublicKey })),
    uploadToken: organisation.uploadToken,
    relayUrls: organisation.relays.map((relay) => relay.url),
    issuedAtHour: Math.floor(now / 3_600_000),
  };
  const signer = options.signer ?? coordinatorIdentity(vault.state).sign;
  const devices = new Set(replayLedger(options.archive, mailboxId).versions().map((version) => version.deviceId));
  let sent = 0;
  const failed: { deviceId: string; failures: { url: string; failure: RelayCallFailure }[] }[] = [];
  for (const deviceId of devices) {
    if (options.revokedDevices?.has(deviceId) === true) continue;
    const devicePublicKey = fromBase64Url(deviceId);
    const update = devicePublicKey === null ? null : sealOrgUpdate(statement, signer, devicePublicKey);
    // A device id comes from a verified bundle signature, so it always converts; nothing to send otherwise.
    if (update === null) continue;
    const messageId = contentId(update.bytes);
    const failures: { url: string; failure: RelayCallFailure }[] = [];
    for (const relay of organisation.relays) {
      const put = await clientFor(relay.url).putDeviceMessage(update.deviceMailbox, organisation.pullToken, messageId, update.bytes);
      if (!put.ok) failures.push({ url: relay.url, failure: put });
    }
    if (failures.length < organisation.relays.length) sent += 1;
    else failed.push({ deviceId, failures });
  }
  return { sent, failed };
}
