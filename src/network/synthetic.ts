/**
 * A deterministic (seeded) criminal-network graph for benchmarks and tests: gangs of power-law
 * sizes whose members are tied to a few others, a share of persons who broker between gangs, and
 * cases that tie a few members and a phone (phones shared between cases now and then).
 */
import { seededRandom } from './analysis.ts';
import type { GraphPayload, NodeInput } from './graph.ts';

export interface Synthetic {
  nodes: NodeInput[];
  source: number[];
  target: number[];
  types: number[];
}
const TYPES = ['gang_member:member', 'associate_of', 'party:suspect', 'party:contact', 'family_of'];

/** Gangs of power-law sizes; each member tied to a few others; ~2% of persons broker between gangs; cases tie a few persons and a phone. */
export function synthetic(targetEdges: number, seed: number, brokerShare = 0.03): Synthetic {
  const rnd = seededRandom(seed);
  const nodes: NodeInput[] = [];
  const source: number[] = [];
  const target: number[] = [];
  const types: number[] = [];
  const add = (n: NodeInput) => nodes.push(n) - 1;
  const edge = (s: number, t: number, type: number) => {
    if (s === t) return;
    source.push(s);
    target.push(t);
    types.push(type);
  };
  const persons: number[] = [];
  const phones: number[] = [];
  let g = 0;
  while (source.length < targetEdges) {
    // gang size: Pareto(α = 1.8) from 4, capped at 80
    const size = Math.min(80, Math.floor(4 / Math.pow(1 - rnd(), 1 / 1.8)));
    const gang = add({ key: `gang:${g}`, kind: 'gang', label: `Gang ${g}`, region: `R${g % 12}` });
    const members: number[] = [];
    for (let i = 0; i < size; i++) {
      // a broker: an existing person joining another gang
      const broker = persons.length > 20 && rnd() < brokerShare;
      const p = broker ? persons[Math.floor(rnd() * persons.length)] : add({ key: `p${persons.length}`, kind: 'person', label: `Person ${persons.length}`, countries: ['MAR'] });
      if (!broker) persons.push(p);
      members.push(p);
      edge(gang, p, 0);
    }
    for (const m of members) {
      const ties = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < ties; k++) edge(m, members[Math.floor(rnd() * members.length)], 1);
    }
    // one or two cases per gang: a few of its members and a phone, sometimes one seen before
    for (let c = 0; c < 1 + Math.floor(rnd() * 2); c++) {
      const kase = add({ key: `case:${g}-${c}`, kind: 'case', label: `CASE-${g}-${c}`, region: `R${g % 12}` });
      for (let k = 0; k < 3; k++) edge(kase, members[Math.floor(rnd() * members.length)], 2);
      const phone = phones.length > 10 && rnd() < 0.2 ? phones[Math.floor(rnd() * phones.length)] : add({ key: `phone:+2126${phones.length}`, kind: 'phone', label: `+2126${phones.length}` });
      if (!phones.includes(phone)) phones.push(phone);
      edge(kase, phone, 3);
    }
    g++;
  }
  return { nodes, source, target, types };
}



export const payloadOf = (s: Synthetic): GraphPayload => ({
  nodes: s.nodes,
  source: Int32Array.from(s.source),
  target: Int32Array.from(s.target),
  typeNames: TYPES,
  type: Uint16Array.from(s.types),
});
