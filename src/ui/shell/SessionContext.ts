import { createContext, useContext } from 'react';
import type { VaultSession } from '../../store/storeApi';

/** The unlocked vault. Only rendered inside the unlocked area, so "no session" is a wiring bug. */
export const SessionContext = createContext<VaultSession | null>(null);

export function useSession(): VaultSession {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession: no SessionContext provider above this component');
  return session;
}
