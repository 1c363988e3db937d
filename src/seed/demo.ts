/**
 * Deterministic demo data: persons with Arabic and Latin names and their spelling
 * variants, travel documents, vehicles and criminal groups, each with provenance, as a
 * lazy stream of import items. Pure: no database, no clock, no Math.random.
 *
 * Order guarantee: an item is yielded before any item that links to it (group, then for
 * each person its documents and vehicles, then the person).
 *
 * The parts: names (demo-names.ts), dates and document numbers (demo-documents.ts), vehicles
 * (demo-vehicles.ts), provenance (demo-provenance.ts) and groups (demo-groups.ts). Every draw
 * comes from one Random, in the order of this file: moving a draw changes the whole stream.
 */
import type { DocumentData, PersonData, VehicleData } from '../records/record.ts';
import type { ImportItem } from '../records/import/import-item.ts';
import { birth, birthDateText, DOC_FORMATS, DOC_STATUS_WEIGHTS, DOC_STATUSES, fullDate, isoOf, pad, passportYears } from './demo-documents.ts';
import { buildGroup } from './demo-groups.ts';
import { buildName, type Context, contextOf, DIASPORA, toNames } from './demo-names.ts';
import { provenance } from './demo-provenance.ts';
import { COLOUR_WEIGHTS, COLOURS, makeVin, MAKES_BY_MARKET, PLATES, VEHICLE_STATUS_WEIGHTS, VEHICLE_STATUSES } from './demo-vehicles.ts';
import { loadNamePairs, type Gender } from './names.ts';
import { createRandom, type Random } from './random.ts';

export { LEGAL_BASES } from './demo-provenance.ts';
export { makeVin, MOROCCAN_PLATE_LETTERS } from './demo-vehicles.ts';

export const SCALE_PERSONS = { tiny: 300, small: 20_000, medium: 200_000, large: 1_000_000 } as const;
export type DemoScale = keyof typeof SCALE_PERSONS;

/** One group per this many persons (at least MIN_GROUPS). */
const PERSONS_PER_GROUP = 200;
const MIN_GROUPS = 3;

interface Counters {
  doc: number;
  veh: number;
}

