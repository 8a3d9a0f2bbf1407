import { useEffect, useRef } from 'react';
import type { Clock } from '../../platform/clock';
import { createHiddenLock } from './hiddenLock';

/** Locks after the app has been hidden (another app in front, screen off) for graceMs. */
export function useHiddenLock(clock: Clock, graceMs: number, onLock: () => void): void {
  const onLockRef = useRef(onLock);
  useEffect(() => {
    onLockRef.current = onLock;
  }, [onLock]);

  useEffect(() => {
    const lock = createHiddenLock({ clock, graceMs, onLock: () => onLockRef.current() });
    const onChange = () => {
      if (document.visibilityState === 'hidden') lock.hidden();
      else lock.visible();
    };
    onChange();
    document.addEventListener('visibilitychange', onChange);
    return () => {
      lock.stop();
      document.removeEventListener('visibilitychange', onChange);
    };
  }, [clock, graceMs]);
}
