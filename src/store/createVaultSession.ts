import { listUnsentBundleQueue, listUnsentBundles, markBundleDelivered, markBundlesDelivered } from './bundleRepository';
import { changeVaultPassphrase } from './changeVaultPassphrase';
import { withDeviceKey } from './lendDeviceKey';
import { deleteDraftRecord, loadDraftRecord, saveDraftRecord } from './draftRepository';
import { clearDuressPassphrase, hasDuressPassphrase, setDuressPassphrase } from './duressPassphrase';
import { applyOrganisationUpdate, joinOrganisation, readOrganisation } from './organisationRepository';
import { readOutboxSummary } from './outboxSummary';
import { applyReceipt, listRemovedReports } from './receiptRepository';
import { listReportSummaries, readReportHistory, saveReportVersion } from './reportRepository';
import { sealPendingVersions } from './sealOutbox';
import { setFailedUnlockLimit } from './setFailedUnlockLimit';
import { readSettings, writeSettings } from './settingsRepository';
import type { VaultSession } from './storeApi';
import type { StoreContext } from './storeContext';
import type { UnlockedVault } from './unlockVault';

/** The unlocked view of the store. The data key stays inside `holder`; lock() wipes it. */
export function createVaultSession(ctx: StoreContext, { holder, deviceId }: UnlockedVault): VaultSession {
  return {
    deviceId,
    isLocked: holder.isWiped,
    lock: holder.wipe,
    changePassphrase: (current, next) => changeVaultPassphrase(ctx, holder, current, next),
    saveReport: (report) => saveReportVersion(ctx, holder, report),
    listReports: () => listReportSummaries(ctx, holder),
    reportHistory: (reportId) => readReportHistory(ctx, holder, reportId),
    saveDraft: (draftKey, data) => saveDraftRecord(ctx, holder, draftKey, data),
    loadDraft: (draftKey) => loadDraftRecord(ctx, holder, draftKey),
    deleteDraft: (draftKey) => deleteDraftRecord(ctx, holder, draftKey),
    getSettings: () => readSettings(ctx, holder),
    updateSettings: (patch) => writeSettings(ctx, holder, patch),
    organisation: () => readOrganisation(ctx, holder),
    joinOrganisation: (input) => joinOrganisation(ctx, holder, input),
    applyOrganisationUpdate: (update) => applyOrganisationUpdate(ctx, holder, update),
    sealPendingVersions: (packing, scope) => sealPendingVersions(ctx, holder, packing, scope),
    unsentBundles: () => listUnsentBundles(ctx, holder),
    unsentBundleQueue: (after) => listUnsentBundleQueue(ctx, holder, after),
    markBundleDelivered: (firstCounter, seq) => markBundleDelivered(ctx, holder, firstCounter, seq),
    markBundlesDelivered: (deliveries) => markBundlesDelivered(ctx, holder, deliveries),
    outboxSummary: () => readOutboxSummary(ctx, holder),
    withDeviceKey: (use) => withDeviceKey(ctx, holder, use),
    applyReceipt: (counters) => applyReceipt(ctx, holder, counters),
    listRemovedReports: () => listRemovedReports(ctx, holder),
    hasDuressPassphrase: () => hasDuressPassphrase(ctx, holder),
    setDuressPassphrase: (duress) => setDuressPassphrase(ctx, holder, duress),
    clearDuressPassphrase: () => clearDuressPassphrase(ctx, holder),
    setFailedUnlockLimit: (limit) => setFailedUnlockLimit(ctx, holder, limit),
  };
}
