import { describe, expect, it } from 'vitest';
import { decideUpdate } from '../../../src/ui/update/decideUpdate';

describe('decideUpdate', () => {
  it('refuses to reload over a report with unsaved changes', () => {
    expect(decideUpdate(true)).toEqual({ action: 'refuse', reason: 'unsaved-report' });
  });

  it('applies the update when nothing is unsaved', () => {
    expect(decideUpdate(false)).toEqual({ action: 'apply' });
  });
});
