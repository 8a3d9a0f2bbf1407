import { useState } from 'react';
import type { FormEvent } from 'react';
import { TextAreaField } from '../components/TextAreaField';
import { inviteFromPastedText } from './inviteFromPastedText';
import { QrScanner } from './QrScanner';
import { useSyncT } from './useSyncT';

export interface AddInviteProps {
  /** The scanned or pasted invite text, for readInvite and the Join screen. */
  readonly onInviteText: (text: string) => void;
}

/**
 * For a phone that has not joined: scan the invite's QR code with the camera, or paste the invite link.
 * Nothing is stored here; the Join screen shows the organisation and asks first.
 */
export function AddInvite({ onInviteText }: AddInviteProps) {
  const { t } = useSyncT();
  const [scanning, setScanning] = useState(false);
  const [pasted, setPasted] = useState('');
  const invite = inviteFromPastedText(pasted);

  const open = (event: FormEvent) => {
    event.preventDefault();
    if (invite !== null) onInviteText(invite);
  };

  return (
    <section aria-labelledby="add-invite" className="stack">
      <h2 id="add-invite">{t('invite.title')}</h2>
      {scanning ? (
        <QrScanner
          onText={(text) => {
            setScanning(false);
            onInviteText(text);
          }}
          onCancel={() => setScanning(false)}
        />
      ) : (
        <div className="button-row">
          <button type="button" onClick={() => setScanning(true)}>
            {t('invite.scan')}
          </button>
        </div>
      )}
      <form className="stack" onSubmit={open}>
        <TextAreaField id="paste-invite" label={t('invite.pasteLabel')} hint={t('invite.pasteHint')} value={pasted} onChange={setPasted} rows={3} />
        <div className="button-row">
          <button type="submit" disabled={invite === null}>
            {t('invite.open')}
          </button>
        </div>
      </form>
    </section>
  );
}
