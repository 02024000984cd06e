import { resolve } from 'node:path';

/** Everything Loket reads from its environment, validated once at start-up. */
export interface Config {
  /** TCP port of the HTTP server. */
  port: number;
  /** Interface the HTTP server binds to. */
  host: string;
  /** Where the embedded database, the generated secret key and documents live. */
  dataDir: string;
  /** PostgreSQL connection string; absent means the embedded database (PGlite) under dataDir. */
  databaseUrl: string | undefined;
  /** Maximum connections per Loket process when on PostgreSQL. */
  databasePoolSize: number;
  /** 32-byte key (base64) that encrypts API client secrets and TOTP seeds; absent means a generated one under dataDir (embedded only). */
  secretKey: string | undefined;
  /** Tenant slug used when a request's host name matches no tenant. */
  defaultTenant: string | undefined;
  /** Maximum age of an API JWT (seconds since its `iat`). */
  jwtMaxAgeSeconds: number;
  /** How far in the future a JWT's `iat` may lie (clock difference between machines). */
  jwtClockSkewSeconds: number;
  /** Staff sessions end after this much inactivity. */
  sessionIdleMinutes: number;
  /** Staff sessions end this long after sign-in, however active. */
  sessionAbsoluteHours: number;
  /** Portal sessions of residents and businesses end after this much inactivity (DigiD requires 15 minutes). */
  residentIdleMinutes: number;
  /** Portal sessions end this long after sign-in, however active. */
  residentAbsoluteHours: number;
  /** Whether staff must pass a TOTP second factor (default true; only turn off behind an OIDC broker that enforces MFA). */
  staffMfaRequired: boolean;
  /** Largest accepted request body in bytes. */
  bodyLimitBytes: number;
  /** Largest kennisbank import file uploaded on the beheer pages (10,000 products are some tens of megabytes). */
  kennisbankImportMaxBytes: number;
  /** Trust X-Forwarded-* headers (behind a TLS-terminating proxy). */
  trustProxy: boolean;
  /** pino log level. */
  logLevel: string;
  /** Outbox dispatcher: how often to look for due events when nothing woke it. */
  outboxPollMs: number;
  /** Outbox dispatcher: how long a claimed event stays reserved for one process before another may retry it. */
  outboxLeaseSeconds: number;
  /** Whether this process runs the outbox dispatcher (turn off on pure API replicas). */
  outboxEnabled: boolean;
  /** Outbox dispatcher: deliveries this process runs at the same time (at most half of them to one receiver). */
  outboxConcurrency: number;
  /** Whether server-side requests to client-supplied URLs may reach private/loopback networks (tests and closed networks only). */
  outboundAllowPrivateNetworks: boolean;
  /** Kennisbank search answers each process keeps for repeated queries (0 keeps none). */
  kennisbankSearchCache: number;
  /** SMTP server for e-mail to residents (`smtp://user:password@host:587`); absent: e-mail is written to `<dataDir>/mail`. */
  smtpUrl: string | undefined;
  /** Sender address of e-mail to residents; the display name is the municipality's. */
  mailFrom: string;
  /** Optional staff sign-in through OpenID Connect. */
  oidc: OidcConfig | undefined;
  /** Residents' (DigiD) and businesses' (eHerkenning) sign-in through the municipality's OpenID Connect broker. */
  residentOidc: ResidentOidcConfig | undefined;
  /**
   * The built-in demo identity provider with fictional residents: on by default only in the embedded demo (no
   * DATABASE_URL and no broker configured), off in any other installation unless LOKET_DEMO_IDP=true.
   */
  demoIdp: boolean;
}

/** The broker residents and businesses sign in through, and where its tokens carry the identity. */
export interface ResidentOidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claim holding the BSN (DigiD). */
  bsnClaim: string;
  /** Claim holding the KvK number (eHerkenning). */
  kvkClaim: string;
  /** Claim holding the display name, when the broker sends one. */
  nameClaim: string;
  /** Extra authorisation-request parameters that select DigiD or eHerkenning at the broker, e.g. `kc_idp_hint=digid`. */
  digidParameters: Record<string, string>;
  eherkenningParameters: Record<string, string>;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claim whose value matches a staff account's e-mail address. */
  emailClaim: string;
}

