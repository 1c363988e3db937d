/**
 * Writes INTERPOL's public notices as published notices of this node, with their subject in
 * screening. Batches of one transaction and one audit entry each; idempotent on `entity_id`
 * (source `interpol-public`): a notice already here, or repeated in the file, is skipped.
 */
import type { AuditService } from '../../audit/audit.service.ts';
import { can } from '../../auth/policy.ts';
import type { Actor } from '../../auth/roles.ts';
import type { Clock } from '../../core/clock.ts';
import { AppError, forbidden } from '../../core/errors.ts';
import type { IdGenerator } from '../../core/ids.ts';
import type { Db } from '../../db/connect.ts';
import type { EventBus } from '../../events/bus.ts';
import { insertSystemPersons, type SystemPerson } from '../../records/system-records.ts';
import type { NoticeContent, PublicField } from '../notice.ts';
import type { AgencyInfo, NoticeEventRow, NoticeRow, NoticesRepo } from '../notices.repo.ts';
import { checkContent } from '../notices.schema.ts';
import { referenceOf, reviewDateFrom, searchTextOf, subjectNameOf, subjectRecord } from '../publication.ts';
import type { ParseEvent, ParseProblem, PublicNoticeItem } from './interpol-public.ts';

export const PUBLIC_SOURCE = 'interpol-public';

export interface PublicImportTotals {
  read: number;
  created: number;
  existing: number;
  duplicates: number;
  /** Notices not imported (no id, no name, not a notice). */
  problems: number;
  /** Notices imported with a field kept as published and not screened on, or characters removed. */
  warnings: number;
}

export interface PublicImportOptions {
  /** For notices whose own link does not say. */
  type?: 'red' | 'yellow';
  batchSize?: number;
  /** Problems and warnings (`warning: true`: the notice is imported all the same). */
  onProblem?(p: ParseProblem): void;
  onProgress?(t: PublicImportTotals): void;
}

const REQUESTED: Record<'red' | 'yellow', string> = {
  red: 'Locate and provisionally arrest with a view to extradition',
  yellow: 'Locate the person and inform the requesting bureau',
};

