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
  const props = {
    busy: false,
    result: null,
    community: null,
    scope: 'everything you may see',
    within: 'community' as const,
    onWithin: () => undefined,
    onUnpick: () => undefined,
    onClear: () => undefined,
    onSimulate: () => undefined,
  };

  it('cannot simulate with nobody picked, and simulates over everything you may see when that is the scope', async () => {
    await setLanguage('en');
    const onSimulate = vi.fn();
    const { rerender } = render(<DismantlePanel {...props} picked={new Map()} />);
    expect(screen.getByText('No member picked yet.')).toBeTruthy();
    expect((screen.getByTestId('simulate') as HTMLButtonElement).disabled).toBe(true);
    rerender(<DismantlePanel {...props} onSimulate={onSimulate} picked={new Map([['p1', 'Youssef El Amrani']])} />);
    expect(screen.getByTestId('dismantle-on').textContent).toBe('The simulation runs on everything you may see.');
    expect(screen.queryByTestId('dismantle-within')).toBeNull();
    fireEvent.click(screen.getByTestId('simulate'));
    expect(onSimulate).toHaveBeenCalledOnce();
  });

  it('offers the focused community or the scope, and says which network the result is about', async () => {
    await setLanguage('en');
    const onWithin = vi.fn();
    render(
      <DismantlePanel
        {...props}
        community="Community 3"
        scope={'the region \u2068Oriental\u2069'}
        onWithin={onWithin}
        picked={new Map([['p1', 'Youssef El Amrani']])}
        result={{ result: RESULT, of: 'Community 3' }}
      />,
    );
    const group = screen.getByRole('group', { name: 'Simulate on' });
    const [community, scope] = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(community.checked).toBe(true);
    expect(within(group).getByLabelText('the region \u2068Oriental\u2069')).toBe(scope);
    fireEvent.click(scope);
    expect(onWithin).toHaveBeenCalledWith('scope');
    expect(screen.getByTestId('dismantle-of').textContent).toBe('Simulated on Community 3:');
    expect(cell('after-components')).toBe('3');
  });

  it('lets a picked member be removed, and names the network in Arabic', async () => {
    await setLanguage('ar');
    const onUnpick = vi.fn();
    render(<DismantlePanel {...props} community="التجمّع ٣" onUnpick={onUnpick} picked={new Map([['p1', 'Youssef El Amrani']])} result={{ result: RESULT, of: 'التجمّع ٣' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'احذف Youssef El Amrani من المحاكاة' }));
    expect(onUnpick).toHaveBeenCalledWith('p1');
    expect(screen.getByRole('group', { name: 'أجرِ المحاكاة على' })).toBeTruthy();
    expect(screen.getByTestId('dismantle-of').textContent).toBe('المحاكاة على التجمّع ٣:');
  });
});
