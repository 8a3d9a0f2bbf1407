// The relay database's schema, one function per version, each in its own IMMEDIATE transaction that
// ends by setting user_version: a relay stopped halfway through upgrading resumes where it stopped.
import type Database from 'better-sqlite3';

export const RELAY_SCHEMA_VERSION = 4;

/** Brings a database at user_version `found` (0 when new) up to RELAY_SCHEMA_VERSION. */
export function migrateRelaySchema(db: Database.Database, found: number): void {
  if (found < 1) createSchemaV1(db);
  if (found < 2) migrateToV2(db);
  if (found < 3) migrateToV3(db);
  if (found < 4) migrateToV4(db);
}

function createSchemaV1(db: Database.Database): void {
  db.exec(`
    BEGIN IMMEDIATE;
    CREATE TABLE mailboxes (
      mailbox_id TEXT PRIMARY KEY,
      upload_token_hash BLOB NOT NULL UNIQUE,
      pull_token_hash BLOB NOT NULL UNIQUE
    ) STRICT;
    -- AUTOINCREMENT: a seq is never reused after deletes, so "after=<seq>" cursors stay valid.
    CREATE TABLE bundles (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      mailbox_id TEXT NOT NULL REFERENCES mailboxes (mailbox_id),
      bundle_id TEXT NOT NULL,
      size INTEGER NOT NULL,
      received_hour INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      UNIQUE (mailbox_id, bundle_id)
    ) STRICT;
    CREATE INDEX bundles_by_mailbox ON bundles (mailbox_id, seq);
    CREATE INDEX bundles_by_hour ON bundles (received_hour);
    PRAGMA user_version = 1;
    COMMIT;
  `);
}

// v2: device mailboxes. A device mailbox exists only as the rows addressed to it; nothing links it to
// an organisation's mailbox or to the token that wrote it.
function migrateToV2(db: Database.Database): void {
  db.exec(`
    BEGIN IMMEDIATE;
    CREATE TABLE device_messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      device_mailbox TEXT NOT NULL,
      message_id TEXT NOT NULL,
      size INTEGER NOT NULL,
      received_hour INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      UNIQUE (device_mailbox, message_id)
    ) STRICT;
    CREATE INDEX device_messages_by_mailbox ON device_messages (device_mailbox, seq);
    CREATE INDEX device_messages_by_hour ON device_messages (received_hour);
    PRAGMA user_version = 2;
    COMMIT;
  `);
}

// v3: upload-token rotation. The previous upload token of a mailbox, kept only to read device mailboxes.
function migrateToV3(db: Database.Database): void {
  db.exec(`
    BEGIN IMMEDIATE;
    CREATE TABLE IF NOT EXISTS retired_upload_tokens (
      mailbox_id TEXT PRIMARY KEY REFERENCES mailboxes (mailbox_id),
      token_hash BLOB NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS retired_upload_tokens_by_hash ON retired_upload_tokens (token_hash);
    PRAGMA user_version = 3;
    COMMIT;
  `);
}

// v4: several readers per mailbox. How far each reader (a random id a coordinator picks) has
// acknowledged, and the hour it last did, so a reader that stopped acknowledging can be forgotten.
function migrateToV4(db: Database.Database): void {
  db.exec(`
    BEGIN IMMEDIATE;
    CREATE TABLE IF NOT EXISTS mailbox_readers (
      mailbox_id TEXT NOT NULL REFERENCES mailboxes (mailbox_id),
      reader TEXT NOT NULL,
      acked_up_to INTEGER NOT NULL,
      acked_hour INTEGER NOT NULL,
      PRIMARY KEY (mailbox_id, reader)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS mailbox_readers_by_hour ON mailbox_readers (acked_hour);
    PRAGMA user_version = 4;
    COMMIT;
  `);
}
