import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyPlayer } from '../../api/cases-types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { KeyPlayersPanel } from './NetworkPanels.tsx';

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
});
