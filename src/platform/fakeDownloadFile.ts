import type { DownloadFile } from './downloadFile';

export interface FakeDownloads {
  readonly download: DownloadFile;
  /** Every file "downloaded", in order. */
  readonly files: () => readonly { readonly fileName: string; readonly contents: Blob }[];
}

/** Test double for DownloadFile: records instead of saving. */
export function createFakeDownloads(): FakeDownloads {
  const files: { fileName: string; contents: Blob }[] = [];
  return { download: (fileName, contents) => void files.push({ fileName, contents }), files: () => files };
}
