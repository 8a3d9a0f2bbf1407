/** Whether an error thrown by SQLite or the file system means "the disk (or its quota) is full". */
export function isStorageFullError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}
