/**
 * The only reader of process.env. Every variable is documented here and in README.md,
 * validated once, with defaults that need no set-up.
 */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';

export interface Config {
  /** `pglite:./data/ribat` (embedded, default), `pglite:memory:` or `postgres://…` */
  databaseUrl: string;
  host: string;
  port: number;
  /** NATS server for the event bus; unset: in-process bus. */
  natsUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Web session lifetime, idle and absolute, in minutes. */
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Send cookies with the Secure flag (set when served over HTTPS). */
  cookieSecure: boolean;
  /** PEM certificate (chain) and private key: the server listens over TLS when both are set. */
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  /** Allowed CORS origins, comma separated; empty: cross-origin requests are refused. */
  corsOrigins: string[];
  /** Demo data scale seeded on the first `ribat start`. */
  seedScale: 'none' | 'tiny' | 'small' | 'medium' | 'large';
  /** Failed logins before a lockout, and how long it lasts. */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /**
   * Failed logins allowed per address and username, and (looser, against password spraying)
   * per address, within a sliding window of seconds; successful logins are not counted.
   */
  loginRateMax: number;
  loginRateAddressMax: number;
  loginRateWindowSeconds: number;
  /**
   * Proxies whose X-Forwarded-For is believed for the client address (rate limits, audit):
   * false (default: the socket's peer), true (any: only behind a proxy that overwrites it),
   * a hop count, or addresses and CIDR ranges.
   */
  trustProxy: boolean | number | string[];
  /**
   * Screening worker threads, each with the whole index in memory: searches go to the least
   * busy. 1 by default; more only pays where cores are free for them (and costs the index's
   * memory once more each).
   */
  screeningWorkers: number;
  /**
   * Embedded store only: `disk` flushes every commit to the disk before it is acknowledged
   * (survives a power cut); `kernel` leaves the flush to the kernel (survives a killed process,
   * not a power cut; faster bulk loads).
   */
  pgliteDurability: 'disk' | 'kernel';
  /**
   * Embedded store only: the running node takes a backup into `backups/` beside the database when
   * the latest there is older than this many hours (0: never), and keeps the newest `backupKeep`.
   */
  backupEveryHours: number;
  backupKeep: number;
  /** This node's id among federated nodes (`MAR-HUB`, `SEN`, `ESP` …: upper case, digits, hyphens). */
  nodeId: string;
  /** The code of the agency that runs this node (its national bureau: `MAR-NCB`, `SEN-NCB` …), made on first start. */
  nodeAgency: string;
  /** How far a partner's clock may be from ours before its envelopes are refused (seconds). */
  federationMaxSkewSeconds: number;
  /** How often the outbound queue is sent (milliseconds; 0: only on demand). */
  federationSendEveryMs: number;
  /** This node's own NATS server for partners on the `nats` transport (docs/federation.md); unset: none. */
  federationNatsUrl: string | undefined;
  /** That server's JetStream domain (its `jetstream { domain }`); default NODE_ID. */
  federationNatsDomain: string;
  /** Partners' JetStream domains where they are not the partner's node id (`SEN=sen-1,ESP=esp`). */
  federationNatsPartnerDomains: Record<string, string>;
  /** PEM certificates trusted for partners' HTTPS (a private CA, or their self-signed certificates); unset: the system's roots. */
  federationCaFile: string | undefined;
  /**
   * Signed checkpoints of the audit chain's head (JSON lines), for the data-protection officer
   * to copy. Unset: beside the embedded database (`./data/audit-checkpoints.jsonl`); in memory
   * for `pglite:memory:` and PostgreSQL, where a file should be named.
   */
  auditCheckpointFile: string | undefined;
  /** A checkpoint every this many audit entries (and one on clean shutdown). */
  auditCheckpointEvery: number;
  /** The Ed25519 key that signs them (created mode 0600 on first use; its public key in `…pub`). Unset: `audit-checkpoint.key` beside the checkpoint file. */
  auditKeyFile: string | undefined;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function int(env: Env, key: string, def: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${key} must be an integer from ${min} to ${max}`);
  return n;
}

function oneOf<T extends string>(env: Env, key: string, def: T, allowed: readonly T[]): T {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${key} must be one of ${allowed.join(', ')}`);
  return raw as T;
}

/** TRUST_PROXY: `true`, `false`, a hop count, or comma-separated addresses and CIDR ranges. */
function trustProxy(raw: string | undefined): Config['trustProxy'] {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of list) {
    const [addr, bits, extra] = item.split('/');
    const family = isIP(addr);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
      throw new ConfigError('TRUST_PROXY must be true, false, a hop count, or comma-separated addresses and CIDR ranges');
    }
  }
  return list;
}

