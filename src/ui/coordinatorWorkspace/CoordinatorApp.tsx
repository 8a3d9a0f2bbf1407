import { useEffect, useState } from 'react';
import { useLoadCoordinatorApi } from './CoordinatorApiContext';
import type { CoordinatorApi, CoordinatorSession } from './coordinatorApi';
import { CoordinatorVaultScreen } from './CoordinatorVaultScreen';
import { CoordinatorWorkspace } from './CoordinatorWorkspace';
import { useCoordinatorT } from './useCoordinatorT';
import './coordinator.css';

type Phase =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'vault'; readonly api: CoordinatorApi; readonly hasVault: boolean }
  | { readonly kind: 'open'; readonly api: CoordinatorApi; readonly session: CoordinatorSession };

/** The coordinator's path: its own vault (create or unlock), then the workspace. Loaded on demand. */
export function CoordinatorApp({ onBack }: { onBack: () => void }) {
  const { t } = useCoordinatorT();
  const load = useLoadCoordinatorApi();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    if (load === null) return;
    load()
      .then(async (api) => {
        const hasVault = await api.hasVault();
        if (live) setPhase({ kind: 'vault', api, hasVault });
      })
      .catch((error: unknown) => {
        console.error(error);
        if (live) setPhase({ kind: 'failed' });
      });
    return () => {
      live = false;
    };
  }, [load]);

  // Keys leave memory when the workspace goes away (lock, back, or the page being closed).
  const session = phase.kind === 'open' ? phase.session : null;
  useEffect(() => () => session?.lock(), [session]);

  if (phase.kind === 'loading') return <p role="status">{t('loading')}</p>;
  if (phase.kind === 'failed') {
    return (
      <p role="alert" className="notice error">
        {t('loadFailed')}
      </p>
    );
  }
  if (phase.kind === 'open') {
    return <CoordinatorWorkspace session={phase.session} onLock={() => setPhase({ kind: 'vault', api: phase.api, hasVault: true })} />;
  }
  return (
    <CoordinatorVaultScreen
      api={phase.api}
      hasVault={phase.hasVault}
      onVaultImported={() => setPhase({ kind: 'vault', api: phase.api, hasVault: true })}
      onOpened={(opened) => setPhase({ kind: 'open', api: phase.api, session: opened })}
      onBack={onBack}
    />
  );
}
