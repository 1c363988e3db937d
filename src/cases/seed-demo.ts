/**
 * The first-start demo of the cases module. Its facts: DGSN's two calibrated years scaled down
 * (about 1/400) and moved to the current year and the one before, so that a new node's desk
 * shows cases, arrests, seizures, gangs (some dismantled), warrants, complaints and migration
 * events, and its annual report opens on a year with data. Its parties: demo persons, groups,
 * vehicles, phones and addresses in those cases (seedDemoParties). Deterministic for a given
 * current year.
 */
import type { Services } from '../app/module.ts';
import type { Actor } from '../auth/roles.ts';
import type { GroupData } from '../records/record.ts';
import { createRandom } from '../seed/random.ts';
import { ADDRESSES, CATEGORY_OF_ACTIVITY, phoneOf } from '../seed/stories/parties.ts';
import type { StoredCase } from './cases.repo.ts';
import type { AddPartyInput } from './cases.schema.ts';
import { DGSN_2024, type ProfileTargets, type YearTargets } from './seed-dgsn.ts';

export const DEMO_PROFILE = 'demo-years';
const SCALE = 400;

const down = (v: number, min: number) => Math.max(min, Math.round(v / SCALE));

function scaled(t: YearTargets): YearTargets {
  const cases = down(t.cases, 50);
  const arrests = down(t.arrests, 20);
  const gangsDismantled = down(t.gangsDismantled, 3);
  return {
    cases,
    cleared: Math.min(cases, down(t.cleared, 1)),
    cybercrimeCases: Math.min(cases, down(t.cybercrimeCases, 5)),
    arrests,
    violentArrests: Math.min(arrests, down(t.violentArrests, 2)),
    gangsDismantled,
    gangMembersArrested: Math.max(gangsDismantled * 2, down(t.gangMembersArrested, 6)),
    seizures: Object.fromEntries(Object.entries(t.seizures).map(([k, v]) => [k, down(v, 1)])),
    internationalWarrants: down(t.internationalWarrants, 3),
    nationalWarrants: down(t.nationalWarrants, 5),
    complaints: down(t.complaints, 10),
    smugglingNetworks: Math.min(gangsDismantled, down(t.smugglingNetworks, 1)),
    departuresPrevented: down(t.departuresPrevented, 20),
  };
}

/** The demo profile for `year` (the current year) and the year before. */
export function demoYears(year: number): ProfileTargets {
  return { profile: DEMO_PROFILE, seed: year, years: { [year - 1]: scaled(DGSN_2024.years[2023]), [year]: scaled(DGSN_2024.years[2024]) } };
}

// ---------------------------------------------------------------------------
// Parties: the people (and their phones, addresses, vehicles) of the demo years' cases

/** Demo groups whose members become the suspects of a pair of cases each. */
const CLUSTERS = 10;
/** At most this many clusters of one category, so that the networks differ. */
const PER_CATEGORY = 2;
/** Members of other groups, enough for the cases of the desk's first pages. */
const SPARE_MEMBERS = 80;
/** The categories of the demo years (seed-dgsn.ts): each gets a case with parties. */
const DEMO_CATEGORIES = ['drug_trafficking', 'migrant_smuggling', 'theft', 'fraud', 'cybercrime', 'violent_crime', 'terrorism', 'other'];
const PURPOSE = 'demo: case parties';

interface Member {
  id: string;
  name: string;
}
interface Cluster {
  groupId: string;
  category: string;
  countries: string[];
  members: Member[];
}

export interface PartiesReport {
  parties: number;
  cases: number;
  /** The reference of a case with parties, by category: the messages demo writes about them. */
  refs: Record<string, string>;
}

/**
 * Parties of the demo years' cases, added by the hub's analyst through the cases service: the
 * members of demo groups (with the group, a vehicle, a shared phone and address) as suspects in
 * two cases of the group's activity, one of them also a witness in a neighbouring group's case;
 * the members of the demo gangs in their gang's case, with the supplier from a group; and a
 * person or two, sometimes a phone, in each case of the desk's first pages. The link graph gets
 * networks worth analysing: groups, gangs, cases, phones and addresses that meet.
 */
