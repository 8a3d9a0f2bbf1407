import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { emptyReport } from '../../domain/emptyReport';
import type { IncidentType } from '../../domain/incidentTypes';
import type { RemovedReport, ReportSummary, ReportVersionRecord, VaultSession } from '../../store/storeApi';
import { readInvite } from '../../sync/readInvite';
import { createBrowserDownload } from '../../platform/downloadFile';
import { JoinScreen } from '../sync/JoinScreen';
import { SyncPanel } from '../sync/SyncPanel';
import { useSyncEngine } from '../sync/useSyncEngine';
import { useSyncSnapshot } from '../sync/useSyncSnapshot';
import type { DraftEntry } from '../form/draftBook';
import type { FormState } from '../form/formState';
import { draftsOfRemovedReports } from '../form/draftsOfRemovedReports';
import { formStateFromReport } from '../form/formStateFromReport';
import { useDraftBook } from '../form/useDraftBook';
import { HomeScreen } from '../home/HomeScreen';
import { useT } from '../i18n/useT';
import { useIdleLock } from '../lock/useIdleLock';
import { PanicWipeButton } from '../safety/PanicWipeButton';
import { useHiddenLock } from '../safety/useHiddenLock';
import { useServices } from './ServicesContext';
import { SessionContext } from './SessionContext';

// Screens not needed to reach the home screen load on first use, keeping the unlock path small.
const ReportFormScreen = lazy(async () => ({ default: (await import('../form/ReportFormScreen')).ReportFormScreen }));
const ReportDetailScreen = lazy(async () => ({ default: (await import('../report/ReportDetailScreen')).ReportDetailScreen }));
const SettingsScreen = lazy(async () => ({ default: (await import('../settings/SettingsScreen')).SettingsScreen }));

/** Default idle lock before settings are read (issue: default 5 minutes). */
const defaultLockMinutes = 5;
/** Lock once the app has been out of sight this long (another app in front, screen off). */
const hiddenGraceMs = 30_000;

type Screen =
  | { readonly name: 'home'; readonly justSaved: boolean }
  | {
      readonly name: 'form';
      readonly draft: DraftEntry;
      readonly fromDraft: boolean;
      readonly restored: boolean;
      readonly chooseType: boolean;
    }
  | { readonly name: 'detail'; readonly reportId: string }
  | { readonly name: 'settings' };

export interface UnlockedAppProps {
  readonly session: VaultSession;
  readonly appName: string;
  /** The invite this page was opened with (#join=…), taken from the URL before unlock; null when there was none. */
  readonly inviteText: string | null;
  /** The invite was joined or dismissed: it must not be offered again. */
  readonly onInviteHandled: () => void;
  /** The vault must be locked now; drafts have been flushed already. */
  readonly onLocked: () => void;
  /** The panic wipe was confirmed: erase everything now. */
  readonly onPanicWipe: () => void;
  /** Whether an open form holds changes not saved as a report (the update banner waits for it). */
  readonly onUnsavedChange: (unsaved: boolean) => void;
}

/**
 * Everything behind the passphrase. Unmounted on lock, which drops all decrypted state with it.
 * Locks on the Lock button, after idle time, after being hidden for hiddenGraceMs and on pagehide — each
 * time starting the draft save first.
 */
