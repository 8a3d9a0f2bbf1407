// `dala coordinator renew-keys`: this coordinator gets new key pairs (say, after a laptop was lost or
// on a schedule). Every organisation's invite lists the new keys in place of the old, devices are sent
// the update signed with the OLD signing key (the one they pin), and the old X25519 secret stays in the
// vault as retired, so bundles already sealed to it stay readable.
import { toBase64Url } from '../crypto/bytes';
import { generateSigningKeyPair } from '../crypto/signingKeys';
import { generateBoxKeyPair } from '../crypto/x25519';
import type { CoordinatorArchive } from './coordinatorArchive';
import { coordinatorIdentity } from './coordinatorIdentity';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';
import type { RelayClient } from './relayClient';
import { saveCoordinatorState } from './saveCoordinatorState';
import { sendOrgUpdate } from './sendOrgUpdate';
import type { OrgUpdateSendReport } from './sendOrgUpdate';

export interface RenewKeysOptions {
  readonly storage: CoordinatorStorage;
  readonly vault: CoordinatorVault;
  readonly archive: CoordinatorArchive;
  readonly clientFor: (url: string) => RelayClient;
  readonly revokedDevices?: ReadonlySet<string>;
  readonly now?: () => Date;
}

export interface RenewedKeys {
  readonly vault: CoordinatorVault;
  readonly updates: readonly { readonly mailboxId: string; readonly report: OrgUpdateSendReport }[];
}

export async function renewCoordinatorKeys(options: RenewKeysOptions): Promise<RenewedKeys> {
  const { storage, vault } = options;
  const old = coordinatorIdentity(vault.state);
  const box = generateBoxKeyPair();
  const sign = generateSigningKeyPair();
  const entry = { name: vault.state.name, boxPublicKey: toBase64Url(box.publicKey), signPublicKey: toBase64Url(sign.publicKey) };
  const organisations = vault.state.organisations.map((org) => ({
    ...org,
    invite: { ...org.invite, coordinators: org.invite.coordinators.map((c) => (c.signPublicKey === old.inviteEntry.signPublicKey ? entry : c)) },
  }));
  // Saved before anything is sent: a device that applied the update would seal to a key the vault had lost.
  const saved = await saveCoordinatorState(storage, vault, {
    ...vault.state,
    boxSecretKey: toBase64Url(box.secretKey),
    signSeed: toBase64Url(sign.secretKey.subarray(0, 32)),
    retiredBoxSecretKeys: [vault.state.boxSecretKey, ...(vault.state.retiredBoxSecretKeys ?? [])],
    organisations,
  });
  const updates = [];
  for (const org of organisations) {
    const report = await sendOrgUpdate({
      vault: saved,
      archive: options.archive,
      mailboxId: org.mailboxId,
      clientFor: options.clientFor,
      signer: old.sign,
      ...(options.revokedDevices === undefined ? {} : { revokedDevices: options.revokedDevices }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    updates.push({ mailboxId: org.mailboxId, report });
  }
  return { vault: saved, updates };
}
