// Loads a Wycheproof file from ../shared/test-vectors and checks it is the exact file the README names.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const EXPECTED_SHA256: Record<string, string> = {
  'x25519_test.json': '35c3f5231cf25cc640b524d403461deee9e49441d5d915a3a25b2c8ff5adbe7d',
  'ed25519_test.json': '752d2ea7d7c6cf4736381b6cbacb61f8182b126ab7cd9b058f00c50084975536',
};

export interface WycheproofFile<Group> {
  readonly numberOfTests: number;
  readonly testGroups: readonly Group[];
}

export interface X25519Group {
  readonly curve: string;
  readonly tests: readonly { tcId: number; public: string; private: string; shared: string; result: string }[];
}

export interface Ed25519Group {
  readonly publicKey: { readonly pk: string };
  readonly tests: readonly { tcId: number; msg: string; sig: string; result: string }[];
}

export function loadWycheproof<Group>(name: string): WycheproofFile<Group> {
  const bytes = readFileSync(path.resolve(process.cwd(), '../shared/test-vectors/wycheproof', name));
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== EXPECTED_SHA256[name]) throw new Error(`${name}: sha256 ${digest} is not the one in test-vectors/README.md`);
  return JSON.parse(bytes.toString('utf8')) as WycheproofFile<Group>;
}
