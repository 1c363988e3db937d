import type { AuditService } from '../../audit/audit.service.ts';
import type { AgencyDirectory } from '../../auth/agency-directory.ts';
import { can } from '../../auth/policy.ts';
import type { Actor } from '../../auth/roles.ts';
import { canonicalJson } from '../../audit/audit.ts';
import type { Clock } from '../../core/clock.ts';
import { AppError, forbidden } from '../../core/errors.ts';
import type { TlpLevel } from '../../core/handling.ts';
import type { IdGenerator } from '../../core/ids.ts';
import type { Db } from '../../db/connect.ts';
import type { EventBus } from '../../events/bus.ts';
import { assertLinkEnds, assertReviewDate, defaultReviewDate, displayNameOf, searchTextOf } from '../record.ts';
import type { InsertRow, LinkRow, RecordsRepo } from '../records.repo.ts';
import { checkRecordData } from '../records.schema.ts';
import { deepWithoutControlChars } from './clean-text.ts';
import type { ImportItem, ImportProblem, ImportTotals } from './import-item.ts';

export interface ImportOptions {
  batchSize?: number;
  onProblem?(p: ImportProblem): void;
  onProgress?(totals: ImportTotals & { items: number }): void;
}

/**
 * Writes imported items in batches, one transaction (and one audit entry) per batch:
 * a killed import leaves whole batches only, and re-running it updates instead of duplicating.
 */
export class RecordImporter {
  constructor(
    private readonly db: Db,
    private readonly repo: RecordsRepo,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly agencies: AgencyDirectory,
  ) {}

