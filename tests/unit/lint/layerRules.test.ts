// The dependency rules of DESIGN.md §3 are enforced by eslint.config.js; these cases prove the rules
// fire on real violations (so a broken pattern cannot pass silently) and stay quiet on allowed imports.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer import rules (DESIGN.md §3)', () => {
  it.each([
    ['src/ui/home/Probe.tsx', "import { toHex } from '../../crypto/bytes';\nexport const p = toHex;\n", 'src/ui may not import src/crypto'],
    ['src/ui/Probe.ts', "import Dexie from 'dexie';\nexport const p = Dexie;\n", 'dexie is imported only in src/store'],
    ['src/relay/Probe.ts', "import { sha256 } from '../crypto/sha256';\nexport const p = sha256;\n", 'src/relay may not import src/crypto'],
    ['src/relay/Probe.ts', "import { openDalaStore } from '../store/openDalaStore';\nexport const p = openDalaStore;\n", 'src/relay may not import src/store'],
    ['src/domain/Probe.ts', "import nacl from 'tweetnacl';\nexport const p = nacl;\n", 'tweetnacl is imported only in src/crypto'],
    ['src/crypto/Probe.ts', "import { reportSchema } from '../domain/report';\nexport const p = reportSchema;\n", 'src/crypto may not import src/domain'],
    ['src/store/Probe.ts', "import { sealBundle } from '../bundle/sealBundle';\nexport const p = sealBundle;\n", 'src/store may not import src/bundle'],
  ])('%s: refuses %#', async (file, code, expected) => {
    const messages = await restrictedImportMessages(file, code);
    expect(messages.join('\n')).toContain(expected);
  });

  it.each([
    ['src/ui/Probe.ts', "import { assessPassphrase } from '../domain/passphraseStrength';\nexport const p = assessPassphrase;\n"],
    ['src/ui/i18n/Probe.ts', "import { app } from './locales/en/app';\nexport const p = app;\n"],
    ['src/store/Probe.ts', "import Dexie from 'dexie';\nimport { toHex } from '../crypto/bytes';\nexport const p = [Dexie, toHex];\n"],
    ['src/relay/Probe.ts', "import { relayPaths } from '../protocol/relayPaths';\nexport const p = relayPaths;\n"],
  ])('%s: allows %#', async (file, code) => {
    expect(await restrictedImportMessages(file, code)).toEqual([]);
  });
});
