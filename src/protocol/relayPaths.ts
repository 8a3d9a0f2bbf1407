// URL paths of the relay API v1, relative to the relay's origin. Ids are base64url, so no escaping is needed.
import { RELAY_API_PREFIX } from './relayApi';

export const relayPaths = {
  health: (): string => `${RELAY_API_PREFIX}/health`,
  mailboxes: (): string => `${RELAY_API_PREFIX}/mailboxes`,
  bundles: (mailboxId: string): string => `${RELAY_API_PREFIX}/mailboxes/${mailboxId}/bundles`,
  bundle: (mailboxId: string, bundleId: string): string =>
    `${RELAY_API_PREFIX}/mailboxes/${mailboxId}/bundles/${bundleId}`,
  ack: (mailboxId: string): string => `${RELAY_API_PREFIX}/mailboxes/${mailboxId}/ack`,
  uploadToken: (mailboxId: string): string => `${RELAY_API_PREFIX}/mailboxes/${mailboxId}/upload-token`,
  deviceMessages: (deviceMailbox: string): string => `${RELAY_API_PREFIX}/devices/${deviceMailbox}/messages`,
  deviceMessage: (deviceMailbox: string, messageId: string): string =>
    `${RELAY_API_PREFIX}/devices/${deviceMailbox}/messages/${messageId}`,
  deviceAck: (deviceMailbox: string): string => `${RELAY_API_PREFIX}/devices/${deviceMailbox}/ack`,
} as const;
