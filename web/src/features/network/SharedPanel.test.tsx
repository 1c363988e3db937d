import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/index.ts';
import { SharedPanel } from './SharedPanel.tsx';

function mockServer(status: number, body: unknown) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
    }),
  );
  return urls;
}

describe('SharedPanel', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists the persons shared between countries and regions, named for the reader, each opening its neighbourhood', async () => {
    const urls = mockServer(200, {
      items: [
        {
          key: 'p1',
          kind: 'person',
          label: 'Youssef El Amrani',
          by: 'countries',
          shared: [
            { key: 'MAR', label: 'MAR' },
            { key: 'ESP', label: 'ESP' },
            { key: 'region:Oriental', label: 'Oriental' },
          ],
        },
      ],
    });
    const onOpen = vi.fn();
    render(<SharedPanel scope={{ kind: 'case', caseId: '0d9f7a52-5b0e-4c1b-9a57-2c43f3a1e001' }} onOpen={onOpen} />);
    fireEvent.change(document.querySelector('select[name="sharedBy"]')!, { target: { value: 'countries' } });
    fireEvent.click(screen.getByTestId('list-shared'));
    const person = await screen.findByTestId('shared-person');
    expect(urls[0]).toBe('/api/v1/network/shared?by=countries&caseIds=0d9f7a52-5b0e-4c1b-9a57-2c43f3a1e001&limit=100');
    expect(screen.getByTestId('shared-count').textContent).toBe('1 shared person');
    expect([...person.querySelectorAll('.span-list li')].map((li) => li.textContent)).toEqual(['Morocco', 'Spain', 'region \u2068Oriental\u2069']);
    fireEvent.click(screen.getByTestId('open-neighbourhood'));
    expect(onOpen).toHaveBeenCalledWith('p1');
  });

  it('names gangs by name and communities by number, in Arabic', async () => {
    await setLanguage('ar');
    mockServer(200, {
      items: [
        { key: 'p2', kind: 'person', label: 'Karim Benali', by: 'gangs', shared: [{ key: 'gang:g1', label: 'العقرب' }, { key: 'gang:g2', label: 'الصقر' }] },
        { key: 'p3', kind: 'person', label: 'Salem Ould Ahmed', by: 'communities', shared: [{ key: 'community:0', label: 'community 0' }, { key: 'community:4', label: 'community 4' }] },
      ],
    });
    render(<SharedPanel scope={{ kind: 'all' }} onOpen={() => undefined} />);
    fireEvent.click(screen.getByTestId('list-shared'));
    const [gangs, communities] = await screen.findAllByTestId('shared-person');
    expect([...gangs.querySelectorAll('.span-list li')].map((li) => li.textContent)).toEqual(['العقرب', 'الصقر']);
    const ar = new Intl.NumberFormat('ar');
    expect([...communities.querySelectorAll('.span-list li')].map((li) => li.textContent)).toEqual([`التجمّع ${ar.format(1)}`, `التجمّع ${ar.format(5)}`]);
    expect(screen.getByTestId('shared-count').textContent).toBe('شخصان مشتركان');
  });

  it('shows a refusal of the scope with the network’s own message', async () => {
    mockServer(400, { code: 'scope_ambiguous', title: 'Give one of region, caseIds, gangIds' });
    render(<SharedPanel scope={{ kind: 'region', region: 'Oriental' }} onOpen={() => undefined} />);
    fireEvent.click(screen.getByTestId('list-shared'));
    expect((await screen.findByRole('alert')).textContent).toBe('Give only one of a region, cases or gangs.');
    expect(screen.queryByTestId('shared-list')).toBeNull();
  });
});
