// Writes the committed organisation-file fixture of format 1. Run once, by hand:
//
//   npx tsx tests/unit/coordinator/makeOrganisationFileFixture.ts
//
// It never overwrites: the shipped file is what proves later code still opens files written by earlier
// code (organisationFileFixture.test.ts). Keys are derived from labels (bundleTestKit), so the spec can
// name them; the sealed box's ephemeral key is random, so a second run would write other bytes.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoordinatorState } from '../../../src/coordinator/coordinatorState';
import { shareOrganisation } from '../../../src/coordinator/shareOrganisation';
import { toBase64Url } from '../../../src/crypto/bytes';
import { fingerprint } from '../../../src/crypto/fingerprint';
import { sha256 } from '../../../src/crypto/sha256';
import { utf8Encode } from '../../../src/crypto/bytes';
import { boxKeys, MAILBOX, signingKeys } from '../bundle/bundleTestKit';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/organisationFile/v1');
const file = join(outDir, 'for-bolat.dala-org.json');
const spec = join(outDir, 'for-bolat.spec.json');
if (existsSync(file) || existsSync(spec)) {
  console.log(`${file} exists; kept as it is`);
} else {
  const giver = signingKeys('fixture-giver');
  const giverBox = boxKeys('fixture-giver');
  const recipient = boxKeys('fixture-recipient');
  const recipientSign = signingKeys('fixture-recipient');
  const token = (label: string) => toBase64Url(sha256(utf8Encode(label)));
  const relay = 'https://relay.example.org';
  const invite = {
    version: 1 as const,
    organisation: 'Steppe Watch',
    mailboxId: MAILBOX,
    uploadToken: token('upload'),
    relays: [relay],
    coordinators: [
      { name: 'Aigerim', boxPublicKey: toBase64Url(giverBox.publicKey), signPublicKey: toBase64Url(giver.publicKey) },
      { name: 'Bolat', boxPublicKey: toBase64Url(recipient.publicKey), signPublicKey: toBase64Url(recipientSign.publicKey) },
    ],
  };
  const state: CoordinatorState = {
    version: 1,
    name: 'Aigerim',
    boxSecretKey: toBase64Url(giverBox.secretKey),
    signSeed: toBase64Url(sha256(utf8Encode('signing:fixture-giver'))),
    organisations: [
      {
        name: 'Steppe Watch',
        mailboxId: MAILBOX,
        uploadToken: invite.uploadToken,
        pullToken: token('pull'),
        relays: [{ url: relay, lastSeq: 41 }],
        invite,
        appUrl: `${relay}/`,
        reader: 'rEaDeRoFtHiSvAuLt0123w',
      },
    ],
  };
  const shared = shareOrganisation(state, MAILBOX, toBase64Url(recipient.publicKey), new Date('2026-03-01T10:20:00Z'));
  if (!shared.ok) throw new Error(shared.reason);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(file, shared.value.text);
  writeFileSync(
    spec,
    `${JSON.stringify(
      {
        about: 'Aigerim gives "Steppe Watch" to Bolat. Open with Bolat\'s X25519 secret key.',
        recipientBoxSecretKey: toBase64Url(recipient.secretKey),
        recipientSignSeed: toBase64Url(sha256(utf8Encode('signing:fixture-recipient'))),
        giverSignFingerprint: fingerprint(giver.publicKey),
        statement: {
          format: 1,
          recipient: toBase64Url(recipient.publicKey),
          name: 'Steppe Watch',
          mailboxId: MAILBOX,
          uploadToken: invite.uploadToken,
          pullToken: token('pull'),
          relays: [relay],
          invite,
          appUrl: `${relay}/`,
          issuedAtHour: Math.floor(Date.parse('2026-03-01T10:20:00Z') / 3_600_000),
        },
        readerNotCarried: 'rEaDeRoFtHiSvAuLt0123w',
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${file}`);
}
