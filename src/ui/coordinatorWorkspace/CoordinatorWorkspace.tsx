import { useState } from 'react';
import type { CoordinatorSession } from './coordinatorApi';
import { DevicesSection } from './DevicesSection';
import { ExportSection } from './ExportSection';
import { KeysSection } from './KeysSection';
import { OrganisationSection } from './OrganisationSection';
import { OverviewSection } from './OverviewSection';
import { PullSection } from './PullSection';
import { ReportsSection } from './ReportsSection';
import { useCoordinatorT } from './useCoordinatorT';

const sections = ['organisation', 'pull', 'devices', 'reports', 'overview', 'export', 'keys'] as const;
type Section = (typeof sections)[number];

/** The unlocked coordinator vault: one section at a time, picked from a bar of buttons (no routes, no URLs). */
export function CoordinatorWorkspace({ session, onLock }: { session: CoordinatorSession; onLock: () => void }) {
  const { t } = useCoordinatorT();
  const [section, setSection] = useState<Section>('organisation');
  // Bumped after every change so each section re-reads the session.
  const [, setRevision] = useState(0);
  const changed = () => setRevision((n) => n + 1);
  const lock = () => {
    session.lock();
    onLock();
  };
  return (
    <main className="stack coordinator">
      <div className="coordinator-head">
        <h1>{session.keys().name}</h1>
        <button type="button" onClick={lock}>
          {t('lock')}
        </button>
      </div>
      <nav aria-label={t('nav.label')} className="coordinator-nav">
        {sections.map((name) => (
          <button key={name} type="button" aria-current={section === name ? 'page' : undefined} onClick={() => setSection(name)}>
            {t(`nav.${name}`)}
          </button>
        ))}
      </nav>
      {section === 'organisation' ? <OrganisationSection session={session} onChanged={changed} /> : null}
      {section === 'pull' ? <PullSection session={session} onChanged={changed} /> : null}
      {section === 'devices' ? <DevicesSection session={session} onChanged={changed} /> : null}
      {section === 'reports' ? <ReportsSection session={session} /> : null}
      {section === 'overview' ? <OverviewSection session={session} /> : null}
      {section === 'export' ? <ExportSection session={session} /> : null}
      {section === 'keys' ? <KeysSection session={session} onChanged={changed} /> : null}
    </main>
  );
}