export class PublicNoticeImporter {
  constructor(
    private readonly db: Db,
    private readonly repo: NoticesRepo,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async run(actor: Actor, events: Iterable<ParseEvent> | AsyncIterable<ParseEvent>, opts: PublicImportOptions = {}): Promise<PublicImportTotals> {
    const d = can(actor, 'notice.import');
    if (!d.allowed) throw forbidden(d.code, 'Your roles do not allow importing notices');
    const agencies = await this.repo.agencies(this.db);
    const hub = agencies.find((a) => a.isHub) ?? agencies.find((a) => a.id === actor.agencyId);
    if (!hub) throw new AppError('no_hub', 500, 'This node has no hub agency');
    const totals: PublicImportTotals = { read: 0, created: 0, existing: 0, duplicates: 0, problems: 0, warnings: 0 };
    const seen = new Set<string>();
    const size = opts.batchSize ?? 500;
    let batch: PublicNoticeItem[] = [];
    const problem = (p: ParseProblem) => {
      if (p.warning) totals.warnings++;
      else totals.problems++;
      opts.onProblem?.(p);
    };
    const flush = async () => {
      if (batch.length === 0) return;
      await this.#batch(actor, batch, agencies, hub, opts.type ?? 'red', totals, problem);
      batch = [];
      opts.onProgress?.({ ...totals });
    };
    for await (const e of events) {
      if ('problem' in e) {
        problem(e.problem);
        continue;
      }
      totals.read++;
      if (seen.has(e.item.entityId)) {
        totals.duplicates++;
        continue;
      }
      seen.add(e.item.entityId);
      batch.push(e.item);
      if (batch.length >= size) await flush();
    }
    await flush();
    return totals;
  }

  async #batch(actor: Actor, items: PublicNoticeItem[], agencies: AgencyInfo[], hub: AgencyInfo, defaultType: 'red' | 'yellow', totals: PublicImportTotals, problem: (p: ParseProblem) => void) {
    const now = this.clock.now();
    const reviewDate = reviewDateFrom(now);
    const prepared: Array<{ item: PublicNoticeItem; content: NoticeContent }> = [];
    for (const item of items) {
      try {
        prepared.push({ item, content: contentOf(item, item.type ?? defaultType) });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        problem({ position: item.position, message: `notice ${item.entityId}: ${e.code}: ${e.message}` });
      }
    }
    const after: Array<[string, Record<string, unknown>]> = [];
    await this.db.transaction().execute(async (trx) => {
      const existing = await this.repo.existingExternalIds(trx, PUBLIC_SOURCE, prepared.map((p) => p.item.entityId));
      const todo = prepared.filter((p) => !existing.has(p.item.entityId));
      totals.existing += prepared.length - todo.length;
      if (todo.length === 0) return;
      const numbers = await this.repo.nextReferenceNumbers(trx, todo.length);
      const notices: NoticeRow[] = [];
      const subjects: SystemPerson[] = [];
      const events: NoticeEventRow[] = [];
      todo.forEach(({ item, content }, i) => {
        const type = item.type ?? defaultType;
        const id = this.ids();
        const reference = referenceOf(type, now, numbers[i]);
        const issuing = item.charges.find((c) => c.issuingCountry)?.issuingCountry;
        const owner = (issuing && (agencies.find((a) => a.country === issuing && a.kind === 'ncb') ?? agencies.find((a) => a.country === issuing))) || hub;
        const base = { id, reference, type, content, ownerAgencyId: owner.id, tlp: 'CLEAR' as const, restrictedTo: [] as string[] };
        const subject = subjectRecord(base, reviewDate, now, actor.userId, this.ids());
        if (subject) subjects.push(subject);
        notices.push({
          ...base,
          state: 'published',
          urgency: 'normal',
          checks: [],
          subjectName: subjectNameOf(content),
          searchText: searchTextOf(reference, content),
          subjectRecordId: subject?.id ?? null,
          publicExtract: { fields: publicFieldsOf(item) },
          stateReason: null,
          submittedAt: null,
          publishedAt: now,
          reviewDate,
          renewalRequestedAt: null,
          source: PUBLIC_SOURCE,
          externalId: item.entityId,
          createdAt: now,
          createdBy: actor.userId,
          updatedAt: now,
          updatedBy: actor.userId,
          version: 1,
        });
        events.push({ id: this.ids(), noticeId: id, at: now, actorUserId: actor.userId, actorAgencyId: actor.agencyId, action: 'import', fromState: null, toState: 'published', reason: null, details: { source: PUBLIC_SOURCE } });
        if (subject) after.push(['records.created', { id: subject.id, kind: 'person' }]);
        after.push(['notices.published', { id, type, ownerAgencyId: owner.id }]);
      });
      await insertSystemPersons(trx, subjects);
      await this.repo.insertMany(trx, notices);
      await this.repo.insertEvents(trx, events);
      await this.audit.append(trx, actor, {
        action: 'notice.import',
        targetType: 'notice',
        subjectIds: subjects.map((s) => s.id),
        details: { source: PUBLIC_SOURCE, created: notices.length, existing: prepared.length - todo.length },
      });
      totals.created += notices.length;
    });
    for (const [subject, data] of after) await this.bus.publish(subject, data);
  }
}

function contentOf(item: PublicNoticeItem, type: 'red' | 'yellow'): NoticeContent {
  const full = [item.forename, item.name].filter(Boolean).join(' ');
  const charges = item.charges.map((c) => c.charge).join('; ').slice(0, 4000);
  return checkContent({
    subject: {
      names: [{ value: full, type: 'primary' }],
      ...(item.birthDate ? { birthDate: item.birthDate } : {}),
      ...(item.nationalities.length ? { nationalities: item.nationalities.slice(0, 10) } : {}),
      ...(item.gender ? { gender: item.gender } : {}),
      ...(item.placeOfBirth ? { placeOfBirth: item.placeOfBirth.slice(0, 300) } : {}),
    },
    offence: charges ? { description: charges } : {},
    warrant: {},
    circumstances: [`INTERPOL public ${type} notice ${item.entityId}`, ...(item.notUnderstood?.length ? [`As published, not understood (not screened on): ${item.notUnderstood.map((n) => `${n.field} "${n.value}" (${n.reason})`).join('; ')}`] : [])].join('\n').slice(0, 8000),
    requestedAction: REQUESTED[type],
  });
}

/** The site published these fields, so the extract shows what it had. */
function publicFieldsOf(item: PublicNoticeItem): PublicField[] {
  return [
    'names',
    ...(item.birthDate ? (['birthDate'] as const) : []),
    ...(item.nationalities.length ? (['nationalities'] as const) : []),
    ...(item.gender ? (['gender'] as const) : []),
    ...(item.placeOfBirth ? (['placeOfBirth'] as const) : []),
    ...(item.charges.length ? (['charges'] as const) : []),
  ];
}
