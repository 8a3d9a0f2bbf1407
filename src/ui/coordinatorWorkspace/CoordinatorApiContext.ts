import { createContext, useContext } from 'react';
import type { CoordinatorApi } from './coordinatorApi';

/** Loads the coordinator API on first use (src/app supplies it); null where no coordinator path exists. */
export type LoadCoordinatorApi = () => Promise<CoordinatorApi>;

export const CoordinatorApiContext = createContext<LoadCoordinatorApi | null>(null);

export function useLoadCoordinatorApi(): LoadCoordinatorApi | null {
  return useContext(CoordinatorApiContext);
}
