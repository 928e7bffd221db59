/**
 * Server configuration from the environment, with defaults that make `make run` work on a
 * fresh machine. Every setting is named here once.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL; empty for the SQLite file below. */
  databaseUrl: string;
  sqliteFile: string;
  /**
   * SQLite `synchronous` (SQLITE_SYNCHRONOUS, default FULL): FULL makes every commit durable;
   * NORMAL (with WAL) may lose the last commits on power loss but never corrupts the file.
   */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  filesDir: string;
  /** Production mode refuses demo users and requires a session secret. */
  isProduction: boolean;
  /**
   * Express `trust proxy` (TRUST_PROXY): how many reverse proxies in front of this process to
   * believe about the client address and protocol (X-Forwarded-For/-Proto), e.g. `1` behind one
   * nginx; `false` believes none; or a comma list of proxy addresses / subnets (`loopback`,
   * `10.0.0.0/8`). Default: 1 in production, false otherwise.
   */
  trustProxy: boolean | number | string;
  sessionSecret: string;
  /** Minutes without a request that end an applicant's session (SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** The same for anyone holding a role besides applicant: staff, admins, auditors (SESSION_IDLE_MINUTES_STAFF, default 15). */
  sessionIdleMinutesStaff: number;
  /** Hours after sign-in that end any session, however active (SESSION_ABSOLUTE_HOURS, default 12). */
  sessionAbsoluteHours: number;
  /**
   * The password rules (IPSP_PASSWORD_PROFILE): `mlps` (default; MLPS level 3: 3 of 4 character
   * classes, expiry) or `asvs` (OWASP ASVS: no composition rule, no expiry). Decision record 0031.
   */
  passwordProfile: 'mlps' | 'asvs';
  /** Days after a password change from which the user is warned to change it (IPSP_PASSWORD_WARN_DAYS, default 83). */
  passwordWarnDays: number;
  /** Days after which a password must be changed before anything else (IPSP_PASSWORD_MAX_AGE_DAYS, default 90; 0: never; the `asvs` profile defaults to 0). */
  passwordMaxAgeDays: number;
  maxUploadMB: number;
  smtpUrl: string;
  mailFrom: string;
  smsWebhookUrl: string;
  wechatWebhookUrl: string;
  workerIntervalMs: number;
  publicUrl: string;
  /** The deployment secret that seals signing keys at rest (IPSP_SECRET); empty: read or create `secretFile`. */
  secret: string;
  /** Where the generated deployment secret lives when IPSP_SECRET is not set (mode 0600). */
  secretFile: string;
  /** The largest package accepted over HTTP or pulled from a federation source. */
  packageMaxMB: number;
  /** How long a federation pull waits for the source. */
  federationTimeoutMs: number;
  /** Wrong passwords in a row that lock an account (IPSP_LOCKOUT_ATTEMPTS, default 5). */
  lockoutAttempts: number;
  /** How long the lock lasts (IPSP_LOCKOUT_MINUTES, default 15). */
  lockoutMinutes: number;
  /** Stored files no row names are removed once older than this (IPSP_FILE_GC_HOURS, default 24; 0 = at the next pass). */
  fileGcHours: number;
  /** The Chromium the reports are printed to PDF with (CHROMIUM_PATH, default /usr/bin/chromium); missing: PDFs answer 503, HTML still works. */
  chromiumPath: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isProduction = env.NODE_ENV === 'production';
  const sessionSecret = env.SESSION_SECRET ?? '';
  if (isProduction && sessionSecret.length < 32) {
    throw new Error('SESSION_SECRET must be set to at least 32 characters in production (NODE_ENV=production).');
  }
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const sqliteFile = env.SQLITE_FILE ?? 'data/ipsp.sqlite';
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL ?? '',
    sqliteFile,
    sqliteSynchronous: sqliteSynchronousOf(env),
    filesDir: env.FILES_DIR ?? 'data/files',
    isProduction,
    trustProxy: trustProxyOf(env, isProduction),
    sessionSecret: sessionSecret || randomBytes(32).toString('hex'),
    sessionIdleMinutes: positiveInteger(env, 'SESSION_IDLE_MINUTES', 30),
    sessionIdleMinutesStaff: positiveInteger(env, 'SESSION_IDLE_MINUTES_STAFF', 15),
    sessionAbsoluteHours: positiveInteger(env, 'SESSION_ABSOLUTE_HOURS', 12),
    ...passwordRules(env),
    maxUploadMB: Number(env.MAX_UPLOAD_MB ?? 50),
    smtpUrl: env.SMTP_URL ?? '',
    mailFrom: env.MAIL_FROM ?? 'ipsp@localhost',
    smsWebhookUrl: env.SMS_WEBHOOK_URL ?? '',
    wechatWebhookUrl: env.WECHAT_WEBHOOK_URL ?? '',
    workerIntervalMs: Number(env.WORKER_INTERVAL_MS ?? 5000),
    publicUrl: env.PUBLIC_URL ?? `http://${host}:${port}`,
    secret: env.IPSP_SECRET ?? '',
    secretFile: env.IPSP_SECRET_FILE ?? join(dirname(sqliteFile), 'ipsp.secret'),
    packageMaxMB: Number(env.PACKAGE_MAX_MB ?? 20),
    federationTimeoutMs: Number(env.FEDERATION_TIMEOUT_MS ?? 15000),
    lockoutAttempts: positiveInteger(env, 'IPSP_LOCKOUT_ATTEMPTS', 5),
    lockoutMinutes: positiveInteger(env, 'IPSP_LOCKOUT_MINUTES', 15),
    fileGcHours: nonNegativeNumber(env, 'IPSP_FILE_GC_HOURS', 24),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
}