/** A configuration value that is missing or has the wrong form; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly received: string | undefined,
  ) {
    super(
      received === undefined
        ? `${variable} is required: expected ${expected}`
        : `${variable} has an invalid value ${JSON.stringify(received)}: expected ${expected}`,
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, 'true or false', raw);
}

function optional(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

function databaseUrl(env: Env): string | undefined {
  const raw = optional(env, 'DATABASE_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'a URL such as postgres://user:password@host:5432/loket', '(not a URL)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', 'a URL starting with postgres:// or postgresql://', `${url.protocol}//…`);
  }
  return raw;
}

function secretKey(env: Env, usesPostgres: boolean): string | undefined {
  const raw = optional(env, 'LOKET_SECRET_KEY');
  if (raw === undefined) {
    // A shared PostgreSQL serves several processes: each must decrypt with the same key, so it has to be configured.
    if (usesPostgres) throw new ConfigError('LOKET_SECRET_KEY', '32 random bytes in base64 (openssl rand -base64 32), required with DATABASE_URL', undefined);
    return undefined;
  }
  if (Buffer.from(raw, 'base64').length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(raw)) {
    throw new ConfigError('LOKET_SECRET_KEY', '32 random bytes in base64 (openssl rand -base64 32)', '(hidden)');
  }
  return raw;
}

function oidc(env: Env): OidcConfig | undefined {
  const issuer = optional(env, 'LOKET_OIDC_ISSUER');
  if (issuer === undefined) return undefined;
  try {
    new URL(issuer);
  } catch {
    throw new ConfigError('LOKET_OIDC_ISSUER', 'the https URL of the OpenID Connect issuer', issuer);
  }
  const clientId = optional(env, 'LOKET_OIDC_CLIENT_ID');
  if (clientId === undefined) throw new ConfigError('LOKET_OIDC_CLIENT_ID', 'the client id registered at the issuer (required with LOKET_OIDC_ISSUER)', undefined);
  const clientSecret = optional(env, 'LOKET_OIDC_CLIENT_SECRET');
  if (clientSecret === undefined) throw new ConfigError('LOKET_OIDC_CLIENT_SECRET', 'the client secret registered at the issuer (required with LOKET_OIDC_ISSUER)', undefined);
  return { issuer, clientId, clientSecret, emailClaim: optional(env, 'LOKET_OIDC_EMAIL_CLAIM') ?? 'email' };
}

function smtpUrl(env: Env): string | undefined {
  const raw = optional(env, 'LOKET_SMTP_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('LOKET_SMTP_URL', 'a URL such as smtp://user:password@mail.example.nl:587', '(not a URL)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('LOKET_SMTP_URL', 'a URL starting with smtp:// or smtps://', `${url.protocol}//…`);
  return raw;
}

function mailFrom(env: Env): string {
  const raw = optional(env, 'LOKET_MAIL_FROM') ?? 'noreply@loket.invalid';
  if (!/^[^\s@<>",;]+@[^\s@<>",;]+$/.test(raw)) throw new ConfigError('LOKET_MAIL_FROM', 'an e-mail address such as noreply@gemeente.nl', raw);
  return raw;
}

function parameters(env: Env, name: string, fallback: string): Record<string, string> {
  const raw = optional(env, name) ?? fallback;
  const result: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (!/^[A-Za-z0-9_.-]+$/.test(key)) throw new ConfigError(name, 'URL query parameters such as scope=openid%20digid&kc_idp_hint=digid', raw);
    result[key] = value;
  }
  return result;
}

function residentOidc(env: Env): ResidentOidcConfig | undefined {
  const issuer = optional(env, 'LOKET_PORTAAL_OIDC_ISSUER');
  if (issuer === undefined) return undefined;
  try {
    new URL(issuer);
  } catch {
    throw new ConfigError('LOKET_PORTAAL_OIDC_ISSUER', 'the https URL of the DigiD/eHerkenning OpenID Connect broker', issuer);
  }
  const clientId = optional(env, 'LOKET_PORTAAL_OIDC_CLIENT_ID');
  if (clientId === undefined) throw new ConfigError('LOKET_PORTAAL_OIDC_CLIENT_ID', 'the client id registered at the broker (required with LOKET_PORTAAL_OIDC_ISSUER)', undefined);
  const clientSecret = optional(env, 'LOKET_PORTAAL_OIDC_CLIENT_SECRET');
  if (clientSecret === undefined) throw new ConfigError('LOKET_PORTAAL_OIDC_CLIENT_SECRET', 'the client secret registered at the broker (required with LOKET_PORTAAL_OIDC_ISSUER)', undefined);
  return {
    issuer,
    clientId,
    clientSecret,
    bsnClaim: optional(env, 'LOKET_PORTAAL_OIDC_BSN_CLAIM') ?? 'bsn',
    kvkClaim: optional(env, 'LOKET_PORTAAL_OIDC_KVK_CLAIM') ?? 'kvk',
    nameClaim: optional(env, 'LOKET_PORTAAL_OIDC_NAME_CLAIM') ?? 'name',
    digidParameters: parameters(env, 'LOKET_PORTAAL_OIDC_DIGID_PARAMETERS', 'scope=openid'),
    eherkenningParameters: parameters(env, 'LOKET_PORTAAL_OIDC_EHERKENNING_PARAMETERS', 'scope=openid'),
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the configuration. Throws a ConfigError naming the first wrong variable,
 * so a misconfigured process stops before it touches any data.
 */
