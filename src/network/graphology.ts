/**
 * The graphology packages, typed for this project's NodeNext resolution. They ship CommonJS
 * (`module.exports = fn`) with typings that say `export default fn`: under NodeNext the default
 * import is typed as the module object while at run time it is the function itself.
 */
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import subgraphModule from 'graphology-operators/subgraph.js';
import * as brandesModule from 'graphology-shortest-path/indexed-brandes.js';

const interop = <T>(m: { default: T }): T => (m as { default?: T }).default ?? (m as unknown as T);

export { UndirectedGraph } from 'graphology';
export type { AbstractGraph } from 'graphology-types';
export { connectedComponents, countConnectedComponents, largestConnectedComponent } from 'graphology-components';
export { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
export { bidirectional } from 'graphology-shortest-path/unweighted.js';
export const louvain = interop(louvainModule);
export const betweennessCentrality = interop(betweennessModule);
export const pagerank = interop(pagerankModule);
export const subgraph = interop(subgraphModule);

/** One source's shortest paths (stack in BFS order, predecessors, path counts), indexed by node position. */
export type IndexedBrandes = ((source: number) => [{ size: number; items: ArrayLike<number>; pop(): number }, number[][], Uint32Array]) & {
  index: { collect(values: Float64Array): Record<string, number> };
};
/** graphology-shortest-path's indexed Brandes routine (its typings put `index` on the factory, not on the routine). */
export const createUnweightedIndexedBrandes = (brandesModule as unknown as { createUnweightedIndexedBrandes: (g: unknown) => IndexedBrandes }).createUnweightedIndexedBrandes;
