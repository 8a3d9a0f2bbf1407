import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassphrase } from '../../../../src/cli/coordinatorPassphrase';

interface FakeTerminal {
  readonly input: NodeJS.ReadStream;
  readonly output: NodeJS.WriteStream;
  readonly shown: () => string;
  readonly rawModes: boolean[];
}

/** A terminal that types `answers[i]` when the i-th prompt appears, and records what was shown. */
function terminal(answers: readonly string[], isTTY = true): FakeTerminal {
  const rawModes: boolean[] = [];
  const input = Object.assign(new PassThrough({ encoding: 'utf8' }), {
    isTTY,
    setRawMode(mode: boolean) {
      rawModes.push(mode);
      return input;
    },
  });
  let shown = '';
  let prompts = 0;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString();
      shown += text;
      if (text.endsWith(': ')) {
        const answer = answers[prompts++];
        if (answer !== undefined) setImmediate(() => input.write(answer));
      }
      done();
    },
  });
  return { input: input as unknown as NodeJS.ReadStream, output: output as unknown as NodeJS.WriteStream, shown: () => shown, rawModes };
}

describe('readPassphrase', () => {
  it('takes DALA_PASSPHRASE without asking', async () => {
    const t = terminal([]);
    expect(await readPassphrase({ env: { DALA_PASSPHRASE: 'from the environment' }, input: t.input, output: t.output }, { confirm: true })).toEqual({
      ok: true,
      passphrase: 'from the environment',
    });
    expect(t.shown()).toBe('');
  });

  it('refuses to ask without a terminal', async () => {
    const t = terminal(['typed\r'], false);
    expect(await readPassphrase({ env: {}, input: t.input, output: t.output }, { confirm: false })).toEqual({ ok: false, reason: 'no-terminal' });
  });

  it('reads a line in raw mode without echoing it, honouring backspace and ignoring arrow keys', async () => {
    const t = terminal(['steppe ri\u001b[D']);
    const pending = readPassphrase({ env: {}, input: t.input, output: t.output }, { confirm: false });
    // A second burst of keystrokes after the first (an arrow key's escape sequence) was dropped.
    setImmediate(() => setImmediate(() => t.input.write('x\u007fver lamp\r')));
    expect(await pending).toEqual({ ok: true, passphrase: 'steppe river lamp' });
    expect(t.shown()).toBe('Coordinator passphrase: \n');
    expect(t.rawModes).toEqual([true, false]);
  });

  it('asks twice when confirming, and says when the two differ', async () => {
    const same = terminal(['қала әже өзен\r', 'қала әже өзен\r']);
    expect(await readPassphrase({ env: {}, input: same.input, output: same.output }, { confirm: true })).toEqual({ ok: true, passphrase: 'қала әже өзен' });
    expect(same.shown()).toBe('Coordinator passphrase: \nType it again: \n');
    const differ = terminal(['one two three four\r', 'one two three five\r']);
    expect(await readPassphrase({ env: {}, input: differ.input, output: differ.output }, { confirm: true })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('treats Ctrl-C as cancel and an empty line as empty', async () => {
    const cancel = terminal(['secr\u0003']);
    expect(await readPassphrase({ env: {}, input: cancel.input, output: cancel.output }, { confirm: false })).toEqual({ ok: false, reason: 'cancelled' });
    expect(cancel.rawModes).toEqual([true, false]);
    const empty = terminal(['\r']);
    expect(await readPassphrase({ env: {}, input: empty.input, output: empty.output }, { confirm: false })).toEqual({ ok: false, reason: 'empty' });
  });
});
