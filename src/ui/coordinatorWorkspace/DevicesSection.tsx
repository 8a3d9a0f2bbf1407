import { useId, useState } from 'react';
import type { CoordinatorSession, DeviceView } from './coordinatorApi';
import { formatHour } from './formatHour';
import { useCoordinatorT } from './useCoordinatorT';

function DeviceCard({ session, device, onChanged }: { session: CoordinatorSession; device: DeviceView; onChanged: () => void }) {
  const { t, language } = useCoordinatorT();
  const id = useId();
  const [name, setName] = useState(device.name);
  const title = device.name === '' ? t('devices.unnamed') : device.name;
  const label = device.name === '' ? device.fingerprint : device.name;

  const saveName = async () => {
    await session.setDeviceName(device.mailboxId, device.deviceId, name);
    onChanged();
  };
  const toggleRevoked = async () => {
    await session.setDeviceRevoked(device.mailboxId, device.deviceId, device.revokedAt === null);
    onChanged();
  };

  return (
    <li className={device.revokedAt === null ? 'device' : 'device revoked'}>
      <h3>
        {title} <code>{device.fingerprint}</code>
      </h3>
      <dl className="facts">
        <dt>{t('devices.firstSeen')}</dt>
        <dd>{formatHour(device.firstSeen, language)}</dd>
        <dt>{t('devices.lastSeen')}</dt>
        <dd>{formatHour(device.lastSeen, language)}</dd>
        <dt>{t('devices.reports')}</dt>
        <dd>{device.reports}</dd>
        <dt>{t('devices.highest')}</dt>
        <dd>{device.highestCounter}</dd>
      </dl>
      {device.missing.length === 0 ? (
        <p className="notice ok">{t('devices.noGaps')}</p>
      ) : (
        <ul className="notice warn">
          {device.missing.map((gap) => (
            <li key={gap.first}>
              {gap.first === gap.last
                ? t('devices.gapOne', { first: gap.first, device: label })
                : t('devices.gap', { first: gap.first, last: gap.last, device: label })}
            </li>
          ))}
        </ul>
      )}
      {device.revokedAt === null ? null : <p className="notice error">{t('devices.revoked', { when: formatHour(device.revokedAt, language) })}</p>}
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('devices.name')}</label>
          <input id={`${id}-name`} type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => void saveName()}>
          {t('devices.saveName')}
        </button>
        <button type="button" className={device.revokedAt === null ? 'danger' : ''} onClick={() => void toggleRevoked()}>
          {device.revokedAt === null ? t('devices.revoke') : t('devices.unrevoke')}
        </button>
      </div>
    </li>
  );
}

/** Every device that sent bundles: fingerprint, the coordinator's name for it, arrivals, gaps, revocation. */
export function DevicesSection({ session, onChanged }: { session: CoordinatorSession; onChanged: () => void }) {
  const { t } = useCoordinatorT();
  const devices = session.devices();
  return (
    <section className="stack">
      <h2>{t('devices.title')}</h2>
      {devices.length === 0 ? (
        <p>{t('devices.none')}</p>
      ) : (
        <ul className="device-list">
          {devices.map((device) => (
            <DeviceCard key={`${device.mailboxId} ${device.deviceId}`} session={session} device={device} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
