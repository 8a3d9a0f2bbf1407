// Turns command-line flags and environment variables into a checked RelayConfig. A bad setting is an
// expected failure (the operator typed it), so it comes back as a value naming the setting.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RelayConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly staticDir: string;
  readonly adminToken: string | null;
  readonly openRegistration: boolean;
  readonly maxBundleBytes: number;
  readonly maxStoreBytes: number;
  readonly ttlMs: number;
  readonly connectSrc: readonly string[];
  readonly rateLimitMax: number;
  readonly rateLimitWindowMs: number;
  readonly logRequests: boolean;
  /** DALA_TEST_NOW: freezes the relay's clock, for tests of the time-to-live only. */
  readonly frozenNowMs: number | null;
}

/** Values of --port, --host, --data, --static (already falling back to PORT, DALA_HOST, DALA_DATA, DALA_STATIC). */
export interface RelayFlags {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly data?: string | undefined;
  readonly static?: string | undefined;
}

export type ReadRelayConfigResult =
  | { readonly ok: true; readonly config: RelayConfig }
  | { readonly ok: false; readonly reason: 'invalid-setting'; readonly setting: string; readonly message: string };

const MIB = 1024 * 1024;
const DAY_MS = 86_400_000;
const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist', import.meta.url));
const ADMIN_TOKEN = /^[A-Za-z0-9\-._~+/]{24,512}=*$/;

class InvalidSetting extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

export function readRelayConfig(flags: RelayFlags, env: Readonly<Record<string, string | undefined>>): ReadRelayConfigResult {
  try {
    return { ok: true, config: buildConfig(flags, env) };
  } catch (error) {
    if (error instanceof InvalidSetting) {
      return { ok: false, reason: 'invalid-setting', setting: error.setting, message: error.message };
    }
    throw error;
  }
}

function buildConfig(flags: RelayFlags, env: Readonly<Record<string, string | undefined>>): RelayConfig {
  const host = flags.host ?? '127.0.0.1';
  if (host.trim() === '') throw new InvalidSetting('--host', '--host (DALA_HOST) must not be empty');
  const adminToken = nonEmpty(env['DALA_ADMIN_TOKEN']);
  if (adminToken !== null && !ADMIN_TOKEN.test(adminToken)) {
    throw new InvalidSetting(
      'DALA_ADMIN_TOKEN',
      'DALA_ADMIN_TOKEN must be 24 to 512 characters from A-Z a-z 0-9 - . _ ~ + / (for example the output of `openssl rand -base64 32`)',
    );
  }
  return {
    host,
    port: integer('--port', flags.port, 8787, 0, 65_535),
    dataDir: resolve(nonEmpty(flags.data) ?? './data'),
    staticDir: resolve(nonEmpty(flags.static) ?? DEFAULT_STATIC_DIR),
    adminToken,
    openRegistration: boolean('DALA_OPEN_REGISTRATION', env['DALA_OPEN_REGISTRATION']),
    maxBundleBytes: integer('DALA_MAX_BUNDLE_BYTES', env['DALA_MAX_BUNDLE_BYTES'], 8 * MIB, 1, 256 * MIB),
    maxStoreBytes: integer('DALA_MAX_STORE_BYTES', env['DALA_MAX_STORE_BYTES'], 1024 * MIB, 1, Number.MAX_SAFE_INTEGER),
    ttlMs: ttlDays(env['DALA_TTL_DAYS']) * DAY_MS,
    connectSrc: origins('DALA_CONNECT_SRC', env['DALA_CONNECT_SRC']),
    rateLimitMax: integer('DALA_RATE_LIMIT_MAX', env['DALA_RATE_LIMIT_MAX'], 300, 1, 1_000_000),
    rateLimitWindowMs:
      integer('DALA_RATE_LIMIT_WINDOW_SECONDS', env['DALA_RATE_LIMIT_WINDOW_SECONDS'], 60, 1, 86_400) * 1000,
    logRequests: boolean('DALA_LOG_REQUESTS', env['DALA_LOG_REQUESTS']),
    frozenNowMs: instant('DALA_TEST_NOW', env['DALA_TEST_NOW']),
  };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}

function integer(setting: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = nonEmpty(raw);
  if (value === null) return fallback;
  const n = /^[0-9]{1,16}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidSetting(setting, `${setting} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function boolean(setting: string, raw: string | undefined): boolean {
  const value = nonEmpty(raw)?.trim().toLowerCase() ?? '0';
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new InvalidSetting(setting, `${setting} must be 1 or 0, got "${raw ?? ''}"`);
}

function ttlDays(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === null) return 30;
  const n = /^[0-9]{1,4}(\.[0-9]{1,6})?$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(n > 0 && n <= 3650)) {
    throw new InvalidSetting('DALA_TTL_DAYS', `DALA_TTL_DAYS must be a number of days above 0 and at most 3650, got "${value}"`);
  }
  return n;
}

// Each entry becomes part of the Content-Security-Policy header, so only clean origins are accepted.
function origins(setting: string, raw: string | undefined): string[] {
  const entries = (nonEmpty(raw) ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
  return entries.map((entry) => {
    const url = URL.canParse(entry) ? new URL(entry) : null;
    const isOrigin =
      url !== null &&
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      (entry === url.origin || entry === `${url.origin}/`);
    if (!isOrigin || url === null) {
      throw new InvalidSetting(setting, `${setting} must list origins like https://relay.example.org, got "${entry}"`);
    }
    return url.origin;
  });
}

function instant(setting: string, raw: string | undefined): number | null {
  const value = nonEmpty(raw);
  if (value === null) return null;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || !Number.isFinite(ms)) {
    throw new InvalidSetting(setting, `${setting} must be an ISO 8601 time like 2025-01-01T10:30:00Z, got "${value}"`);
  }
  return ms;
}