export async function seedDemoParties(s: Services, year: number): Promise<PartiesReport> {
  const r = createRandom(year);
  const analyst = await s.seeder.demoActor('analyst');
  const { cases, gangs } = s.cases;
  const added = new Set<string>();
  const withParties = new Set<string>();
  const add = async (c: StoredCase, input: AddPartyInput) => {
    const key = `${c.id}|${input.kind}|${input.recordId ?? input.value}|${input.role}`;
    if (added.has(key)) return;
    added.add(key);
    withParties.add(c.id);
    await cases.addParty(analyst, c.id, input, PURPOSE);
  };
  const person = (m: Member, role = 'suspect'): AddPartyInput => ({ kind: 'person', recordId: m.id, role });

  const groups = await demoGroups(s, analyst);
  const { clusters } = groups;
  // a small node (tests) may have no group left over: the clusters' members stand in
  const spare = groups.spare.length ? groups.spare : clusters.flatMap((c) => c.members);

  // the cases of each category and year, in the desk's order, handed out one by one
  const pools = new Map<string, StoredCase[]>();
  const next = async (category: string, y: number): Promise<StoredCase | undefined> => {
    const key = `${category}|${y}`;
    if (!pools.has(key)) pools.set(key, (await cases.list(analyst, { category, year: y, limit: 50 }, PURPOSE)).items);
    return pools.get(key)!.find((c) => !withParties.has(c.id));
  };
  const refs: Record<string, string> = {};
  const mains: Array<StoredCase | undefined> = [];
  for (const [k, cl] of clusters.entries()) {
    const [y1, y2] = k % 2 === 0 ? [year, year - 1] : [year - 1, year];
    const abroad = cl.countries.find((c) => c !== 'MAR') ?? 'MAR';
    const phone = phoneOf(r, r.chance(0.5) ? abroad : 'MAR');
    const main = await next(cl.category, y1);
    mains.push(main);
    if (main) {
      refs[cl.category] ??= main.reference;
      await add(main, { kind: 'group', recordId: cl.groupId, role: 'suspect' });
      for (const m of cl.members.slice(0, 4)) await add(main, person(m));
      const vehicle = (await s.records.links(analyst, cl.members[0].id, PURPOSE)).find((l) => l.type === 'owner_operator_of' && l.otherKind === 'vehicle');
      if (vehicle) await add(main, { kind: 'vehicle', recordId: vehicle.otherId, role: 'used_in' });
      await add(main, { kind: 'phone', value: phone, role: 'used_in' });
      const addresses = ADDRESSES[r.chance(0.7) ? 'MAR' : abroad] ?? ADDRESSES.MAR;
      await add(main, { kind: 'address', value: addresses[k % addresses.length], role: 'used_in' });
    }
    const second = await next(cl.category, y2);
    if (second) {
      await add(second, person(cl.members[0]));
      await add(second, person(cl.members[cl.members.length - 1]));
      await add(second, { kind: 'phone', value: phone, role: 'used_in' });
    }
    // one member knows the neighbouring network: the two meet in the graph
    const previous = mains[k - 1];
    if (k % 2 === 1 && previous) await add(previous, person(cl.members[1], 'witness'));
  }

  let p = 0;
  // the gangs of the demo years: their members are suspects in the gang's case, with a group's supplier
  const gangList = (await gangs.list(analyst, { limit: 200 })).items.sort((a, b) => a.name.localeCompare(b.name));
  for (const [j, g] of gangList.entries()) {
    if (!g.caseId) continue;
    const c = await cases.get(analyst, g.caseId, PURPOSE);
    const { members } = await gangs.get(analyst, g.id, PURPOSE);
    for (const m of members) await add(c, { kind: 'person', recordId: m.personRecordId, role: 'suspect' });
    if (members.length > 1) await add(c, { kind: 'phone', value: phoneOf(r, 'MAR'), role: 'used_in' });
    const supplier = clusters[j % Math.max(1, clusters.length)]?.members[2];
    if (supplier) await add(c, person(supplier));
  }

  // a case with people in each category, for the threads about cases
  for (const category of DEMO_CATEGORIES) {
    if (refs[category] || spare.length === 0) continue;
    const c = await next(category, year);
    if (!c) continue;
    await add(c, person(spare[p++ % spare.length]));
    await add(c, person(spare[p++ % spare.length]));
    refs[category] = c.reference;
  }

  // the desk's first pages (all years, and this year's top): every case there has someone in it
  const firstPages = [...(await cases.list(analyst, { limit: 50 }, PURPOSE)).items, ...(await cases.list(analyst, { year, limit: 25 }, PURPOSE)).items];
  for (const c of firstPages) {
    if (withParties.has(c.id) || spare.length === 0) continue;
    const role = r.weighted(['suspect', 'victim', 'witness'], [6, 3, 1]);
    await add(c, person(spare[p++ % spare.length], role));
    if (r.chance(0.4)) await add(c, person(spare[p++ % spare.length], role === 'suspect' ? 'victim' : 'suspect'));
    if (r.chance(0.25)) await add(c, { kind: 'phone', value: phoneOf(r, 'MAR'), role: 'used_in' });
    refs[c.category] ??= c.reference;
  }
  return { parties: added.size, cases: withParties.size, refs };
}

/**
 * The demo groups the hub's analyst sees, in a stable order (by name, namesakes by import order),
 * read until there are CLUSTERS groups of three members or more (PER_CATEGORY at most of one
 * activity) and SPARE_MEMBERS members of the others.
 */
async function demoGroups(s: Services, analyst: Actor): Promise<{ clusters: Cluster[]; spare: Member[] }> {
  const listed = (await s.records.list(analyst, { kind: 'group', limit: 200 }, PURPOSE)).items;
  const byName = new Map<string, string[]>();
  for (const g of listed) byName.set(g.displayName, [...(byName.get(g.displayName) ?? []), g.id]);
  const clusters: Cluster[] = [];
  const spare: Member[] = [];
  const perCategory = new Map<string, number>();
  for (const name of [...byName.keys()].sort((a, b) => a.localeCompare(b))) {
    if (clusters.length >= CLUSTERS && spare.length >= SPARE_MEMBERS) break;
    const namesakes = await Promise.all(byName.get(name)!.map((id) => s.records.get(analyst, id, PURPOSE)));
    for (const g of namesakes.sort((a, b) => (a.externalId ?? '').localeCompare(b.externalId ?? ''))) {
      const data = g.data as GroupData;
      const category = CATEGORY_OF_ACTIVITY[/suspected (.+) \(/.exec(data.remarks ?? '')?.[1] ?? ''] ?? 'other';
      const members = (await s.records.links(analyst, g.id, PURPOSE))
        .filter((l) => l.type === 'member_of' && l.otherKind === 'person')
        .map((l) => ({ id: l.otherId, name: l.otherDisplayName }))
        .sort((a, b) => a.name.localeCompare(b.name));
      if (clusters.length < CLUSTERS && members.length >= 3 && (perCategory.get(category) ?? 0) < PER_CATEGORY) {
        perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
        clusters.push({ groupId: g.id, category, countries: data.countries ?? ['MAR'], members });
      } else spare.push(...members);
    }
  }
  return { clusters, spare };
}
