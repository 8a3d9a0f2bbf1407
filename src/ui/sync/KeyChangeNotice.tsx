import { useContext, useEffect, useState } from 'react';
import type { SyncEngine } from '../../sync/createSyncEngine';
import { SessionContext } from '../shell/SessionContext';
import { keyChangeNoticeText } from './keyChangeNoticeText';
import type { KeyChangeNoticeText } from './keyChangeNoticeText';
import { useSyncSnapshot } from './useSyncSnapshot';
import { useSyncT } from './useSyncT';

/** "Your organisation's keys changed (signed by …)": shown once a sync applied a signed key change. */
export function KeyChangeNotice({ engine }: { readonly engine: SyncEngine }) {
  const { t } = useSyncT();
  // Without an unlocked session (e.g. the panel shown on its own) there is no organisation to read.
  const session = useContext(SessionContext);
  // A sync that applied an update also changes the snapshot, so the organisation is read again then.
  const { revision } = useSyncSnapshot(engine);
  const [notice, setNotice] = useState<KeyChangeNoticeText | null>(null);
  useEffect(() => {
    if (session === null) return undefined;
    let current = true;
    session.organisation().then(
      (organisation) => {
        if (current) setNotice(keyChangeNoticeText(organisation));
      },
      // Locked meanwhile: the notice simply stays as it was.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [session, revision]);
  if (notice === null) return null;
  return (
    <p role="status" className="notice info">
      {t('status.keysChanged', { name: notice.name, fingerprint: notice.fingerprint })}
    </p>
  );
}
