// Reports are stored and sent encrypted; a reader of a later version must still read every version shipped.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../../src/domain/validateReport';

const dir = new URL('./fixtures/', import.meta.url);
const files = readdirSync(dir).filter((name) => /^report-v\d+-.*\.json$/.test(name));

describe('shipped report format versions', () => {
  it('has a fixture of version 1', () => {
    expect(files).toContain('report-v1-full.json');
    expect(files).toContain('report-v1-minimal.json');
  });

  it.each(files)('%s is still read, unchanged', (name) => {
    const stored: unknown = JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
    const result = validateReport(stored);
    expect(result).toEqual({ ok: true, value: stored });
  });
});
