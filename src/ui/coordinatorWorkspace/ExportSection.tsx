import type { CoordinatorSession, ExportFormat } from './coordinatorApi';
import { createBrowserDownload } from '../../platform/downloadFile';

// The same file-saving seam as the monitor's "Export unsent" (created on use: it needs the document).
const download = (fileName: string, contents: Blob) => createBrowserDownload()(fileName, contents);
import { useCoordinatorT } from './useCoordinatorT';

const formats: readonly ExportFormat[] = ['json', 'csv', 'md'];

/** Exports rendered in this browser and saved as downloads: nothing is sent anywhere. */
export function ExportSection({ session }: { session: CoordinatorSession }) {
  const { t } = useCoordinatorT();
  const save = (format: ExportFormat) => {
    const file = session.exportFile(format);
    download(file.fileName, new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  };
  return (
    <section className="stack">
      <h2>{t('export.title')}</h2>
      <p className="notice warn">{t('export.intro')}</p>
      <p>{t('export.consent')}</p>
      <div className="button-row export-buttons">
        {formats.map((format) => (
          <button key={format} type="button" onClick={() => save(format)}>
            {t(`export.${format}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
