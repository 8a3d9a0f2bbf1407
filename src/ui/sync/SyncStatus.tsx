import type { SyncEngine } from '../../sync/createSyncEngine';
import { formatNumber } from '../format/formatNumber';
import { useLanguage } from '../i18n/useLanguage';
import { useServices } from '../shell/ServicesContext';
import { syncStatusLines } from './syncStatusLines';
import { useSyncSnapshot } from './useSyncSnapshot';
import { useSyncT } from './useSyncT';

/** The home screen's line about sending: all delivered, how many wait (and since when), or what blocks them. */
export function SyncStatus({ engine }: { readonly engine: SyncEngine }) {
  const { t } = useSyncT();
  const language = useLanguage();
  const { clock } = useServices();
  const lines = syncStatusLines(useSyncSnapshot(engine), clock.now());
  if (lines.length === 0) return null;
  return (
    <div role="status" className="stack">
      {lines.map(({ key, params, tone }) => {
        const formatted = Object.fromEntries(Object.entries(params ?? {}).map(([name, value]) => [name, formatNumber(value, language)]));
        return (
          <p key={key} className={tone === 'info' ? 'hint' : `notice ${tone}`}>
            {t(key, formatted)}
          </p>
        );
      })}
    </div>
  );
}
