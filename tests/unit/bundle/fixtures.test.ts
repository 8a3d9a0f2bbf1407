// Every bundle fixture ever shipped (tests/fixtures/bundles/v*/) must still open to what it held when
// it was made. The fixtures are committed files written by makeFixture.ts; this test only reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/bundle/openBundle';
import { fromBase64Url, toHex } from '../../../src/crypto/bytes';
import { contentId } from '../../../src/crypto/sha256';
import { boxKeyPairFromSecretKey } from '../../../src/crypto/x25519';

const root = fileURLToPath(new URL('../../fixtures/bundles', import.meta.url));

interface FixtureFile {
  readonly description: string;
  readonly formatVersion: number;
  readonly bundleFile: string;
  readonly mailboxId: string;
  readonly coordinators: readonly { readonly publicKey: string; readonly secretKey: string }[];
  readonly expected: {
    readonly id: string;
    readonly byteLength: number;
    readonly deviceId: string;
    readonly firstCounter: number;
    readonly lastCounter: number;
    readonly previousBundleHash: string;
    readonly createdAtHour: number;
    readonly versions: unknown[];
  };
}

function decodeKey(text: string): Uint8Array {
  const key = fromBase64Url(text);
  if (key === null) throw new Error(`fixture key is not base64url: ${text}`);
  return key;
}

const fixtures = readdirSync(root).flatMap((versionDir) =>
  readdirSync(join(root, versionDir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const spec = JSON.parse(readFileSync(join(root, versionDir, name), 'utf8')) as FixtureFile;
      const bytes = Uint8Array.from(readFileSync(join(root, versionDir, spec.bundleFile)));
      return { name: `${versionDir}/${name}`, versionDir, spec, bytes };
    }),
);

describe('bundle fixtures', () => {
  it('there is a fixture of format version 1, with one and with several coordinators', () => {
    const v1 = fixtures.filter((f) => f.versionDir === 'v1');
    expect(v1.map((f) => f.spec.coordinators.length).sort()).toEqual(expect.arrayContaining([1, 2]));
    expect(v1.every((f) => f.spec.formatVersion === 1)).toBe(true);
  });

  it.each(fixtures)('$name opens for each of its coordinators to exactly what it held', ({ spec, bytes }) => {
    const { byteLength: _, ...expected } = spec.expected;
    expect(bytes.length).toBe(spec.expected.byteLength);
    expect(contentId(bytes)).toBe(spec.expected.id);
    for (const coordinator of spec.coordinators) {
      const recipientKeyPair = boxKeyPairFromSecretKey(decodeKey(coordinator.secretKey));
      expect(recipientKeyPair.publicKey).toEqual(decodeKey(coordinator.publicKey));
      const opened = openBundle(bytes, { mailboxId: spec.mailboxId, recipientKeyPair });
      if (!opened.ok) throw new Error(`fixture no longer opens: ${opened.reason}`);
      expect({
        id: opened.value.id,
        deviceId: opened.value.deviceId,
        firstCounter: opened.value.firstCounter,
        lastCounter: opened.value.lastCounter,
        previousBundleHash: toHex(opened.value.previousBundleHash),
        createdAtHour: opened.value.createdAtHour,
        versions: opened.value.versions,
      }).toEqual(expected);
    }
  });

  it.each(fixtures)('$name: control — one changed byte and it no longer opens', ({ spec, bytes }) => {
    const changed = bytes.slice();
    changed[changed.length - 1] = (changed.at(-1) ?? 0) ^ 1;
    const recipientKeyPair = boxKeyPairFromSecretKey(decodeKey(spec.coordinators[0]?.secretKey ?? ''));
    expect(openBundle(changed, { mailboxId: spec.mailboxId, recipientKeyPair })).toEqual({ ok: false, reason: 'tampered' });
  });

  it('the worked example in BUNDLE_FORMAT.md is the one-coordinator fixture, byte for byte where it quotes bytes', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../src/protocol/BUNDLE_FORMAT.md', import.meta.url)), 'utf8');
    const example = fixtures.find((f) => f.name === 'v1/one-coordinator.json');
    if (example === undefined) throw new Error('the worked-example fixture is missing');
    const { bytes, spec } = example;
    const quoted = [
      spec.expected.id,
      spec.expected.deviceId,
      toHex(decodeKey(spec.coordinators[0]?.secretKey ?? '')),
      toHex(bytes.subarray(0, 4)),
      toHex(bytes.subarray(7, 29)),
      toHex(bytes.subarray(30, 62)),
      toHex(bytes.subarray(62, 78)),
      toHex(bytes.subarray(78, 110)),
      toHex(bytes.subarray(110, 134)),
      toHex(bytes.subarray(134, 150)),
    ];
    for (const text of quoted) expect(doc, text).toContain(text);
    // Control: the doc does not contain just anything.
    expect(doc).not.toContain(toHex(bytes.subarray(150, 182)));
  });
});
