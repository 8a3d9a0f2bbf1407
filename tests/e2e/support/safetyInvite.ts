import nacl from 'tweetnacl';
import { inviteLink } from '../../../src/protocol/inviteLink';
import type { RunningServer } from './startServer';

export interface TestOrganisation {
  /** `<app>/#join=…`: opening it shows the Join screen after unlock. */
  readonly link: string;
  readonly mailboxId: string;
  readonly pullToken: string;
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Creates a mailbox on the test relay (admin token) and an invite to it, sealed to one fresh coordinator. */
export async function createTestOrganisation(server: RunningServer): Promise<TestOrganisation> {
  const response = await fetch(`${server.url}/v1/mailboxes`, { method: 'POST', headers: { authorization: `Bearer ${server.adminToken}` } });
  if (response.status !== 201) throw new Error(`createTestOrganisation: POST /v1/mailboxes answered ${response.status}: ${await response.text()}`);
  const { mailboxId, uploadToken, pullToken } = (await response.json()) as { mailboxId: string; uploadToken: string; pullToken: string };
  const link = inviteLink(`${server.url}/`, {
    version: 1,
    organisation: 'Steppe Monitors',
    mailboxId,
    uploadToken,
    relays: [server.url],
    coordinators: [{ name: 'Coordinator A', boxPublicKey: b64url(nacl.box.keyPair().publicKey), signPublicKey: b64url(nacl.sign.keyPair().publicKey) }],
  });
  return { link, mailboxId, pullToken };
}

/** How many bundles the relay holds for the mailbox (the coordinator's pull listing). */
export async function bundlesOnRelay(server: RunningServer, organisation: TestOrganisation): Promise<number> {
  const response = await fetch(`${server.url}/v1/mailboxes/${organisation.mailboxId}/bundles?after=0`, { headers: { authorization: `Bearer ${organisation.pullToken}` } });
  if (response.status !== 200) throw new Error(`bundlesOnRelay: listing answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { bundles?: unknown[] };
  return body.bundles?.length ?? 0;
}
