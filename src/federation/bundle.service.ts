/**
 * Offline bundles as use cases: export what is due for a partner without a link, import a
 * partner's bundle through the inbox (the same checks, filter and reason codes as over HTTPS)
 * and write the receipts to carry back, import receipts through `applyReceipts`. Each checks
 * permission first and writes its audit event in the transaction of its own write.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { conflict, forbidden, notFound } from '../core/errors.ts';
import type { IdGenerator } from '../core/ids.ts';
import { decodeCursor, encodeCursor } from '../core/paging.ts';
import type { Db } from '../db/connect.ts';
import { bundleError, BundleWriter, type Manifest, pinnedKeys, scanBundle, verifyBundle } from './bundle.ts';
import { sealEnvelope } from './envelope.ts';
import type { FederationRepo } from './federation.repo.ts';
import type { FederationService } from './federation.service.ts';
import { signingKey } from './keys.ts';

export interface BundleDeps {
  federation: FederationService;
  repo: FederationRepo;
  audit: AuditService;
  db: Db;
  clock: Clock;
  ids: IdGenerator;
}

/** Rows sealed per round trip to the database, envelopes handed to the inbox per call. */
const EXPORT_BATCH = 500;
const IMPORT_BATCH = 500;
const RECEIPT_BATCH = 1000;
/** A courier takes days: envelopes stay valid a month, and are cut again after three days without receipt. */
export const DEFAULT_VALID_DAYS = 30;
export const DEFAULT_WAIT_HOURS = 72;

function authorize(actor: Actor) {
  const d = can(actor, 'federation.manage');
  if (!d.allowed) throw forbidden(d.code, 'Your roles do not allow federation.manage');
}

export interface ExportOptions {
  partnerId: string;
  /** A cursor printed by an earlier export: also cut again what was sent after it and is still waiting. */
  since?: string;
  out: string;
  validDays?: number;
  waitHours?: number;
  onProgress?(done: number, total: number): void;
}

export interface ExportResult {
  bundle: string;
  partner: string;
  file: string;
  count: number;
  bytes: number;
  sha256: string;
  cursor: Manifest['cursor'];
  createdAt: string;
  expiresAt: string;
  /** Until when the items wait for their receipts before the next export carries them again. */
  waitUntil: string;
}

/**
 * Writes everything due for `partnerId` to a signed bundle: the items queued for it (past the
 * outbound filter when they were shared), those sent whose receipt wait ran out, and with
 * `since` those sent after that cursor still waiting. They are then marked sent, waiting for
 * their receipts until `waitHours` from now, in one transaction with the audit event.
 */
export async function exportBundle(deps: BundleDeps, actor: Actor, opts: ExportOptions): Promise<ExportResult> {
  authorize(actor);
  const { federation, repo, db } = deps;
  const partner = await repo.partner(db, opts.partnerId);
  if (!partner) throw notFound('partner_not_found', `No partner ${opts.partnerId}`);
  if (partner.suspended) throw conflict('partner_suspended', `${partner.id} is suspended: its items wait until it is resumed`);
  const since = decodeCursor<string>(opts.since, 'string');
  const now = deps.clock.now();
  const at = now.toISOString();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + Math.round((opts.validDays ?? DEFAULT_VALID_DAYS) * 86_400);
  const waitUntil = new Date(now.getTime() + (opts.waitHours ?? DEFAULT_WAIT_HOURS) * 3_600_000).toISOString();
  const ids = await repo.bundleIds(db, partner.id, at, since);
  const key = signingKey(await federation.keys(), now);
  const writer = new BundleWriter(opts.out);
  let written: Awaited<ReturnType<BundleWriter['finish']>>;
  try {
    for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
      const rows = await repo.bundleRows(db, ids.slice(i, i + EXPORT_BATCH));
      // sealed here rather than by federation.seal: a bundle's envelopes outlive a link's (envelopeTtlSeconds)
      for (const r of rows) {
        const env = await sealEnvelope(key, { id: r.id, from: federation.nodeId, to: partner.id, iat, exp, type: r.type, hops: r.hops }, r.body);
        await writer.add(env);
      }
      opts.onProgress?.(Math.min(i + EXPORT_BATCH, ids.length), ids.length);
    }
    const next = ids.length ? encodeCursor(ids[ids.length - 1]) : (opts.since ?? null);
    written = await writer.finish(key, { kind: 'envelopes', id: deps.ids(), from: federation.nodeId, to: partner.id, createdAt: at, cursor: { since: opts.since ?? null, next } });
  } catch (e) {
    await writer.abort();
    throw e;
  }
  const { manifest } = written;
  await db.transaction().execute(async (trx) => {
    let marked = 0;
    for (let i = 0; i < ids.length; i += RECEIPT_BATCH) marked += await repo.markExported(trx, partner.id, ids.slice(i, i + RECEIPT_BATCH), waitUntil, at);
    await deps.audit.append(trx, actor, {
      action: 'federation.bundle.export',
      targetType: 'federation_partner',
      targetId: partner.id,
      details: { bundle: manifest.id, count: manifest.count, marked, sha256: manifest.sha256, cursor: manifest.cursor, expiresAt: new Date(exp * 1000).toISOString(), waitUntil },
    });
  });
  return {
    bundle: manifest.id, partner: partner.id, file: opts.out, count: manifest.count, bytes: written.bytes, sha256: manifest.sha256,
    cursor: manifest.cursor, createdAt: at, expiresAt: new Date(exp * 1000).toISOString(), waitUntil,
  };
}

