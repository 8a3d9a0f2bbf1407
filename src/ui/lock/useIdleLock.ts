import { useEffect, useRef } from 'react';
import type { Clock } from '../../platform/clock';
import { createIdleLock } from './idleLock';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls onIdle after `minutes` without pointer or key activity anywhere in the page. */
export function useIdleLock(clock: Clock, minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    const idle = createIdleLock({ clock, timeoutMs: minutes * 60_000, onIdle: () => onIdleRef.current() });
    const activity = () => idle.activity();
    for (const name of activityEvents) window.addEventListener(name, activity, { capture: true, passive: true });
    return () => {
      idle.stop();
      for (const name of activityEvents) window.removeEventListener(name, activity, { capture: true });
    };
  }, [clock, minutes]);
}
