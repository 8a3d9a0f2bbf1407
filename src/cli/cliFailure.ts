/** An expected failure of a CLI command: its message is all the user needs to see (no stack trace). */
export class CliFailure extends Error {}

export function fail(message: string): never {
  throw new CliFailure(message);
}