export interface ImportOptions {
  file: string;
  /** Where the receipts bundle goes (default: beside FILE, `NAME.receipts.bundle`). */
  receiptsOut?: string;
  /** Envelopes per call to the inbox (default 500). */
  batchSize?: number;
  onProgress?(done: number, total: number): void;
}

export type ImportResult =
  | {
      kind: 'envelopes'; bundle: string; from: string; count: number; accepted: number; duplicate: number; rejected: number;
      reasons: Record<string, number>; receipts: { file: string; bundle: string; count: number };
    }
  | { kind: 'receipts'; bundle: string; from: string; count: number; delivered: number; rejected: number; ignored: number };

export const receiptsFileOf = (file: string) => `${file.replace(/(\.bundle)?(\.gz)?$/, '')}.receipts.bundle`;

/**
 * Imports a bundle after checking its manifest against the key pinned for its sender (first
 * pass), then hands the lines over (second pass, hashed again: a file changed in between is
 * refused at its end). Envelopes go through `federation.receive`, receipts through
 * `federation.applyReceipts`; a second import of one bundle applies nothing twice.
 */
export async function importBundle(deps: BundleDeps, actor: Actor, opts: ImportOptions): Promise<ImportResult> {
  authorize(actor);
  const { federation, repo, db } = deps;
  const first = await scanBundle(opts.file);
  const m = await verifyBundle(first, pinnedKeys(repo, db), { now: deps.clock.now(), self: federation.nodeId });
  const ahead = Math.round((Date.parse(m.createdAt) - deps.clock.now().getTime()) / 1000);
  if (ahead > federation.settings.maxSkewSeconds) throw bundleError('bundle_clock_skew', `the bundle is dated ${ahead} s ahead of this node's clock (at most ${federation.settings.maxSkewSeconds} s)`);
  const replay = async (batchSize: number, apply: (lines: Buffer[]) => Promise<void>) => {
    let batch: Buffer[] = [];
    let done = 0;
    const second = await scanBundle(opts.file, async (line) => {
      if (done + batch.length >= m.count) throw bundleError('bundle_altered', `${opts.file} changed while it was read`);
      batch.push(line);
      if (batch.length < batchSize) return;
      await apply(batch);
      done += batch.length;
      batch = [];
      opts.onProgress?.(done, m.count);
    });
    if (batch.length) await apply(batch);
    opts.onProgress?.(m.count, m.count);
    if (second.sha256 !== m.sha256 || second.count !== m.count) throw bundleError('bundle_altered', `${opts.file} changed while it was read`);
  };
  const audit = (details: Record<string, unknown>) =>
    db.transaction().execute((trx) =>
      deps.audit.append(trx, actor, { action: 'federation.bundle.import', targetType: 'federation_partner', targetId: m.from, details: { bundle: m.id, kind: m.kind, count: m.count, sha256: m.sha256, ...details } }),
    );

  if (m.kind === 'receipts') {
    const tally = { delivered: 0, rejected: 0, ignored: 0 };
    await replay(RECEIPT_BATCH, async (lines) => {
      const receipts = lines.map((l) => {
        try {
          return (JSON.parse(l.toString('utf8')) as { receipt?: unknown }).receipt;
        } catch {
          return undefined;
        }
      });
      const r = await federation.applyReceipts(m.from, receipts as string[]);
      tally.delivered += r.delivered;
      tally.rejected += r.rejected;
      tally.ignored += r.ignored;
    });
    await audit(tally);
    return { kind: 'receipts', bundle: m.id, from: m.from, count: m.count, ...tally };
  }

  const tally = { accepted: 0, duplicate: 0, rejected: 0 };
  const reasons: Record<string, number> = {};
  // the inbox signs each receipt inside its transaction: with the keys not yet loaded it would read
  // them on a second connection, which PGlite (one connection) never gives while that transaction holds it
  await federation.keys();
  const receiptsFile = opts.receiptsOut ?? receiptsFileOf(opts.file);
  const receipts = new BundleWriter(receiptsFile);
  let written: Awaited<ReturnType<BundleWriter['finish']>>;
  try {
    // an old envelope is the inbox's to take until its expiry; only a bundle dated ahead of our clock is refused here
    await replay(opts.batchSize ?? IMPORT_BATCH, async (lines) => {
      const envelopes = lines.map((l) => {
        try {
          return JSON.parse(l.toString('utf8')) as unknown;
        } catch {
          return null;
        }
      });
      for (const r of await federation.receive(envelopes)) {
        tally[r.status]++;
        if (r.reason) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
        await receipts.add({ receipt: r.receipt });
      }
    });
    written = await receipts.finish(signingKey(await federation.keys(), deps.clock.now()), {
      kind: 'receipts', id: deps.ids(), from: federation.nodeId, to: m.from, createdAt: deps.clock.now().toISOString(), cursor: { since: null, next: null },
    });
  } catch (e) {
    await receipts.abort();
    throw e;
  }
  // reason codes as values, not keys: the database layer camel-cases keys it reads back, which would break the audit hash
  await audit({ ...tally, reasons: Object.entries(reasons).map(([reason, n]) => ({ reason, n })), receiptsBundle: written.manifest.id });
  return { kind: 'envelopes', bundle: m.id, from: m.from, count: m.count, ...tally, reasons, receipts: { file: receiptsFile, bundle: written.manifest.id, count: written.manifest.count } };
}
