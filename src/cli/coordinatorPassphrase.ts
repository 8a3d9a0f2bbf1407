// The coordinator vault's passphrase: from DALA_PASSPHRASE (scripts, tests) or typed on a terminal with
// nothing echoed. Without either there is no safe way to ask, so the command refuses.

export type PassphraseResult = { ok: true; passphrase: string } | { ok: false; reason: 'no-terminal' | 'cancelled' | 'mismatch' | 'empty' };

export interface PassphraseSource {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly input: NodeJS.ReadStream;
  readonly output: NodeJS.WriteStream;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const ESCAPE = '\u001b';
const BACKSPACES = new Set(['\u007f', '\b']);

/** Reads one line from a terminal in raw mode, echoing nothing; null when the user cancels. */
function readHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string | null> {
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve) => {
    let value = '';
    const finish = (result: string | null): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      resolve(result);
    };
    function onData(chunk: string): void {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(value);
        if (char === CTRL_C || (char === CTRL_D && value === '')) return finish(null);
        // Arrow keys and the like arrive as escape sequences: drop the rest of the chunk.
        if (char === ESCAPE) return;
        if (BACKSPACES.has(char)) value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    }
    input.on('data', onData);
  });
}

export async function readPassphrase(source: PassphraseSource, options: { readonly confirm: boolean }): Promise<PassphraseResult> {
  const fromEnv = source.env['DALA_PASSPHRASE'];
  if (fromEnv !== undefined && fromEnv !== '') return { ok: true, passphrase: fromEnv };
  if (!source.input.isTTY || typeof source.input.setRawMode !== 'function') return { ok: false, reason: 'no-terminal' };
  const first = await readHidden('Coordinator passphrase: ', source.input, source.output);
  if (first === null) return { ok: false, reason: 'cancelled' };
  if (first === '') return { ok: false, reason: 'empty' };
  if (!options.confirm) return { ok: true, passphrase: first };
  const second = await readHidden('Type it again: ', source.input, source.output);
  if (second === null) return { ok: false, reason: 'cancelled' };
  return second === first ? { ok: true, passphrase: first } : { ok: false, reason: 'mismatch' };
}