  async run(actor: Actor, source: string, items: AsyncIterable<ImportItem> | Iterable<ImportItem>, opts: ImportOptions = {}): Promise<ImportTotals & { items: number }> {
    const d = can(actor, 'record.import');
    if (!d.allowed) throw forbidden(d.code, 'Your roles do not allow importing records');
    const size = opts.batchSize ?? 500;
    const totals = { created: 0, updated: 0, unchanged: 0, links: 0, items: 0 };
    let batch: ImportItem[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const t = await this.importBatch(actor, source, batch, opts.onProblem);
      totals.created += t.created;
      totals.updated += t.updated;
      totals.unchanged += t.unchanged;
      totals.links += t.links;
      totals.items += batch.length;
      batch = [];
      opts.onProgress?.({ ...totals });
    };
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= size) await flush();
    }
    await flush();
    return totals;
  }

  async importBatch(actor: Actor, source: string, items: ImportItem[], onProblem?: (p: ImportProblem) => void): Promise<ImportTotals> {
    const now = this.clock.now();
    const prepared: Array<{ item: ImportItem; row: Omit<InsertRow, 'id' | 'source' | 'externalId' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'version'> }> = [];
    for (const raw of items) {
      const item = this.#withoutControlChars(source, raw, onProblem);
      try {
        const data = checkRecordData(item.kind, item.data);
        const ownerAgencyId = item.ownerAgencyCode ? await this.agencyId(item.ownerAgencyCode) : actor.agencyId;
        const restrictedTo = await Promise.all((item.restrictedToCodes ?? []).map((c) => this.agencyId(c)));
        prepared.push({
          item,
          row: {
            kind: item.kind,
            displayName: displayNameOf(item.kind, data),
            searchText: searchTextOf(item.kind, data),
            data,
            ownerAgencyId,
            tlp: (item.tlp ?? 'AMBER') as TlpLevel,
            restrictedTo,
            legalBasisCode: item.legalBasisCode,
            legalBasis: item.legalBasis,
            reviewDate: item.reviewDate ? assertReviewDate(item.reviewDate, now) : defaultReviewDate(now),
          },
        });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        onProblem?.({ position: `${source}:${item.externalId}`, message: `${e.code}: ${e.message}` });
      }
    }
    const totals: ImportTotals = { created: 0, updated: 0, unchanged: 0, links: 0 };
    const touched: string[] = [];
    const created: Array<{ id: string; kind: string }> = [];
    const updated: Array<{ id: string; kind: string }> = [];
    await this.db.transaction().execute(async (trx) => {
      const existing = new Map((await this.repo.byExternalIds(trx, source, prepared.map((p) => p.item.externalId))).map((r) => [r.externalId!, r]));
      const inserts = [];
      const idOf = new Map<string, { id: string; kind: string }>();
      for (const { item, row } of prepared) {
        const old = existing.get(item.externalId);
        if (!old) {
          const id = this.ids();
          inserts.push({ ...row, id, source, externalId: item.externalId, createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId, version: 1 });
          idOf.set(item.externalId, { id, kind: row.kind });
          created.push({ id, kind: row.kind });
          continue;
        }
        idOf.set(item.externalId, { id: old.id, kind: old.kind });
        // the review date is not compared: re-importing does not extend retention by itself
        const same =
          canonicalJson(old.data) === canonicalJson(row.data) &&
          old.tlp === row.tlp &&
          canonicalJson(old.restrictedTo) === canonicalJson(row.restrictedTo) &&
          old.legalBasis === row.legalBasis &&
          old.ownerAgencyId === row.ownerAgencyId;
        if (same) {
          totals.unchanged++;
          continue;
        }
        const { reviewDate: _keep, ...changes } = row;
        await this.repo.update(trx, old.id, old.version, { ...changes, updatedAt: now, updatedBy: actor.userId });
        updated.push({ id: old.id, kind: old.kind });
      }
      await this.repo.insertMany(trx, inserts);
      totals.created = inserts.length;
      totals.updated = updated.length;
      totals.links = await this.insertLinks(trx, actor, source, prepared.map((p) => p.item), idOf, now, onProblem);
      touched.push(...created.map((c) => c.id), ...updated.map((u) => u.id));
      await this.audit.append(trx, actor, {
        action: 'record.import',
        targetType: 'record',
        subjectIds: touched,
        purpose: `import ${source}`,
        details: { source, ...totals },
      });
    });
    for (const c of created) await this.bus.publish('records.created', c);
    for (const u of updated) await this.bus.publish('records.updated', u);
    return totals;
  }

  private async insertLinks(
    trx: Db,
    actor: Actor,
    source: string,
    items: ImportItem[],
    idOf: Map<string, { id: string; kind: string }>,
    now: Date,
    onProblem?: (p: ImportProblem) => void,
  ): Promise<number> {
    const wanted = items.flatMap((i) => (i.links ?? []).map((l) => ({ from: i.externalId, ...l })));
    if (wanted.length === 0) return 0;
    const missing = [...new Set(wanted.map((w) => w.toExternalId).filter((x) => !idOf.has(x)))];
    const found = await this.repo.idsByExternalIds(trx, source, missing);
    const kinds = await this.repo.kindsOf(trx, [...found.values()]);
    for (const [ext, id] of found) idOf.set(ext, { id, kind: kinds.get(id)!.kind });
    const rows: LinkRow[] = [];
    for (const w of wanted) {
      const from = idOf.get(w.from);
      const to = idOf.get(w.toExternalId);
      if (!from) continue;
      if (!to) {
        onProblem?.({ position: `${source}:${w.from}`, message: `link_target_missing: ${w.toExternalId}` });
        continue;
      }
      try {
        assertLinkEnds(w.type, from.kind as any, to.kind as any);
      } catch (e) {
        onProblem?.({ position: `${source}:${w.from}`, message: (e as Error).message });
        continue;
      }
      rows.push({ id: this.ids(), fromId: from.id, toId: to.id, type: w.type, note: null, ownerAgencyId: actor.agencyId, source, createdAt: now, createdBy: actor.userId });
    }
    return this.repo.insertLinks(trx, rows);
  }

  /**
   * Whatever the source, no control character reaches the database: PostgreSQL refuses a
   * statement with a NUL in text or jsonb, and the whole batch with it.
   */
  #withoutControlChars(source: string, item: ImportItem, onProblem?: (p: ImportProblem) => void): ImportItem {
    const { value, removed } = deepWithoutControlChars(item);
    if (removed) onProblem?.({ position: `${source}:${value.externalId}`, message: `${removed} control character${removed === 1 ? '' : 's'} removed from the text`, warning: true });
    return value;
  }

  private async agencyId(code: string): Promise<string> {
    const id = await this.agencies.idOf(code);
    if (!id) throw new AppError('unknown_agency', 400, `No agency with code ${code}`);
    return id;
  }
}
