import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/index.ts';
import { DismantlePanel, DismantleResultView } from './DismantlePanel.tsx';
import type { DismantleResult } from './network-api.ts';

const RESULT: DismantleResult = {
  removed: [
    { key: 'p1', kind: 'person', label: 'Youssef El Amrani' },
    { key: 'p2', kind: 'person', label: 'Karim Benali' },
  ],
  unknown: ['p9'],
  before: { nodes: 12345, edges: 23456, components: 1, largestComponent: 12345, sizes: [12345] },
  after: { nodes: 12343, edges: 20001, components: 3, largestComponent: 9000, sizes: [9000, 3000, 1343] },
};

const cell = (id: string) => screen.getByTestId(id).textContent;

describe('DismantleResultView', () => {
  afterEach(cleanup);

  it('shows before and after in French numbers, with the parts and the largest share', async () => {
    await setLanguage('fr');
    render(<DismantleResultView result={RESULT} />);
    // French groups thousands with a narrow no-break space
    expect(cell('before-nodes')).toBe('12\u202f345');
    expect(cell('after-edges')).toBe('20\u202f001');
    expect(cell('before-components')).toBe('1');
    expect(cell('after-components')).toBe('3');
    expect(cell('after-largestComponent')).toBe('9\u202f000');
    expect(screen.getByTestId('dismantle-summary').textContent).toBe('Parties connexes après le retrait de 2 membres\u00a0: 3 (avant\u00a0: 1).');
    expect(screen.getByTestId('dismantle-largest-share').textContent).toBe('La plus grande partie restante réunit 73\u00a0% du réseau.');
    expect(screen.getByTestId('dismantle-sizes').textContent).toBe('Taille des parties après\u00a0: 9\u202f000, 3\u202f000, 1\u202f343');
    expect(screen.getByTestId('dismantle-unknown').textContent).toBe('1 membre choisi n’est pas dans ce réseau, ou vous ne pouvez pas le voir.');
  });

  it('uses the Arabic plural forms and the locale’s digits in Arabic', async () => {
    await setLanguage('ar');
    render(<DismantleResultView result={RESULT} />);
    const ar = new Intl.NumberFormat('ar');
    expect(cell('before-nodes')).toBe(ar.format(12345));
    expect(screen.getByTestId('dismantle-summary').textContent).toBe(`عدد الأجزاء المتصلة بعد إخراج عضوين: ${ar.format(3)} (قبل ذلك: ${ar.format(1)}).`);
    expect(within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['المقياس', 'قبل', 'بعد']);
  });
});

describe('DismantlePanel', () => {
  afterEach(cleanup);
  const props = { busy: false, result: null, onUnpick: () => undefined, onClear: () => undefined, onSimulate: () => undefined };

  it('cannot simulate with nobody picked, nor on everything you may see', async () => {
    await setLanguage('en');
    const { rerender } = render(<DismantlePanel {...props} picked={new Map()} bounded />);
    expect(screen.getByText('No member picked yet.')).toBeTruthy();
    expect((screen.getByTestId('simulate') as HTMLButtonElement).disabled).toBe(true);
    rerender(<DismantlePanel {...props} picked={new Map([['p1', 'Youssef El Amrani']])} bounded={false} />);
    expect(screen.getByText('A simulation runs on a case, a gang or a region: choose one as the scope.')).toBeTruthy();
    expect((screen.getByTestId('simulate') as HTMLButtonElement).disabled).toBe(true);
  });

  it('simulates the picked members, lets one be removed, and shows the result', async () => {
    await setLanguage('en');
    const onSimulate = vi.fn();
    const onUnpick = vi.fn();
    render(<DismantlePanel {...props} onSimulate={onSimulate} onUnpick={onUnpick} picked={new Map([['p1', 'Youssef El Amrani']])} bounded result={RESULT} />);
    fireEvent.click(screen.getByTestId('simulate'));
    expect(onSimulate).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Youssef El Amrani from the simulation' }));
    expect(onUnpick).toHaveBeenCalledWith('p1');
    expect(cell('after-components')).toBe('3');
    expect(screen.getByTestId('dismantle-summary').textContent).toBe('Connected parts after taking out 2 members: 3 (before: 1).');
  });
});
