import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { VaultSession } from '../../store/storeApi';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useT } from '../i18n/useT';
import { UpdateBanner } from '../update/UpdateBanner';
import { CreateVaultScreen } from '../vault/CreateVaultScreen';
import { UnlockScreen } from '../vault/UnlockScreen';
import { useServices } from './ServicesContext';

// Behind the passphrase: loaded only after unlock, so the first screen stays small.
const UnlockedApp = lazy(async () => ({ default: (await import('./UnlockedApp')).UnlockedApp }));

type Phase =
  | { readonly kind: 'checking' }
  | { readonly kind: 'create' }
  | { readonly kind: 'locked' }
  | { readonly kind: 'unlocked'; readonly session: VaultSession };

/** The whole app: a small state machine instead of a router, so no report content ever reaches a URL. */
export function DalaApp({ appName }: { appName: string }) {
  const { t } = useT();
  const { store } = useServices();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [unsaved, setUnsaved] = useState(false);

  useEffect(() => {
    let live = true;
    void store.vaultStatus().then((status) => {
      if (live) setPhase({ kind: status === 'none' ? 'create' : 'locked' });
    });
    return () => {
      live = false;
    };
  }, [store]);

  const unlocked = useCallback((session: VaultSession) => setPhase({ kind: 'unlocked', session }), []);
  const session = phase.kind === 'unlocked' ? phase.session : null;
  const onLocked = useCallback(() => {
    session?.lock();
    setUnsaved(false);
    setPhase({ kind: 'locked' });
  }, [session]);

  return (
    <>
      <UpdateBanner hasUnsavedChanges={unsaved} />
      <div className="shell">
        {phase.kind === 'unlocked' ? (
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <UnlockedApp session={phase.session} appName={appName} onLocked={onLocked} onUnsavedChange={setUnsaved} />
          </Suspense>
        ) : (
          <>
            <header className="topbar">
              <span className="app-name">{appName}</span>
              <LanguageSwitcher />
            </header>
            {phase.kind === 'checking' ? <p role="status">{t('common.loading')}</p> : null}
            {phase.kind === 'create' ? <CreateVaultScreen onCreated={unlocked} /> : null}
            {phase.kind === 'locked' ? <UnlockScreen onUnlocked={unlocked} onNoVault={() => setPhase({ kind: 'create' })} /> : null}
          </>
        )}
      </div>
    </>
  );
}
