import type { AuditService } from '../audit/audit.service.ts';
import type { AgencyDirectory } from '../auth/agency-directory.ts';
import { can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import type { Clock } from '../core/clock.ts';
import { toAlpha3 } from '../core/countries.ts';
import { forbidden, invalid } from '../core/errors.ts';
import { isPartialDate, toIsoDate } from '../core/partial-date.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import { controlCharsIn, withoutControlChars } from '../records/import/clean-text.ts';
import type { EngineClient } from './engine-client.ts';
import type { Candidate, IndexedRecord, PersonCandidate, Viewer } from './engine.ts';
import { parseMrz } from './mrz.ts';
import { HOLDER_LINKS, type ScreeningRepo } from './screening.repo.ts';
import { ALERT_THRESHOLD, type HitRecorder, type NoticeHit, type PersonQuery, type ScreenedKind } from './screening.ts';
import { type NotUnderstood, notUnderstoodText, readBirthDate, readGender, readNationality } from './offline/secondary-fields.ts';
import { vinCheckDigit } from './vehicles.ts';

export const MAX_BATCH_ROWS = 10_000;
const PAGE = 5000;

export interface PersonInput {
  name: string;
  birthDate?: string;
  nationality?: string;
  gender?: 'male' | 'female';
  limit?: number;
}

/** A manifest row: any text in the secondary fields, read leniently (see checkRow). */
export interface BatchRow {
  id: string;
  name: string;
  birthDate?: string;
  nationality?: string;
  gender?: string;
}

export interface BatchProblem {
  rowId: string;
  code: string;
  message: string;
  /** The row was screened all the same. */
  warning?: boolean;
}

type Labelled<C extends Candidate<any>> = Omit<C, 'match' | 'ownerAgencyId'> & C['match'] & { ownerAgencyCode: string };
/** A person candidate as screenPerson answers it (PersonCandidateSchema). */
export type PersonResult = Labelled<PersonCandidate>;

/**
 * Screening use cases: check permission, validate, ask the engine (in its worker) with the
 * caller's visibility, audit the search with its purpose, and label the candidates.
 */
export class ScreeningService {
  #ready: Promise<void> | undefined;
  #indexed = 0;
  #hitRecorder: HitRecorder | undefined;
  #liveSubjects: Coalesced | undefined;

  constructor(
    private readonly db: Db,
    private readonly repo: ScreeningRepo,
    private readonly engine: EngineClient,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly agencies: AgencyDirectory,
  ) {}

  /** Stops the engine's worker threads. */
  async close(): Promise<void> {
    await this.engine.close();
  }

  /**
   * Loads every record within its review date into the worker, page by page, then follows
   * every change through the bus. Changes that arrive during the load are applied after it.
   */
  start(onProgress?: (indexed: number, total: number) => void): Promise<void> {
    this.#ready ??= (async () => {
      const queued: Array<() => Promise<void>> = [];
      let loading = true;
      const apply = (fn: () => Promise<void>) => (loading ? void queued.push(fn) : fn());
      this.bus.subscribe<{ id: string }>('records.>', (e) => apply(() => this.#refresh(e.data.id)));
      this.bus.subscribe<{ id: string; fromId: string; toId: string; type: string }>('links.created', (e) =>
        apply(() => (HOLDER_LINKS.includes(e.data.type) ? this.engine.linkMany([e.data]) : Promise.resolve())),
      );
      this.bus.subscribe<{ id: string }>('links.deleted', (e) => apply(() => this.engine.unlink(e.data.id)));
      const today = toIsoDate(this.clock.now());
      const total = await this.repo.countIndexable(this.db, today);
      let after: string | null = null;
      for (;;) {
        const page = await this.repo.page(this.db, after, today, PAGE);
        if (page.length === 0) break;
        await this.engine.upsertMany(await this.#withCodes(page));
        this.#indexed += page.length;
        after = page[page.length - 1].id;
        onProgress?.(this.#indexed, total);
      }
      await this.engine.compact();
      let afterLink: string | null = null;
      for (;;) {
        const links = await this.repo.holderLinks(this.db, afterLink, PAGE);
        if (links.length === 0) break;
        await this.engine.linkMany(links);
        afterLink = links[links.length - 1].id;
      }
      loading = false;
      for (const fn of queued) await fn();
    })();
    return this.#ready;
  }

  /**
   * Alerting candidates that are subjects of live notices open hits (the notices module, wired
   * in main.ts). `liveSubjects` (which of these records are subjects of live notices) lets most
   * searches skip the recorder: most alerts are not wanted persons. The lookups of all the
   * searches that reach it together are one query (see Coalesced).
   */
  onHits(recorder: HitRecorder, liveSubjects?: (recordIds: string[]) => Promise<Set<string>>): void {
    this.#hitRecorder = recorder;
    this.#liveSubjects = liveSubjects && new Coalesced(liveSubjects);
  }

  async #hits(actor: Actor, kind: ScreenedKind, query: Record<string, unknown>, candidates: Array<{ id: string; score: number; alert: boolean; holder?: { id: string } | null }>): Promise<NoticeHit[]> {
    if (!this.#hitRecorder || !candidates.some((c) => c.alert)) return [];
    // a document or a vehicle hits through its holder (holder_of, owner_operator_of links)
    const matches = candidates.flatMap((c) => [{ recordId: c.id, score: c.score, alert: c.alert }, ...(c.holder ? [{ recordId: c.holder.id, score: c.score, alert: c.alert }] : [])]);
    if (this.#liveSubjects && !(await this.#liveSubjects.any(matches.filter((m) => m.alert).map((m) => m.recordId)))) return [];
    return this.#hitRecorder(actor, kind, query, matches);
  }

  async #refresh(id: string) {
    const rec = await this.repo.byId(this.db, id);
    if (rec) await this.engine.upsertMany(await this.#withCodes([rec]));
    else await this.engine.remove(id);
  }

  /**
   * `opensHits: false` for screenings that are not an encounter with the person: the
   * duplicate check of a notice request and the reviewer's look at its subject.
   */
  async screenPerson(actor: Actor, input: PersonInput, purpose: string, opts: { opensHits?: boolean } = {}) {
    const { candidatesJson, ...r } = await this.screenPersonJson(actor, input, purpose, opts);
    return { ...r, candidates: JSON.parse(Buffer.from(candidatesJson).toString('utf8')) as PersonResult[] };
  }

  /**
   * screenPerson with the candidates as the screening worker wrote them: UTF-8 JSON in the
   * shape of PersonCandidateSchema, for the HTTP answer to carry as they are.
   */
  async screenPersonJson(actor: Actor, input: PersonInput, purpose: string, opts: { opensHits?: boolean } = {}) {
    this.#authorize(actor);
    const query = checkPerson(input);
    const started = performance.now();
    const { matches, json } = await this.engine.personsJson(query, this.#viewer(actor), limitOf(input.limit));
    await this.#audit(actor, 'screening.person', purpose, matches, { query: { ...query } });
    const hits = opts.opensHits === false ? [] : await this.#hits(actor, 'person', { ...query }, matches);
    return { tookMs: ms(started), threshold: ALERT_THRESHOLD, candidatesJson: json, hits };
  }

  async screenDocument(actor: Actor, input: { number: string; issuingCountry?: string; limit?: number }, purpose: string) {
    this.#authorize(actor);
    if (!input.number.trim()) throw invalid('validation_failed', 'A document number is required');
    const issuingCountry = input.issuingCountry ? country(input.issuingCountry, 'issuingCountry') : undefined;
    const started = performance.now();
    const found = await this.engine.documents({ number: input.number, issuingCountry }, this.#viewer(actor), limitOf(input.limit));
    const candidates = await this.#label(found);
    await this.#audit(actor, 'screening.document', purpose, candidates, { issuingCountry: issuingCountry ?? null });
    const hits = await this.#hits(actor, 'document', { number: input.number, issuingCountry: issuingCountry ?? null }, candidates);
    return { tookMs: ms(started), threshold: ALERT_THRESHOLD, candidates, hits };
  }

  async screenVehicle(actor: Actor, input: { plate?: string; country?: string; vin?: string; limit?: number }, purpose: string) {
    this.#authorize(actor);
    if (!input.plate?.trim() && !input.vin?.trim()) throw invalid('validation_failed', 'Give a plate or a VIN');
    const plateCountry = input.country ? country(input.country, 'country') : undefined;
    const started = performance.now();
    const found = await this.engine.vehicles({ plate: input.plate, country: plateCountry, vin: input.vin }, this.#viewer(actor), limitOf(input.limit));
    const candidates = await this.#label(found);
    await this.#audit(actor, 'screening.vehicle', purpose, candidates, {});
    const hits = await this.#hits(actor, 'vehicle', { plate: input.plate ?? null, country: plateCountry ?? null, vin: input.vin ?? null }, candidates);
    return { tookMs: ms(started), threshold: ALERT_THRESHOLD, candidates, hits, ...(input.vin ? { vinCheck: vinCheckDigit(input.vin) } : {}) };
  }

  /** A machine-readable zone: its holder and its document number, screened in one call. */
  async screenMrz(actor: Actor, input: { mrz: string; limit?: number }, purpose: string) {
    this.#authorize(actor);
    const started = performance.now();
    const parsed = parseMrz(input.mrz, this.clock.now());
    const v = this.#viewer(actor);
    const limit = limitOf(input.limit);
    const personQuery: PersonQuery | null = parsed.holder.name.trim()
      ? { name: parsed.holder.name, birthDate: parsed.holder.birthDate ?? undefined, nationality: parsed.holder.nationality ?? undefined, gender: parsed.holder.sex ?? undefined }
      : null;
    const [persons, documents] = await Promise.all([
      personQuery ? this.engine.persons(personQuery, v, limit) : [],
      parsed.document.number ? this.engine.documents({ number: parsed.document.number, issuingCountry: parsed.document.issuingCountry ?? undefined }, v, limit) : [],
    ]);
    const labelled = { persons: await this.#label(persons), documents: await this.#label(documents) };
    await this.#audit(actor, 'screening.mrz', purpose, [...labelled.persons, ...labelled.documents], { format: parsed.format, valid: parsed.valid });
    const hits = await this.#hits(actor, 'mrz', { ...(personQuery ?? {}), documentNumber: parsed.document.number ?? null }, [...labelled.persons, ...labelled.documents]);
    return { tookMs: ms(started), threshold: ALERT_THRESHOLD, parsed, ...labelled, hits };
  }

  /**
   * Up to 10,000 rows (a passenger manifest). A date of birth, a nationality or a gender that
   * is not understood does not leave a passenger unscreened: the row is screened on what is
   * understood, the value is kept in its result as `notUnderstood` and counted as a warning.
   * Only a row without a name is skipped.
   */
  async screenBatch(actor: Actor, rows: BatchRow[], limit: number | undefined, purpose: string) {
    this.#authorize(actor);
    if (rows.length > MAX_BATCH_ROWS) throw invalid('batch_too_large', `At most ${MAX_BATCH_ROWS} rows per batch`, { rows: rows.length });
    const started = performance.now();
    const problems: BatchProblem[] = [];
    const good: Array<{ id: string; query: PersonQuery; notUnderstood: NotUnderstood[] }> = [];
    for (const r of rows) {
      const row = checkRow(r);
      problems.push(...row.problems);
      if (row.query) good.push({ id: row.id, query: row.query, notUnderstood: row.notUnderstood });
    }
    const v = this.#viewer(actor);
    const results: Array<{ rowId: string; notUnderstood?: NotUnderstood[]; candidates: Awaited<ReturnType<ScreeningService['screenPerson']>>['candidates'] }> = [];
    for (let i = 0; i < good.length; i += 500) {
      const chunk = good.slice(i, i + 500);
      const found = await this.engine.personsMany(chunk.map((g) => g.query), v, Math.min(limitOf(limit), 10));
      for (let j = 0; j < chunk.length; j++) {
        const g = chunk[j];
        results.push({ rowId: g.id, ...(g.notUnderstood.length ? { notUnderstood: g.notUnderstood } : {}), candidates: await this.#label(found[j]) });
      }
    }
    const alerts = results.flatMap((r) => r.candidates.filter((c) => c.alert));
    const warnings = problems.filter((p) => p.warning).length;
    const skipped = rows.length - good.length;
    await this.#audit(actor, 'screening.batch', purpose, alerts, { rows: rows.length, problems: problems.length, skipped, warnings, alerts: alerts.length });
    const hits: Array<NoticeHit & { rowId: string }> = [];
    for (let i = 0; i < results.length; i++) {
      if (!results[i].candidates.some((c) => c.alert)) continue;
      const row = good[i];
      for (const h of await this.#hits(actor, 'batch', { rowId: row.id, ...row.query }, results[i].candidates)) hits.push({ ...h, rowId: row.id });
    }
    return { tookMs: ms(started), threshold: ALERT_THRESHOLD, results, problems, skipped, warnings, hits };
  }

  async stats() {
    return { ...(await this.engine.stats()), ready: this.#ready !== undefined, indexedAtStart: this.#indexed };
  }

  #viewer(actor: Actor): Viewer {
    return { agencyId: actor.agencyId, seesAll: actor.roles.includes('dpo'), today: toIsoDate(this.clock.now()) };
  }

  #authorize(actor: Actor) {
    const d = can(actor, 'screening.run');
    if (!d.allowed) throw forbidden(d.code, 'Your roles do not allow screening');
  }

  /** Records go to the worker with their owner's agency code, for it to label its candidates. */
  async #withCodes(records: IndexedRecord[]): Promise<IndexedRecord[]> {
    const codes = await this.agencies.codesOf(records.map((r) => r.ownerAgencyId));
    for (const r of records) r.ownerAgencyCode = codes.get(r.ownerAgencyId) ?? '';
    return records;
  }

  /** The match's fields with the record's, and the owner's agency code instead of its id. */
  async #label<C extends Candidate<any>>(found: C[]): Promise<Array<Labelled<C>>> {
    const codes = await this.agencies.codesOf(found.map((c) => c.ownerAgencyId));
    // (no object rest here: V8 copies with excluded keys slowly, and this runs for every candidate)
    return found.map((c) => {
      const out: Record<string, unknown> = { ...c.match, displayName: c.displayName, tlp: c.tlp, ownerAgencyCode: codes.get(c.ownerAgencyId) ?? '' };
      if ('holder' in c) out.holder = c.holder;
      return out as Labelled<C>;
    });
  }

  /** Every search is audited with its purpose and the records it returned. */
  async #audit(actor: Actor, action: string, purpose: string, candidates: Array<{ id: string; alert: boolean }>, details: Record<string, unknown>) {
    await this.audit.record(actor, {
      action,
      targetType: 'screening',
      subjectIds: candidates.map((c) => c.id),
      purpose,
      details: { ...details, candidates: candidates.length, alerts: candidates.filter((c) => c.alert).length },
    });
  }
}

interface LiveWait {
  ids: string[];
  resolve: (live: boolean) => void;
  reject: (e: unknown) => void;
}

/**
 * Which of some records are subjects of live notices, asked for many searches at once: the
 * ids that arrive while a lookup runs wait for it to end and then go in one lookup together
 * (the audit's group commit does the same), so under load a query serves dozens of searches.
 */
class Coalesced {
  /** Record ids in one lookup at most (query parameters). */
  static readonly MAX_IDS = 1000;
  #queue: LiveWait[] = [];
  #running = false;
  constructor(private readonly lookup: (recordIds: string[]) => Promise<Set<string>>) {}

  /** Whether any of `ids` is the subject of a live notice. */
  any(ids: string[]): Promise<boolean> {
    if (ids.length === 0) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      this.#queue.push({ ids, resolve, reject });
      if (!this.#running) {
        this.#running = true;
        setImmediate(() => void this.#run());
      }
    });
  }

  async #run() {
    while (this.#queue.length) {
      const batch: LiveWait[] = [];
      const ids = new Set<string>();
      do {
        const w = this.#queue.shift()!;
        batch.push(w);
        for (const id of w.ids) ids.add(id);
      } while (this.#queue.length && ids.size + this.#queue[0].ids.length <= Coalesced.MAX_IDS);
      try {
        const all = [...ids];
        const live = new Set<string>();
        for (let i = 0; i < all.length; i += Coalesced.MAX_IDS) for (const id of await this.lookup(all.slice(i, i + Coalesced.MAX_IDS))) live.add(id);
        for (const w of batch) w.resolve(w.ids.some((id) => live.has(id)));
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
    this.#running = false;
  }
}

const ms = (started: number) => Math.round((performance.now() - started) * 100) / 100;
const limitOf = (limit: number | undefined) => Math.max(1, Math.min(limit ?? 10, 50));

function country(input: string, field: string): string {
  const c = toAlpha3(input);
  if (!c) throw invalid('invalid_nationality', `${field} is not a country we know (alpha-2, alpha-3 or English name)`, { field });
  return c;
}

function checkPerson(input: PersonInput): PersonQuery {
  const name = input.name?.trim() ?? '';
  if (!name) throw invalid('validation_failed', 'A name is required');
  if (input.birthDate && !isPartialDate(input.birthDate)) {
    throw invalid('invalid_date', 'birthDate must be a real date written YYYY, YYYY-MM or YYYY-MM-DD', { field: 'birthDate' });
  }
  return {
    name,
    ...(input.birthDate ? { birthDate: input.birthDate } : {}),
    ...(input.nationality ? { nationality: country(input.nationality, 'nationality') } : {}),
    ...(input.gender ? { gender: input.gender } : {}),
  };
}

const PROBLEM_CODES: Record<string, string> = { birthDate: 'invalid_date', nationality: 'invalid_nationality', gender: 'invalid_gender' };

/**
 * A manifest row read leniently: the query on what is understood, the rest kept as
 * `notUnderstood` with a warning each; no query when there is no name. Control characters
 * are removed first (a NUL in a name would make PostgreSQL refuse the hit's record).
 */
function checkRow(r: BatchRow): { id: string; query?: PersonQuery; notUnderstood: NotUnderstood[]; problems: BatchProblem[] } {
  const problems: BatchProblem[] = [];
  const removed: string[] = [];
  const text = (s: string | undefined) => {
    if (s === undefined) return undefined;
    const { text: t, removed: n } = withoutControlChars(s);
    if (n) removed.push(controlCharsIn(s));
    return t.replace(/\s+/g, ' ').trim() || undefined;
  };
  const id = text(r.id) ?? r.id;
  const name = text(r.name);
  const given = { birthDate: text(r.birthDate), nationality: text(r.nationality), gender: text(r.gender) };
  if (removed.length) problems.push({ rowId: id, code: 'control_characters_removed', message: `Control characters (${[...new Set(removed)].join(', ')}) removed`, warning: true });
  if (!name) {
    problems.push({ rowId: id, code: 'validation_failed', message: 'A name is required' });
    return { id, notUnderstood: [], problems };
  }
  const notUnderstood: NotUnderstood[] = [];
  const keep = <T>(field: string, read: { value?: T; notUnderstood?: NotUnderstood }) => {
    if (read.notUnderstood) {
      notUnderstood.push(read.notUnderstood);
      problems.push({ rowId: id, code: PROBLEM_CODES[field], message: `${notUnderstoodText(read.notUnderstood)}; screened without ${field}`, warning: true });
    }
    return read.value;
  };
  const birthDate = given.birthDate ? keep('birthDate', readBirthDate(given.birthDate, 'birthDate')) : undefined;
  const nationality = given.nationality ? keep('nationality', readNationality(given.nationality, 'nationality')) : undefined;
  const gender = given.gender ? keep('gender', readGender(given.gender, 'gender')) : undefined;
  const query: PersonQuery = {
    name,
    ...(birthDate ? { birthDate } : {}),
    ...(nationality ? { nationality } : {}),
    ...(gender && gender !== 'unknown' ? { gender } : {}),
  };
  return { id, query, notUnderstood, problems };
}