function personItems(r: Random, ctx: Context, index: number, counters: Counters, preferredCountries: string[] | undefined, links: ImportItem['links']): ImportItem[] {
  const preferred = preferredCountries?.filter((c) => ctx.byNat.has(c));
  const profile = preferred?.length && r.chance(0.6) ? ctx.byNat.get(r.pick(preferred))! : ctx.profiles.draw(r);
  const nat = profile.nat;
  const pools = ctx.pools.get(nat)!;
  const gender: Gender = r.chance(profile.femaleShare) ? 'female' : 'male';
  const names = toNames(r, profile, buildName(r, profile, pools, gender));
  const b = birth(r);
  const prov = provenance(r, nat);
  const items: ImportItem[] = [];
  const personLinks: NonNullable<ImportItem['links']> = [...(links ?? [])];

  const nationalities = [nat];
  const diaspora = DIASPORA[nat];
  if (diaspora && r.chance(diaspora.share)) nationalities.push(r.pick(diaspora.countries));

  // documents: ~0.5 per person
  const formats = DOC_FORMATS[nat];
  const x = r.next();
  const docTypes: DocumentData['type'][] = x < 0.42 ? [formats.national_id && r.chance(0.45) ? 'national_id' : 'passport'] : x < 0.46 ? ['passport', formats.national_id ? 'national_id' : 'passport'] : [];
  let nationalIdNumber: string | undefined;
  for (const type of docTypes) {
    counters.doc++;
    const format = type === 'national_id' ? formats.national_id! : formats.passport;
    const number = format({ r, n: counters.doc, birth: b });
    if (type === 'national_id') nationalIdNumber = number;
    const data: DocumentData = { number, type, issuingCountry: nat, status: r.weighted(DOC_STATUSES, DOC_STATUS_WEIGHTS) };
    if (r.chance(0.6)) {
      const years = type === 'passport' ? passportYears(nat) : 10;
      // mostly documents still running, a few already expired
      const issued = fullDate(r, Math.min(2025, Math.max(b.year + 1, 2026 - years - (r.chance(0.1) ? 3 : 0))), 2025);
      data.issueDate = isoOf(issued);
      data.expiryDate = isoOf([issued[0] + years, issued[1], issued[2]]);
    }
    const externalId = `doc:${pad(counters.doc, 6)}`;
    items.push({ externalId, kind: 'document', data, ...prov });
    personLinks.push({ type: 'holder_of', toExternalId: externalId });
  }

  // vehicles: ~0.2 per person
  const v = r.next();
  const vehicleCount = v < 0.18 ? 1 : v < 0.19 ? 2 : 0;
  for (let i = 0; i < vehicleCount; i++) {
    counters.veh++;
    let plateCountry = PLATES[nat] ? nat : 'MAR';
    // Moroccans abroad drive home through Tanger-Med on European plates
    if (nat === 'MAR' && nationalities.length > 1 && r.chance(0.5)) plateCountry = nationalities[1];
    const plate = PLATES[plateCountry];
    const make = MAKES_BY_MARKET[plate.market].draw(r);
    const data: VehicleData = {
      plate: plate.format(r, counters.veh),
      plateCountry,
      make: make.make,
      model: r.pick(make.models),
      colour: r.weighted(COLOURS, COLOUR_WEIGHTS),
      status: r.weighted(VEHICLE_STATUSES, VEHICLE_STATUS_WEIGHTS),
    };
    if (r.chance(0.5)) data.vin = makeVin(r, r.pick(make.wmi), counters.veh);
    const externalId = `veh:${pad(counters.veh, 6)}`;
    items.push({ externalId, kind: 'vehicle', data, ...prov });
    personLinks.push({ type: 'owner_operator_of', toExternalId: externalId });
  }

  const person: PersonData = { names, nationalities, gender };
  const birthDate = birthDateText(r, b);
  if (birthDate) person.birthDates = [birthDate];
  if (r.chance(0.35)) person.placesOfBirth = [r.pick(profile.cities)];
  if (formats.national_id && r.chance(0.2)) {
    person.identifiers = [{ type: 'national_id', value: nationalIdNumber ?? formats.national_id({ r, n: 900_000 + index, birth: b }), country: nat }];
  }
  const item: ImportItem = { externalId: `person:${pad(index, 6)}`, kind: 'person', data: person, ...prov };
  if (personLinks.length) item.links = personLinks;
  items.push(item);
  return items;
}

/**
 * The demo records for a scale, lazily: persons (exactly SCALE_PERSONS[scale]) with about
 * 0.5 documents, 0.2 vehicles and one group per 200 persons. Same seed, same output.
 */
export function* demoRecords(scale: DemoScale, seed = 2026): Generator<ImportItem> {
  const total = SCALE_PERSONS[scale];
  const r = createRandom(seed);
  const k = loadNamePairs();
  const ctx = contextOf(k);
  const groups = Math.max(MIN_GROUPS, Math.round(total / PERSONS_PER_GROUP));
  const counters: Counters = { doc: 0, veh: 0 };
  let person = 0;
  for (let g = 1; g <= groups; g++) {
    // each group is followed by the block of persons its members come from
    const blockEnd = Math.round((g * total) / groups);
    const blockSize = blockEnd - person;
    const groupId = `group:${pad(g, 4)}`;
    const group = buildGroup(r, k, g);
    yield { externalId: groupId, kind: 'group', data: group.data, ...provenance(r) };
    const memberOffsets = new Set<number>();
    const wanted = Math.min(blockSize, r.int(3, 8));
    while (memberOffsets.size < wanted) memberOffsets.add(r.int(0, blockSize - 1));
    const members: string[] = [];
    for (let offset = 0; offset < blockSize; offset++) {
      person++;
      const isMember = memberOffsets.has(offset);
      let links: ImportItem['links'];
      if (isMember) {
        links = [{ type: 'member_of', toExternalId: groupId }];
        if (members.length > 0 && r.chance(0.4)) links.push({ type: 'associate_of', toExternalId: r.pick(members) });
        members.push(`person:${pad(person, 6)}`);
      }
      yield* personItems(r, ctx, person, counters, isMember ? group.countries : undefined, links);
    }
  }
}
