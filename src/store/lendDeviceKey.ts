import { wipe } from '../crypto/bytes';
import type { DataKeyHolder } from './dataKeyHolder';
import { openDeviceKeyPair } from './deviceIdentity';
import type { DeviceKeyPair } from './storeApi';
import type { StoreContext } from './storeContext';
import { VaultLockedError } from './VaultLockedError';

/** Opens the device key pair for `use` alone and wipes the secret key when `use` returns or throws. */
export async function withDeviceKey<T>(ctx: StoreContext, holder: DataKeyHolder, use: (device: DeviceKeyPair) => T): Promise<T> {
  const operation = 'withDeviceKey';
  if (holder.isWiped()) throw new VaultLockedError(operation);
  const vault = await ctx.db.vault.get('vault');
  if (vault === undefined) throw new Error(`${operation}: the vault row is missing`);
  const device = openDeviceKeyPair(holder, vault.sealedIdentity, operation);
  try {
    return use(device);
  } finally {
    wipe(device.secretKey);
  }
}
