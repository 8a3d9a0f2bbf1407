import type { CoordinatorSession, ExportFormat } from './coordinatorApi';
import { downloadBytes } from './downloadFile';
import { useCoordinatorT } from './useCoordinatorT';

const formats: readonly ExportFormat[] = ['json', 'csv', 'md'];

/** Exports rendered in this browser and saved as downloads: nothing is sent anywhere. */
export function ExportSection({ session }: { session: CoordinatorSession }) {
  const { t } = useCoordinatorT();
  const save = (format: ExportFormat) => {
    const file = session.exportFile(format);
    downloadBytes(file.text, file.fileName, `${file.mimeType};charset=utf-8`);
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
