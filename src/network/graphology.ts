/**
 * The graphology packages, typed for this project's NodeNext resolution. They ship CommonJS
 * (`module.exports = fn`) with typings that say `export default fn`: under NodeNext the default
 * import is typed as the module object while at run time it is the function itself.
 */
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import subgraphModule from 'graphology-operators/subgraph.js';

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
