import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { VaultSession } from '../../store/storeApi';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { loadLanguage } from '../i18n/languagePreference';
import { useT } from '../i18n/useT';
import { PanicWipeButton } from '../safety/PanicWipeButton';
import { wipeEverything } from '../safety/wipeEverything';
import { UpdateBanner } from '../update/UpdateBanner';
import { CreateVaultScreen } from '../vault/CreateVaultScreen';
import { UnlockScreen } from '../vault/UnlockScreen';
import { useServices } from './ServicesContext';

// Behind the passphrase: loaded only after unlock, so the first screen stays small.
const UnlockedApp = lazy(async () => ({ default: (await import('./UnlockedApp')).UnlockedApp }));
// The coordinator's path, reached from the first screen's link; its code loads only when opened.
const CoordinatorApp = lazy(async () => ({ default: (await import('../coordinatorWorkspace/CoordinatorApp')).CoordinatorApp }));

type Phase =
  | { readonly kind: 'checking' }
  | { readonly kind: 'create' }
  | { readonly kind: 'coordinator' }
  | { readonly kind: 'locked' }
  | { readonly kind: 'wiping' }
  | { readonly kind: 'unlocked'; readonly session: VaultSession };

/** The whole app: a small state machine instead of a router, so no report content ever reaches a URL. */
export function DalaApp({ appName, inviteText }: { appName: string; inviteText: string | null }) {
  // The invite is offered once: after Join or Cancel it is gone, also across lock and unlock.
  const [pendingInvite, setPendingInvite] = useState(inviteText);
  const inviteHandled = useCallback(() => setPendingInvite(null), []);
  const { t, i18n } = useT();
  const { store } = useServices();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [unsaved, setUnsaved] = useState(false);
  const [wipeFailed, setWipeFailed] = useState(false);

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

  // Panic wipe (also the end of a failed-unlock wipe): unmount every decrypted screen at once, erase, then
  // show the first screen of a fresh install, in the browser's language since the saved choice is gone too.
  const panicWipe = useCallback(async () => {
    setUnsaved(false);
    setPendingInvite(null);
    setPhase({ kind: 'wiping' });
    const complete = await wipeEverything(store);
    void i18n.changeLanguage(loadLanguage(undefined, navigator.languages));
    const status = await store.vaultStatus().catch(() => 'locked' as const);
    setWipeFailed(!complete || status !== 'none');
    setPhase({ kind: status === 'none' ? 'create' : 'locked' });
  }, [store, i18n]);
  const onPanic = useCallback(() => void panicWipe(), [panicWipe]);

  return (
    <>
      <UpdateBanner hasUnsavedChanges={unsaved} />
      <div className="shell">
        {phase.kind === 'unlocked' ? (
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <UnlockedApp session={phase.session} appName={appName} inviteText={pendingInvite} onInviteHandled={inviteHandled} onLocked={onLocked} onPanicWipe={onPanic} onUnsavedChange={setUnsaved} />
          </Suspense>
        ) : (
          <>
            <header className="topbar">
              <span className="app-name">{appName}</span>
              <LanguageSwitcher />
              {phase.kind === 'locked' || phase.kind === 'wiping' ? <PanicWipeButton onConfirmed={onPanic} busy={phase.kind === 'wiping'} /> : null}
            </header>
            {wipeFailed && phase.kind === 'locked' ? (
              <p role="status" className="notice error">
                {t('safety.wipeFailed')}
              </p>
            ) : null}
            {phase.kind === 'checking' ? <p role="status">{t('common.loading')}</p> : null}
            {phase.kind === 'create' ? <CreateVaultScreen onCreated={unlocked} onCoordinator={() => setPhase({ kind: 'coordinator' })} /> : null}
            {phase.kind === 'coordinator' ? (
              <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
                <CoordinatorApp onBack={() => setPhase({ kind: 'create' })} />
              </Suspense>
            ) : null}
            {phase.kind === 'locked' ? <UnlockScreen onUnlocked={unlocked} onNoVault={() => setPhase({ kind: 'create' })} onWiped={onPanic} /> : null}
          </>
        )}
      </div>
    </>
  );
}
