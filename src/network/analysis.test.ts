import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { betweenness, communities, dismantle, keyPlayers, sharedPersons, shortestPath } from './analysis.ts';
import { betweennessCentrality } from './graphology.ts';
import { payloadOf, synthetic } from './synthetic.ts';
import { buildGraph, type EdgeInput, fromPayload, type NodeInput, toPayload } from './graph.ts';

/** Two cliques of five persons (a1…a5, b1…b5) joined only through the broker x. */
function twoCells() {
  const nodes: NodeInput[] = [{ key: 'x', kind: 'person', label: 'Broker', countries: ['MAR', 'ESP'] }];
  const edges: EdgeInput[] = [];
  for (const side of ['a', 'b']) {
    for (let i = 1; i <= 5; i++) nodes.push({ key: `${side}${i}`, kind: 'person', label: `${side.toUpperCase()}${i}`, countries: ['MAR'] });
    for (let i = 1; i <= 5; i++) for (let j = i + 1; j <= 5; j++) edges.push({ source: `${side}${i}`, target: `${side}${j}`, type: 'associate_of' });
  }
  edges.push({ source: 'a1', target: 'x', type: 'associate_of' }, { source: 'x', target: 'b1', type: 'family_of' });
  return buildGraph(nodes, edges);
}

describe('network analysis on a hand-made graph', () => {
  it('finds the two cells as two communities of five and six', () => {
    const r = communities(twoCells());
    assert.equal(r.communities.length, 2);
    assert.deepEqual(r.communities.map((c) => c.size).sort(), [5, 6]);
    assert.ok(r.modularity > 0.3);
    assert.notEqual(r.membership.a2, r.membership.b2);
    assert.deepEqual(communities(twoCells()).membership, r.membership, 'the same seed gives the same answer');
  });

  it('ranks the broker first, with the highest betweenness and the reason broker', () => {
    const [top, second] = keyPlayers(twoCells()).items;
    assert.equal(top.key, 'x');
    assert.ok(top.betweenness > second.betweenness);
    assert.ok(top.reasons.includes('broker'));
    assert.equal(top.degree, 2);
  });

  it('gives the shortest chain between two persons with its kinds, labels and link types', () => {
    const p = shortestPath(twoCells(), 'a3', 'b4');
    assert.equal(p.found, true);
    assert.equal(p.length, 4);
    assert.deepEqual(p.chain.map((n) => n.key), ['a3', 'a1', 'x', 'b1', 'b4']);
    assert.deepEqual(p.links[2], ['family_of']);
    assert.deepEqual(shortestPath(twoCells(), 'a3', 'nobody'), { found: false, length: null, chain: [], links: [] });
  });

  it('splits the network into two components when the broker is removed', () => {
    const r = dismantle(twoCells(), ['x', 'ghost']);
    assert.deepEqual([r.before.components, r.before.largestComponent], [1, 11]);
    assert.deepEqual([r.after.components, r.after.largestComponent, r.after.nodes], [2, 5, 10]);
    assert.deepEqual(r.unknown, ['ghost']);
    assert.equal(r.removed[0].label, 'Broker');
  });

  it('lists persons shared between gangs, communities and countries', () => {
    const g = buildGraph(
      [
        { key: 'p', kind: 'person', label: 'P', countries: ['MAR'] },
        { key: 'q', kind: 'person', label: 'Q', countries: ['MAR'] },
        { key: 'gang:1', kind: 'gang', label: 'G1' },
        { key: 'gang:2', kind: 'gang', label: 'G2' },
        { key: 'case:1', kind: 'case', label: 'C1', region: 'Tanger' },
        { key: 'case:2', kind: 'case', label: 'C2', region: 'Oriental' },
      ],
      [
        { source: 'gang:1', target: 'p', type: 'gang_member:leader' },
        { source: 'gang:2', target: 'p', type: 'gang_member:member' },
        { source: 'gang:2', target: 'q', type: 'gang_member:member' },
        { source: 'case:1', target: 'q', type: 'party:suspect' },
        { source: 'case:2', target: 'q', type: 'party:suspect' },
      ],
    );
    assert.deepEqual(sharedPersons(g, 'gangs').map((s) => [s.key, s.shared.length]), [['p', 2]]);
    assert.deepEqual(sharedPersons(g, 'countries').map((s) => s.key), ['q']);
    const broker = sharedPersons(twoCells(), 'countries');
    assert.deepEqual(broker.map((s) => s.key), ['x']);
    const m = communities(twoCells()).membership;
    assert.ok(sharedPersons(twoCells(), 'communities', { membership: m }).some((s) => s.key === 'x'));
  });

  it('travels to a worker as typed arrays and comes back the same graph', () => {
    const g = twoCells();
    const nodes = g.mapNodes((key, a) => ({ key, ...a }));
    const edges = g.mapEdges((_e, a, s, t) => ({ source: s, target: t, type: a.types[0] }));
    const back = fromPayload(toPayload(nodes, edges));
    assert.equal(back.order, g.order);
    assert.equal(back.size, g.size);
  });
});

describe('betweenness of large networks, estimated from a sample of sources', () => {
  // 1,739 nodes and 4,296 edges: gangs, brokers between them, cases and phones
  const g = fromPayload(payloadOf(synthetic(5_000, 11, 0.1)));

  it('is exact from every node while the work fits the budget, and says so', () => {
    const b = betweenness(g, { workBudget: Infinity });
    assert.equal(b.exact, true);
    assert.equal(b.sources, g.order);
    assert.deepEqual(b.scores, betweennessCentrality(g, { normalized: true, getEdgeWeight: null }));
  });

  it('above the budget, samples seeded sources and keeps the brokers of the exact ranking', () => {
    const exact = keyPlayers(g, { limit: 10, workBudget: Infinity });
    const sampled = keyPlayers(g, { limit: 10, workBudget: 1 });
    assert.equal(exact.betweennessExact, true);
    assert.equal(sampled.betweennessExact, false);
    assert.equal(sampled.betweennessSources, 200, 'the fewest sources a sample uses');
    assert.equal(sampled.items[0].key, exact.items[0].key, 'the same first broker');
    const top = new Set(exact.items.map((k) => k.key));
    const kept = sampled.items.filter((k) => top.has(k.key)).length;
    assert.ok(kept >= 8, `${kept} of the exact top 10 in the sampled top 10`);
    for (const k of sampled.items.slice(0, 5)) assert.ok(k.reasons.includes('broker'));
    // the estimate is on the exact scale (scaled by nodes / sources), not a count of sampled paths
    const ratio = sampled.items[0].betweenness / exact.items[0].betweenness;
    assert.ok(ratio > 0.7 && ratio < 1.3, `first broker's estimate / exact = ${ratio}`);
    // the same seed gives the same answer
    assert.deepEqual(keyPlayers(g, { limit: 10, workBudget: 1 }), sampled);
  });
});
