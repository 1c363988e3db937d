import { type Handling, type TlpLevel, visibleToAgency } from '../core/handling.ts';
import type { DocumentData, PersonData, RecordKind, VehicleData } from '../records/record.ts';
import { DocumentIndex } from './documents.ts';
import { type NameKnowledge, loadNameKnowledge } from './names/knowledge.ts';
import { PersonIndex } from './names/person-index.ts';
import type { DocumentMatch, PersonMatch, PersonQuery, VehicleMatch } from './screening.ts';
import { VehicleIndex } from './vehicles.ts';

/** A record as the screening engine keeps it: what to match plus what decides who may see it. */
export interface IndexedRecord {
  id: string;
  kind: RecordKind;
  displayName: string;
  data: unknown;
  ownerAgencyId: string;
  /** The owner's agency code, so that the worker can label its candidates (see personsJson). */
  ownerAgencyCode?: string;
  tlp: string;
  restrictedTo: string[];
  reviewDate: string;
}

/** Who is screening: candidates they may not see, and records past review, never come back. */
export interface Viewer {
  agencyId: string;
  seesAll: boolean;
  today: string;
}

interface Meta extends Handling {
  kind: RecordKind;
  ownerAgencyId: string;
  ownerAgencyCode: string;
  reviewDate: string;
  displayName: string;
}

export interface Candidate<M> {
  match: M;
  displayName: string;
  ownerAgencyId: string;
  /** '' when the record was indexed without it. */
  ownerAgencyCode: string;
  tlp: TlpLevel;
}

export type PersonCandidate = Candidate<PersonMatch>;
export type DocumentCandidate = Candidate<DocumentMatch> & { holder: { id: string; displayName: string } | null };
export type VehicleCandidate = Candidate<VehicleMatch> & { holder: { id: string; displayName: string } | null };

export interface EngineStats {
  persons: number;
  documents: number;
  vehicles: number;
  heapMb: number;
}

/** All screening indexes of a node, in one thread (the worker, or the process in tests and offline). */
export class ScreeningEngine {
  readonly persons: PersonIndex;
  readonly documents = new DocumentIndex();
  readonly vehicles = new VehicleIndex();
  #meta = new Map<string, Meta>();
  #holderOf = new Map<string, string>();
  #links = new Map<string, { fromId: string; toId: string }>();

  constructor(knowledge: NameKnowledge = loadNameKnowledge()) {
    this.persons = new PersonIndex(knowledge);
  }

  upsert(r: IndexedRecord): void {
    this.remove(r.id);
    this.#meta.set(r.id, {
      kind: r.kind,
      ownerAgencyId: r.ownerAgencyId,
      ownerAgencyCode: r.ownerAgencyCode ?? '',
      tlp: r.tlp as TlpLevel,
      restrictedTo: r.restrictedTo,
      reviewDate: r.reviewDate,
      displayName: r.displayName,
    });
    if (r.kind === 'person') {
      const p = r.data as PersonData;
      this.persons.add({ id: r.id, names: p.names, birthDates: p.birthDates, nationalities: p.nationalities, gender: p.gender });
    } else if (r.kind === 'document') {
      const d = r.data as DocumentData;
      this.documents.add({ id: r.id, number: d.number, type: d.type, issuingCountry: d.issuingCountry ?? null, status: d.status });
    } else if (r.kind === 'vehicle') {
      const v = r.data as VehicleData;
      this.vehicles.add({ id: r.id, plate: v.plate, plateCountry: v.plateCountry, vin: v.vin ?? null, status: v.status });
    }
  }

  remove(id: string): void {
    const m = this.#meta.get(id);
    if (!m) return;
    if (m.kind === 'person') this.persons.remove(id);
    else if (m.kind === 'document') this.documents.remove(id);
    else if (m.kind === 'vehicle') this.vehicles.remove(id);
    this.#meta.delete(id);
  }

  /** A holder_of link (document) or owner_operator_of link (vehicle): what screening finds names its holder. */
  link(linkId: string, fromId: string, toId: string): void {
    this.#links.set(linkId, { fromId, toId });
    this.#holderOf.set(toId, fromId);
  }

  unlink(linkId: string): void {
    const l = this.#links.get(linkId);
    if (!l) return;
    this.#links.delete(linkId);
    if (this.#holderOf.get(l.toId) === l.fromId) this.#holderOf.delete(l.toId);
  }

  #visible(v: Viewer) {
    return (id: string) => {
      const m = this.#meta.get(id);
      return m !== undefined && m.reviewDate >= v.today && (v.seesAll || visibleToAgency(m, m.ownerAgencyId, v.agencyId));
    };
  }

  #wrap<M extends { id: string }>(match: M): Candidate<M> {
    const m = this.#meta.get(match.id)!;
    return { match, displayName: m.displayName, ownerAgencyId: m.ownerAgencyId, ownerAgencyCode: m.ownerAgencyCode, tlp: m.tlp };
  }

  searchPersons(q: PersonQuery, v: Viewer, limit = 10): PersonCandidate[] {
    return this.persons.search(q, { limit, filter: this.#visible(v) }).map((m) => this.#wrap(m));
  }

  searchDocuments(q: { number: string; issuingCountry?: string }, v: Viewer, limit = 10): DocumentCandidate[] {
    const visible = this.#visible(v);
    return this.documents.search(q, { limit, filter: visible }).map((m) => ({ ...this.#wrap(m), holder: this.#holder(m.id, visible) }));
  }

  #holder(id: string, visible: (id: string) => boolean) {
    const holderId = this.#holderOf.get(id);
    return holderId && visible(holderId) ? { id: holderId, displayName: this.#meta.get(holderId)!.displayName } : null;
  }

  searchVehicles(q: { plate?: string; country?: string; vin?: string }, v: Viewer, limit = 10): VehicleCandidate[] {
    const visible = this.#visible(v);
    return this.vehicles.search(q, { limit, filter: visible }).map((m) => ({ ...this.#wrap(m), holder: this.#holder(m.id, visible) }));
  }

  /** After a bulk load: indexes give back the slack of their growth. */
  compact(): void {
    this.persons.compact();
  }

  stats(): EngineStats {
    return {
      persons: this.persons.size,
      documents: this.documents.size,
      vehicles: this.vehicles.size,
      heapMb: Math.round(process.memoryUsage().heapUsed / 1048576),
    };
  }
}
