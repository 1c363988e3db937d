import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordSummary } from '../../api/types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { PartyPicker } from './PartyPicker.tsx';

const summary = (id: string, over: Partial<RecordSummary> = {}): RecordSummary => ({
  id,
  kind: 'person',
  originNode: null,
  displayName: 'Mohamed Tazi',
  ownerAgencyCode: 'MAR-NCB',
  tlp: 'AMBER',
  reviewDate: '2030-01-01',
  expired: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

/** The records search answers with what it is given, and remembers the addresses asked. */
function records(items: RecordSummary[]) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ items, nextCursor: null }), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return urls;
}

const search = (q: string) => {
  fireEvent.change(document.querySelector('input[name="partySearch"]')!, { target: { value: q } });
  fireEvent.click(screen.getByTestId('party-search'));
};
const facts = (li: Element) => [...li.querySelectorAll('[data-testid="person-facts"] > div')].map((d) => d.textContent);

describe('PartyPicker', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('tells namesakes apart in the results: date of birth, nationality and owner on each row', async () => {
    const urls = records([
      summary('p1', { birthDates: ['1975'], nationalities: ['MAR'] }),
      summary('p2', { birthDates: ['1975-05-12'], nationalities: ['DZA', 'FRA'], ownerAgencyCode: 'DZA-NCB' }),
      summary('p3', { birthDates: [], nationalities: [], ownerAgencyCode: 'ESP-NCB' }),
    ]);
    const onPick = vi.fn();
    render(<PartyPicker onPick={onPick} />);
    search('Mohamed Tazi');
    await waitFor(() => expect(screen.getAllByTestId('party-result')).toHaveLength(3));
    expect(urls[0]).toContain('kind=person');
    expect(screen.getAllByTestId('party-result').map(facts)).toEqual([
      ['Date of birth:1975', 'Nationality:Morocco', 'Owner:MAR-NCB'],
      ['Date of birth:May 12, 1975', 'Nationality:Algeria, France', 'Owner:DZA-NCB'],
      ['Date of birth:not recorded', 'Nationality:not recorded', 'Owner:ESP-NCB'],
    ]);
    fireEvent.click(screen.getAllByTestId('party-pick')[1]);
    expect(onPick).toHaveBeenCalledWith({ kind: 'person', recordId: 'p2', role: 'suspect', label: 'Mohamed Tazi' });
  });

  it('gives a vehicle or a group its owner only', async () => {
    records([summary('v1', { kind: 'vehicle', displayName: '12345-أ-6', ownerAgencyCode: 'MAR-DGSN' })]);
    render(<PartyPicker onPick={() => undefined} kinds={['vehicle']} />);
    search('12345');
    const [row] = await screen.findAllByTestId('party-result');
    expect(facts(row)).toEqual(['Owner:MAR-DGSN']);
  });
});