export function UnlockedApp({ session, appName, inviteText, onInviteHandled, onLocked, onPanicWipe, onUnsavedChange }: UnlockedAppProps) {
  const { t } = useT();
  const { clock } = useServices();
  // Sync runs only while unlocked: started here, stopped when this unmounts on lock.
  const engine = useSyncEngine(session, clock);
  const { revision } = useSyncSnapshot(engine);
  const [invite, setInvite] = useState(() => (inviteText === null ? null : readInvite(inviteText)));
  const [download] = useState(createBrowserDownload);
  const draftBook = useDraftBook(session, clock);
  const [screen, setScreen] = useState<Screen | null>(null);
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [removedReports, setRemovedReports] = useState<RemovedReport[]>([]);
  const [lockMinutes, setLockMinutes] = useState(defaultLockMinutes);
  const { drafts, flush, remove: removeDraftOf } = draftBook;

  const lockNow = useCallback(() => {
    // saveDraft seals with the key synchronously before its first await, so locking right after is safe.
    flush();
    onLocked();
  }, [flush, onLocked]);

  useIdleLock(clock, lockMinutes, lockNow);
  useHiddenLock(clock, hiddenGraceMs, lockNow);

  useEffect(() => {
    // Chromium drops IndexedDB writes started in pagehide on reload or close, but keeps those started in
    // beforeunload; on phones, switching apps only fires visibilitychange (the page lives on, so the write
    // completes). So the draft is saved at each of these moments, and pagehide then locks.
    const saveDraftNow = () => flush();
    const saveWhenHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', saveDraftNow);
    document.addEventListener('visibilitychange', saveWhenHidden);
    window.addEventListener('pagehide', lockNow);
    return () => {
      window.removeEventListener('beforeunload', saveDraftNow);
      document.removeEventListener('visibilitychange', saveWhenHidden);
      window.removeEventListener('pagehide', lockNow);
    };
  }, [flush, lockNow]);

  const refreshReports = useCallback(() => {
    const unlessLocked = (error: unknown) => {
      if (!session.isLocked()) throw error;
    };
    session.listReports().then(setReports, unlessLocked);
    session.listRemovedReports().then(setRemovedReports, unlessLocked);
  }, [session]);

  // "Remove from this phone after the coordinator has it" covers unsaved amendments too: a removed
  // report's draft goes with it (the store cannot see inside drafts), unless its form is open now.
  useEffect(() => {
    if (drafts === null || removedReports.length === 0) return;
    const removed = new Set(removedReports.map((r) => r.reportId));
    const open = screen?.name === 'form' ? screen.draft.reportId : null;
    for (const reportId of draftsOfRemovedReports(drafts, removed, open)) removeDraftOf(reportId);
  }, [drafts, removedReports, screen, removeDraftOf]);

  // Delivery states change as sync runs: reload the list on every sync revision.
  useEffect(() => {
    if (revision > 0) refreshReports();
  }, [revision, refreshReports]);

  useEffect(() => {
    refreshReports();
    session.getSettings().then(
      (settings) => setLockMinutes(settings.lockTimeoutMinutes),
      (error: unknown) => {
        if (!session.isLocked()) throw error;
      },
    );
  }, [session, refreshReports]);

  // First screen after unlock: the newest unsaved form if there is one ("Draft restored"), else home.
  useEffect(() => {
    if (screen !== null || drafts === null) return;
    const newest = drafts[0];
    setScreen(
      newest === undefined
        ? { name: 'home', justSaved: false }
        : { name: 'form', draft: newest, fromDraft: true, restored: true, chooseType: false },
    );
  }, [drafts, screen]);

  useEffect(() => {
    if (screen?.name === 'form') onUnsavedChange(screen.fromDraft);
    else onUnsavedChange(false);
  }, [screen, onUnsavedChange]);

  const goHome = (justSaved = false) => setScreen({ name: 'home', justSaved });

  const openNew = (type: IncidentType | null) => {
    const form = formStateFromReport(emptyReport(type ?? 'other', new Date(clock.now()), () => crypto.randomUUID()));
    setScreen({ name: 'form', draft: { reportId: form.id, amendment: false, updatedAt: clock.now(), form }, fromDraft: false, restored: false, chooseType: type === null });
  };

  const openEdit = (latest: ReportVersionRecord) => {
    // An unsaved amendment of this report wins over the saved version: nothing typed is lost.
    const existing = drafts?.find((draft) => draft.reportId === latest.reportId);
    if (existing !== undefined) {
      setScreen({ name: 'form', draft: existing, fromDraft: true, restored: false, chooseType: false });
      return;
    }
    const form = formStateFromReport(latest.report);
    setScreen({ name: 'form', draft: { reportId: form.id, amendment: true, updatedAt: clock.now(), form }, fromDraft: false, restored: false, chooseType: false });
  };

  const renderScreen = (current: Screen) => {
    switch (current.name) {
      case 'home':
        return (
          <HomeScreen
            reports={reports}
            removedReports={removedReports}
            drafts={drafts ?? []}
            justSaved={current.justSaved}
            onNewReport={openNew}
            onOpenReport={(reportId) => setScreen({ name: 'detail', reportId })}
            onContinueDraft={(draft) => setScreen({ name: 'form', draft, fromDraft: true, restored: false, chooseType: false })}
            onDiscardDraft={(draft) => draftBook.remove(draft.reportId)}
            syncPanel={<SyncPanel engine={engine} download={download} onInviteText={(text) => setInvite(readInvite(text))} />}
          />
        );
      case 'form': {
        const { draft } = current;
        return (
          <ReportFormScreen
            // A new key remounts the form when another report opens, so no state leaks between them.
            key={draft.reportId}
            initial={draft.form}
            amendment={draft.amendment}
            fromDraft={current.fromDraft}
            restored={current.restored}
            chooseType={current.chooseType}
            draftProblem={draftBook.problem}
            onChange={(form: FormState) => draftBook.put({ reportId: draft.reportId, amendment: draft.amendment, updatedAt: clock.now(), form })}
            onDirtyChange={onUnsavedChange}
            onSaved={() => {
              draftBook.remove(draft.reportId);
              refreshReports();
              void engine.trigger('save');
              goHome(true);
            }}
            onBack={(dirty) => {
              if (dirty) flush();
              else draftBook.remove(draft.reportId);
              goHome();
            }}
            onDiscard={() => {
              draftBook.remove(draft.reportId);
              goHome();
            }}
          />
        );
      }
      case 'detail':
        return <ReportDetailScreen reportId={current.reportId} onEdit={openEdit} onBack={() => goHome()} />;
      case 'settings':
        return <SettingsScreen lockMinutes={lockMinutes} onLockMinutesChange={setLockMinutes} onBack={() => goHome()} />;
    }
  };

  return (
    <SessionContext.Provider value={session}>
      <header className="topbar">
        <span className="app-name">{appName}</span>
        {screen?.name === 'settings' ? null : (
          <button type="button" onClick={() => setScreen({ name: 'settings' })}>
            {t('shell.settings')}
          </button>
        )}
        <button type="button" onClick={lockNow}>
          {t('shell.lock')}
        </button>
        <PanicWipeButton onConfirmed={onPanicWipe} busy={false} />
      </header>
      {invite !== null ? (
        <JoinScreen invite={invite} onJoined={() => void engine.trigger('joined')} onClose={() => {
            setInvite(null);
            onInviteHandled();
          }} />
      ) : null}
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>{invite !== null ? null : screen === null ? <p role="status">{t('common.loading')}</p> : renderScreen(screen)}</Suspense>
    </SessionContext.Provider>
  );
}
