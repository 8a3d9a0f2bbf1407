/** Thrown by reads on a locked session (DESIGN.md §4: the data key is gone once locked). */
export class VaultLockedError extends Error {
  override readonly name = 'VaultLockedError';

  constructor(operation: string) {
    super(`${operation}: the vault is locked`);
  }
}