function sqliteSynchronousOf(env: NodeJS.ProcessEnv): Config['sqliteSynchronous'] {
  const raw = (env.SQLITE_SYNCHRONOUS || 'FULL').toUpperCase();
  if (raw !== 'FULL' && raw !== 'NORMAL') throw new Error(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, not "${env.SQLITE_SYNCHRONOUS}"; unset it for the default FULL.`);
  return raw;
}

/** TRUST_PROXY as express takes it: a hop count, true/false, or addresses and subnets. */
function trustProxyOf(env: NodeJS.ProcessEnv, isProduction: boolean): Config['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '') return isProduction ? 1 : false;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/** The password profile and its ages; expiry is off by default under `asvs`. */
function passwordRules(env: NodeJS.ProcessEnv): Pick<Config, 'passwordProfile' | 'passwordWarnDays' | 'passwordMaxAgeDays'> {
  const profile = env.IPSP_PASSWORD_PROFILE || 'mlps';
  if (profile !== 'mlps' && profile !== 'asvs') throw new Error(`IPSP_PASSWORD_PROFILE must be "mlps" or "asvs", not "${profile}"; unset it for the default mlps.`);
  const maxAgeDays = wholeNumber(env, 'IPSP_PASSWORD_MAX_AGE_DAYS', profile === 'mlps' ? 90 : 0, 0);
  const warnDays = wholeNumber(env, 'IPSP_PASSWORD_WARN_DAYS', Math.max(0, maxAgeDays - 7), 0);
  if (maxAgeDays > 0 && warnDays >= maxAgeDays) throw new Error(`IPSP_PASSWORD_WARN_DAYS (${warnDays}) must be less than IPSP_PASSWORD_MAX_AGE_DAYS (${maxAgeDays}).`);
  return { passwordProfile: profile, passwordWarnDays: warnDays, passwordMaxAgeDays: maxAgeDays };
}

/** A whole number ≥ `min` from `env[name]`, or `fallback` when unset; anything else stops the start. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"; unset it for the default ${fallback}.`);
  return value;
}

/** A whole number ≥ 1 from `env[name]`, or `fallback` when unset; anything else stops the start. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return wholeNumber(env, name, fallback, 1);
}

/** A number ≥ 0 (fractions allowed) from `env[name]`, or `fallback` when unset; anything else stops the start. */
function nonNegativeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of at least 0, not "${raw}"; unset it for the default ${fallback}.`);
  return value;
}
