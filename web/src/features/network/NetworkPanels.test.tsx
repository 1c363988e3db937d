import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyPlayer } from '../../api/cases-types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { emptyGraph, mergeGraph } from './graph-state.ts';
import { KeyPlayersPanel, NodesPanel, SelectedPanel } from './NetworkPanels.tsx';

const PLAYERS: KeyPlayer[] = [{ key: 'p1', kind: 'person', label: 'Youssef El Amrani', degree: 12, betweenness: 0.41, pagerank: 0.08, reasons: ['broker', 'hub'] }];
const props = { players: PLAYERS, of: 'the region \u2068Oriental\u2069', show: true, onShow: () => undefined, onSelect: () => undefined, picked: new Map<string, string>(), onPick: () => undefined };

describe('KeyPlayersPanel', () => {
  afterEach(cleanup);

  it('says when the brokerage was estimated from a sample, with the locale’s numbers', async () => {
    await setLanguage('fr');
    const { rerender } = render(<KeyPlayersPanel {...props} estimatedFrom={1234} />);
    expect(screen.getByTestId('brokerage-estimated').textContent).toBe('Intermédiation estimée à partir de 1\u202f234 nœuds tirés au sort.');
    await setLanguage('ar');
    rerender(<KeyPlayersPanel {...props} estimatedFrom={200} />);
    expect(screen.getByTestId('brokerage-estimated').textContent).toBe(`الوساطة مقدَّرة من عيّنة من ${new Intl.NumberFormat('ar').format(200)} عقدة.`);
    await setLanguage('en');
    rerender(<KeyPlayersPanel {...props} estimatedFrom={1} />);
    expect(screen.getByTestId('brokerage-estimated').textContent).toBe('Brokerage estimated from 1 sampled node.');
  });

  it('says nothing of it when the brokerage is exact, or when there is nobody to rank', async () => {
    await setLanguage('en');
    const { rerender } = render(<KeyPlayersPanel {...props} estimatedFrom={null} />);
    expect(screen.getByTestId('key-player').textContent).toContain('12 links · brokerage 41%');
    expect(screen.queryByTestId('brokerage-estimated')).toBeNull();
    rerender(<KeyPlayersPanel {...props} players={[]} estimatedFrom={500} />);
    expect(screen.getByText('No key player in this network.')).toBeTruthy();
    expect(screen.queryByTestId('brokerage-estimated')).toBeNull();
  });

  it('counts a single link in the singular, and in each Arabic plural form', async () => {
    await setLanguage('en');
    const { rerender } = render(<KeyPlayersPanel {...props} players={[{ ...PLAYERS[0], degree: 1 }]} estimatedFrom={null} />);
    expect(screen.getByTestId('key-player').textContent).toContain('1 link · brokerage 41%');
    await setLanguage('ar');
    const ar = new Intl.NumberFormat('ar');
    const why = (degree: number) => (rerender(<KeyPlayersPanel {...props} players={[{ ...PLAYERS[0], degree }]} estimatedFrom={null} />), screen.getByTestId('key-player').textContent);
    expect(why(1)).toContain('رابط واحد · وساطة');
    expect(why(2)).toContain('رابطان · وساطة');
    expect(why(3)).toContain(`${ar.format(3)} روابط · وساطة`);
    expect(why(11)).toContain(`${ar.format(11)} رابطًا · وساطة`);
    expect(why(100)).toContain(`${ar.format(100)} رابط · وساطة`);
  });
});

describe('SelectedPanel and NodesPanel', () => {
  afterEach(cleanup);

  const graph = mergeGraph(emptyGraph(), {
    focus: 'v1',
    truncated: false,
    nodes: [
      { key: 'v1', kind: 'vehicle', label: '80624-و-11', degree: 1 },
      { key: 'p1', kind: 'person', label: 'Karim Benali', degree: 1 },
    ],
    edges: [{ source: 'v1', target: 'p1', types: ['owner_operator_of'] }],
  });
  const selected = (key: string) => (
    <SelectedPanel graph={graph} selected={key} onExpand={() => undefined} picked={new Map()} onPick={() => undefined} />
  );

  it('says "1 link shown", not "1 links"', async () => {
    await setLanguage('en');
    render(selected('p1'));
    expect(screen.getByTestId('selected-node').textContent).toContain('1 link shown');
  });

  it('shows a vehicle’s plate left to right as on the plate', async () => {
    await setLanguage('ar');
    render(
      <>
        {selected('v1')}
        <NodesPanel graph={graph} hidden={new Set()} selected={null} onSelect={() => undefined} />
      </>,
    );
    const plates = screen.getAllByText('80624-و-11');
    expect(plates).toHaveLength(2);
    for (const p of plates) {
      expect(p.tagName).toBe('BDO');
      expect(p.getAttribute('dir')).toBe('ltr');
    }
    expect(screen.getByText('Karim Benali').tagName).toBe('BDI');
  });
});
