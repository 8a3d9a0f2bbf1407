// Seam for "save this file": the browser's <a download> on a Blob URL. Works offline and without
// any permission prompt; the file never leaves the phone unless the monitor sends it on.

export type DownloadFile = (fileName: string, contents: Blob) => void;

export function createBrowserDownload(doc: Document = document): DownloadFile {
  return (fileName, contents) => {
    const url = URL.createObjectURL(contents);
    const link = doc.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    doc.body.append(link);
    link.click();
    link.remove();
    // Revoked on the next task: some browsers start reading the URL only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
}