/** A file named by a variable: unset, or a path that exists. */
function file(env: Env, key: string): string | undefined {
  const v = env[key];
  if (v === undefined || v === '') return undefined;
  if (!existsSync(v)) throw new ConfigError(`${key} names ${v}, which does not exist`);
  return v;
}

/** TLS_CERT_FILE and TLS_KEY_FILE: both or neither. */
function tlsFiles(env: Env): Pick<Config, 'tlsCertFile' | 'tlsKeyFile'> {
  const tlsCertFile = file(env, 'TLS_CERT_FILE');
  const tlsKeyFile = file(env, 'TLS_KEY_FILE');
  if (!tlsCertFile !== !tlsKeyFile) throw new ConfigError('TLS_CERT_FILE and TLS_KEY_FILE are set together (or neither)');
  return { tlsCertFile, tlsKeyFile };
}

function nodeId(v: string | undefined): string {
  const id = v || 'MAR-HUB';
  if (!/^[A-Z][A-Z0-9-]{1,31}$/.test(id)) throw new ConfigError('NODE_ID must be 2 to 32 upper-case letters, digits or hyphens, starting with a letter (MAR-HUB)');
  return id;
}

function agencyCode(v: string | undefined): string {
  const code = v || 'MAR-NCB';
  if (!/^[A-Z][A-Z0-9-]{1,31}$/.test(code)) throw new ConfigError('NODE_AGENCY must be an agency code: 2 to 32 upper-case letters, digits or hyphens (MAR-NCB)');
  return code;
}

/** A JetStream domain is one subject token: letters, digits, `-` and `_`. */
function natsDomain(v: string, key: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(v)) throw new ConfigError(`${key} must be a JetStream domain: 1 to 64 letters, digits, - or _`);
  return v;
}

/** FEDERATION_NATS_PARTNER_DOMAINS: `NODE=domain,NODE=domain`. */
function partnerDomains(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [node, domain, extra] = pair.split('=');
    if (extra !== undefined || !/^[A-Z][A-Z0-9-]{1,31}$/.test(node?.trim() ?? '') || !domain) throw new ConfigError('FEDERATION_NATS_PARTNER_DOMAINS must be NODE=domain pairs, comma separated (SEN=sen-1)');
    out[node.trim()] = natsDomain(domain.trim(), 'FEDERATION_NATS_PARTNER_DOMAINS');
  }
  return out;
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL || 'pglite:./data/ribat';
  if (!/^(pglite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with pglite: or postgres://');
  }
  return {
    databaseUrl,
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 8080, 0, 65535),
    natsUrl: env.NATS_URL || undefined,
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 7),
    cookieSecure: env.COOKIE_SECURE === 'true',
    ...tlsFiles(env),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    seedScale: oneOf(env, 'SEED_SCALE', 'small', ['none', 'tiny', 'small', 'medium', 'large']),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginRateMax: int(env, 'LOGIN_RATE_MAX', 10, 1, 10_000),
    loginRateAddressMax: int(env, 'LOGIN_RATE_ADDRESS_MAX', 100, 1, 100_000),
    loginRateWindowSeconds: int(env, 'LOGIN_RATE_WINDOW_SECONDS', 300, 1, 24 * 3600),
    trustProxy: trustProxy(env.TRUST_PROXY),
    screeningWorkers: int(env, 'SCREENING_WORKERS', 1, 1, 16),
    pgliteDurability: oneOf(env, 'PGLITE_DURABILITY', 'disk', ['disk', 'kernel']),
    backupEveryHours: int(env, 'BACKUP_EVERY_HOURS', 24, 0, 24 * 365),
    backupKeep: int(env, 'BACKUP_KEEP', 7, 1, 1000),
    auditCheckpointFile: env.AUDIT_CHECKPOINT_FILE || undefined,
    auditCheckpointEvery: int(env, 'AUDIT_CHECKPOINT_EVERY', 1000, 1, 10_000_000),
    auditKeyFile: env.AUDIT_KEY_FILE || undefined,
    nodeId: nodeId(env.NODE_ID),
    nodeAgency: agencyCode(env.NODE_AGENCY),
    federationMaxSkewSeconds: int(env, 'FEDERATION_MAX_SKEW_SECONDS', 300, 1, 86_400),
    federationSendEveryMs: int(env, 'FEDERATION_SEND_EVERY_MS', 2000, 0, 3_600_000),
    federationNatsUrl: env.FEDERATION_NATS_URL || undefined,
    federationNatsDomain: env.FEDERATION_NATS_DOMAIN ? natsDomain(env.FEDERATION_NATS_DOMAIN, 'FEDERATION_NATS_DOMAIN') : nodeId(env.NODE_ID),
    federationNatsPartnerDomains: partnerDomains(env.FEDERATION_NATS_PARTNER_DOMAINS),
    federationCaFile: file(env, 'FEDERATION_CA_FILE'),
  };
}