export function loadConfig(env: Env = process.env): Config {
  const url = databaseUrl(env);
  const logLevel = optional(env, 'LOKET_LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOKET_LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`, logLevel);
  const defaultTenant = optional(env, 'LOKET_DEFAULT_TENANT');
  if (defaultTenant !== undefined && !/^[a-z0-9][a-z0-9-]{1,62}$/.test(defaultTenant)) {
    throw new ConfigError('LOKET_DEFAULT_TENANT', 'a tenant slug: lower-case letters, digits and hyphens', defaultTenant);
  }
  const broker = residentOidc(env);
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: optional(env, 'HOST') ?? '0.0.0.0',
    dataDir: resolve(optional(env, 'LOKET_DATA_DIR') ?? './data'),
    databaseUrl: url,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 500),
    secretKey: secretKey(env, url !== undefined),
    defaultTenant,
    jwtMaxAgeSeconds: integer(env, 'LOKET_JWT_MAX_AGE_SECONDS', 3600, 1, 31 * 24 * 3600),
    jwtClockSkewSeconds: integer(env, 'LOKET_JWT_CLOCK_SKEW_SECONDS', 60, 0, 3600),
    sessionIdleMinutes: integer(env, 'LOKET_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: integer(env, 'LOKET_SESSION_ABSOLUTE_HOURS', 10, 1, 7 * 24),
    residentIdleMinutes: integer(env, 'LOKET_RESIDENT_IDLE_MINUTES', 15, 1, 15),
    residentAbsoluteHours: integer(env, 'LOKET_RESIDENT_ABSOLUTE_HOURS', 4, 1, 24),
    staffMfaRequired: boolean(env, 'LOKET_STAFF_MFA_REQUIRED', true),
    bodyLimitBytes: integer(env, 'LOKET_BODY_LIMIT_BYTES', 20 * 1024 * 1024, 1024, 2 ** 31 - 1),
    kennisbankImportMaxBytes: integer(env, 'LOKET_KENNISBANK_IMPORT_MAX_BYTES', 100 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    trustProxy: boolean(env, 'LOKET_TRUST_PROXY', false),
    logLevel,
    outboxPollMs: integer(env, 'LOKET_OUTBOX_POLL_MS', 1000, 10, 60_000),
    outboxLeaseSeconds: integer(env, 'LOKET_OUTBOX_LEASE_SECONDS', 60, 1, 3600),
    outboxEnabled: boolean(env, 'LOKET_OUTBOX_ENABLED', true),
    // The dispatcher's DEFAULT_CONCURRENCY (not imported: the configuration depends on nothing it configures).
    outboxConcurrency: integer(env, 'LOKET_OUTBOX_CONCURRENCY', 32, 1, 1000),
    outboundAllowPrivateNetworks: boolean(env, 'LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS', false),
    kennisbankSearchCache: integer(env, 'LOKET_KENNISBANK_SEARCH_CACHE', 1000, 0, 100_000),
    smtpUrl: smtpUrl(env),
    mailFrom: mailFrom(env),
    oidc: oidc(env),
    residentOidc: broker,
    // Only a newcomer's embedded demo gets it without asking: anything on PostgreSQL or with a real broker is a real installation.
    demoIdp: boolean(env, 'LOKET_DEMO_IDP', url === undefined && broker === undefined),
  };
}
