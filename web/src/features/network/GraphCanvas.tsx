import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { NodeKind } from '../../api/cases-types.ts';
import { identText, isIdentKind } from '../../ui/Ident.tsx';
import { type GraphState, edgeKey, pathPairs } from './graph-state.ts';

/** One colour and one shape per kind: the kind is also written in the side panel, never colour alone. */
const KIND_STYLE: Record<NodeKind, { color: string; shape: cytoscape.Css.NodeShape }> = {
  person: { color: '#13487f', shape: 'ellipse' },
  group: { color: '#6b2fa3', shape: 'hexagon' },
  vehicle: { color: '#0b6b2f', shape: 'round-rectangle' },
  document: { color: '#7a4b00', shape: 'rectangle' },
  phone: { color: '#0b3d91', shape: 'diamond' },
  address: { color: '#4a5360', shape: 'triangle' },
  case: { color: '#a4161a', shape: 'star' },
  gang: { color: '#111418', shape: 'octagon' },
};

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      width: 22,
      height: 22,
      'border-width': 1,
      'border-color': '#ffffff',
      color: '#111418',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
    },
  },
  ...Object.entries(KIND_STYLE).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': s.color, shape: s.shape },
  })),
  // a community's colour replaces the kind's; the shape still tells the kind
  { selector: 'node[cc]', style: { 'background-color': 'data(cc)' } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#8a94a3', 'curve-style': 'bezier' } },
  { selector: '.faded', style: { opacity: 0.2 } },
  { selector: 'node.removed', style: { 'background-color': '#ffffff', 'border-width': 3, 'border-style': 'dashed', 'border-color': '#c8102e', opacity: 0.7 } },
  { selector: 'edge.removed', style: { 'line-style': 'dashed', opacity: 0.3 } },
  { selector: 'node.cut', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#e07000' } },
  { selector: 'node.key', style: { 'border-width': 5, 'border-color': '#ffbf47', width: 30, height: 30 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#c8102e' } },
  { selector: 'edge.path', style: { width: 4, 'line-color': '#c8102e' } },
  { selector: 'node.selected', style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
  { selector: '.filtered', style: { display: 'none' } },
] as cytoscape.StylesheetJson;

export interface GraphCanvasProps {
  graph: GraphState;
  hiddenKinds: ReadonlySet<NodeKind>;
  keyPlayers: ReadonlySet<string>;
  path: readonly string[];
  selected: string | null;
  onSelect: (id: string) => void;
  label: string;
  /** node key → its community's colour */
  colours?: ReadonlyMap<string, string>;
  /** the members of the focused community: the view fits them and fades the rest */
  focus?: ReadonlySet<string> | null;
  /** members taken out by a dismantling simulation, and the nodes that are cut off without them */
  removed?: ReadonlySet<string>;
  cutOff?: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();
const NO_COLOURS: ReadonlyMap<string, string> = new Map();

/**
 * The network drawn with cytoscape (canvas). New nodes are laid out around the ones already
 * placed; filters, key players, the path, the selection, communities and a dismantling are
 * classes and data, so nothing jumps. Everything here is also in the side panel's lists, which
 * keyboard users work with.
 */
export function GraphCanvas({
  graph,
  hiddenKinds,
  keyPlayers,
  path,
  selected,
  onSelect,
  label,
  colours = NO_COLOURS,
  focus = null,
  removed = NONE,
  cutOff = NONE,
}: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({ container: container.current, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    instance.on('tap', 'node', (e) => select.current(e.target.id()));
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  // elements: add what is new, drop what is gone, lay out only when something was added
  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    const added: ElementDefinition[] = [];
    for (const n of graph.nodes.values()) {
      if (c.getElementById(n.key).empty()) added.push({ group: 'nodes', data: { id: n.key, kind: n.kind, label: isIdentKind(n.kind) ? identText(n.label) : n.label } });
    }
    for (const e of graph.edges.values()) {
      const id = `e:${edgeKey(e)}`;
      if (c.getElementById(id).empty()) added.push({ group: 'edges', data: { id, source: e.source, target: e.target, types: e.types.join(' ') } });
    }
    c.elements()
      .filter((el) => (el.isNode() ? !graph.nodes.has(el.id()) : !graph.edges.has(el.id().slice(2))))
      .remove();
    if (added.length) {
      c.add(added);
      c.layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, fit: true, padding: 30 }).run();
    }
  }, [graph]);

  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    const onPath = new Set(path);
    const pairs = pathPairs(path);
    c.batch(() => {
      c.nodes().forEach((n) => {
        const id = n.id();
        n.toggleClass('filtered', hiddenKinds.has(n.data('kind') as NodeKind));
        n.toggleClass('key', keyPlayers.has(id));
        n.toggleClass('path', onPath.has(id));
        n.toggleClass('selected', id === selected);
        n.toggleClass('faded', focus !== null && !focus.has(id));
        n.toggleClass('removed', removed.has(id));
        n.toggleClass('cut', cutOff.has(id));
        const colour = colours.get(id);
        if (colour) n.data('cc', colour);
        else n.removeData('cc');
      });
      c.edges().forEach((e) => {
        const [s, t] = [e.data('source') as string, e.data('target') as string];
        e.toggleClass('path', pairs.has(`${s}|${t}`));
        e.toggleClass('faded', focus !== null && !(focus.has(s) && focus.has(t)));
        e.toggleClass('removed', removed.has(s) || removed.has(t));
      });
    });
  }, [graph, hiddenKinds, keyPlayers, path, selected, colours, focus, removed, cutOff]);

  // a focused community fills the view, also once its neighbourhood has arrived
  useEffect(() => {
    const c = cy.current;
    if (!c || !focus) return;
    const members = c.nodes().filter((n) => focus.has(n.id()));
    if (members.nonempty()) c.fit(members, 40);
  }, [focus, graph]);

  const coloured = [...graph.nodes.keys()].filter((k) => colours.has(k)).length;
  return (
    <div
      ref={container}
      className="graph-canvas"
      role="img"
      aria-label={label}
      data-testid="graph-canvas"
      data-nodes={graph.nodes.size}
      data-coloured={coloured}
      data-removed={[...removed].filter((k) => graph.nodes.has(k)).length}
      data-cut-off={[...cutOff].filter((k) => graph.nodes.has(k)).length}
    />
  );
}
