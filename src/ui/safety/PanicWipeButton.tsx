import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/useT';
import { useServices } from '../shell/ServicesContext';
import { createHoldToConfirm, type HoldToConfirm } from './holdToConfirm';
import './safety.css';

/** Long enough that a tap or a pocket does nothing, short enough under stress. */
export const PANIC_HOLD_MS = 1500;
const TICK_MS = 40;
const RING_RADIUS = 15;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

const holdKeys = new Set([' ', 'Enter']);

/**
 * "Panic wipe": press and hold (pointer, or Space/Enter on a keyboard) for PANIC_HOLD_MS while a ring fills;
 * letting go earlier cancels. A plain click (a tap, or a screen reader's activation) only says to hold.
 */
export function PanicWipeButton({ onConfirmed, busy }: { onConfirmed: () => void; busy: boolean }) {
  const { t } = useT();
  const { clock } = useServices();
  const id = useId();
  const [progress, setProgress] = useState(0);
  const [tapped, setTapped] = useState(false);
  const holdRef = useRef<HoldToConfirm | null>(null);
  const confirmedRef = useRef(onConfirmed);
  useEffect(() => {
    confirmedRef.current = onConfirmed;
  }, [onConfirmed]);

  useEffect(() => {
    const hold = createHoldToConfirm({ clock, holdMs: PANIC_HOLD_MS, tickMs: TICK_MS, onProgress: setProgress, onConfirm: () => confirmedRef.current() });
    holdRef.current = hold;
    return () => {
      hold.dispose();
      holdRef.current = null;
    };
  }, [clock]);

  const press = () => {
    setTapped(false);
    holdRef.current?.press();
  };
  const release = () => holdRef.current?.release();
  const onKeyDown = (event: KeyboardEvent) => {
    if (!holdKeys.has(event.key)) return;
    // No click: Enter would click on key down and Space on key up, and a click must not wipe.
    event.preventDefault();
    if (!event.repeat) press();
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (!holdKeys.has(event.key)) return;
    event.preventDefault();
    release();
  };

  const hintId = `${id}-hint`;
  return (
    <span className="panic-wipe">
      <button
        type="button"
        className="danger panic-wipe-button"
        disabled={busy}
        aria-describedby={hintId}
        onPointerDown={(event) => {
          if (event.button === 0) press();
        }}
        onPointerUp={release}
        onPointerLeave={release}
        onPointerCancel={release}
        onBlur={release}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
        // A long press would otherwise open the phone's context menu or start selecting text.
        onContextMenu={(event) => event.preventDefault()}
        onClick={() => {
          if (progress < 1) setTapped(true);
        }}
      >
        <svg className="hold-ring" viewBox="0 0 36 36" width="24" height="24" aria-hidden="true" focusable="false">
          <circle className="hold-ring-track" cx="18" cy="18" r={RING_RADIUS} />
          <circle
            className="hold-ring-fill"
            cx="18"
            cy="18"
            r={RING_RADIUS}
            strokeDasharray={RING_LENGTH}
            strokeDashoffset={RING_LENGTH * (1 - progress)}
            transform="rotate(-90 18 18)"
          />
        </svg>
        {busy ? t('safety.wiping') : t('safety.panicWipe')}
      </button>
      <span id={hintId} className={tapped ? 'panic-wipe-hint' : 'visually-hidden'} role={tapped ? 'status' : undefined}>
        {tapped ? t('safety.keepHolding') : t('safety.holdHint')}
      </span>
    </span>
  );
}
