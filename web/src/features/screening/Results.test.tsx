import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentCandidate, VehicleCandidate } from '../../api/types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { candidate, explanation } from './fixtures.ts';
import { DocumentCandidates, PersonCandidates, ResultHead, VehicleCandidates } from './Results.tsx';

const PLATE = '80624-و-11';

/** Four namesakes: one name, told apart only by what the records hold. */
const namesakes = [
  { id: 'p1', birthDates: ['1975'], nationalities: ['MAR', 'ESP'], owner: 'MAR-NCB' },
  { id: 'p2', birthDates: ['1975-05'], nationalities: ['DZA'], owner: 'DZA-NCB' },
  { id: 'p3', birthDates: ['1980-04-12', '1968/1972'], nationalities: [], owner: 'FRA-NCB' },
  { id: 'p4', birthDates: [], nationalities: ['SEN'], owner: 'SEN-NCB' },
].map((n) =>
  candidate({
    id: n.id,
    displayName: 'Mohamed Tazi',
    ownerAgencyCode: n.owner,
    explanation: explanation({
      birthDate: { query: null, record: n.birthDates, effect: 'unknown', delta: 0 },
      nationality: { query: null, record: n.nationalities, effect: 'unknown', delta: 0 },
    }),
  }),
);
const factsOf = (row: HTMLElement) =>
  ['fact-birthDate', 'fact-nationality', 'fact-owner'].map((id) => within(row).getByTestId(id).querySelector('dd')!.textContent);

describe('screening results', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(cleanup);

  it('shows plates, VINs and document numbers left to right as written, in Arabic too', async () => {
    await setLanguage('ar');
    const vehicle = { id: 'v1', score: 1, alert: true, plate: PLATE, plateCountry: 'MAR', vin: 'VF1RFB00X56789012', how: 'plate_exact', status: 'stolen', ownerAgencyCode: 'MAR-DGSN', tlp: 'AMBER' } as VehicleCandidate;
    const doc = { id: 'd1', score: 1, alert: true, number: 'AB123456', issuingCountry: 'MAR', type: 'passport', how: 'exact', status: 'lost', ownerAgencyCode: 'MAR-DGSN', tlp: 'AMBER', holder: null } as DocumentCandidate;
    render(
      <>
        <VehicleCandidates candidates={[vehicle]} />
        <DocumentCandidates candidates={[doc]} />
      </>,
    );
    for (const text of [PLATE, 'VF1RFB00X56789012', 'AB123456']) {
      const el = screen.getByText(text);
      expect(el.tagName).toBe('BDO');
      expect(el.getAttribute('dir')).toBe('ltr');
    }
    expect(screen.getByText(PLATE).closest('td')).toBeTruthy();
  });

  it('gives the time taken with the unit in the desk’s language', async () => {
    await setLanguage('ar');
    render(<ResultHead count={0} alerts={0} tookMs={12} threshold={0.8} />);
    const ms = new Intl.NumberFormat('ar', { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }).format(12);
    expect(screen.getByTestId('took').textContent).toBe(`الرد خلال ${ms}`);
    expect(ms).not.toContain('ms');
  });

  it('tells namesakes apart in every row: dates of birth as recorded, nationalities by name, the owner agency', () => {
    render(<PersonCandidates candidates={namesakes} />);
    const rows = screen.getAllByTestId('candidate');
    // nothing opened: the explanation stays closed
    expect(screen.queryByTestId('explanation')).toBeNull();
    expect(rows.map(factsOf)).toEqual([
      ['1975', 'Morocco, Spain', 'MAR-NCB'],
      ['May 1975', 'Algeria', 'DZA-NCB'],
      ['Apr 12, 1980, between 1968 and 1972', 'not recorded', 'FRA-NCB'],
      ['not recorded', 'Senegal', 'SEN-NCB'],
    ]);
    expect(within(rows[0]).getByTestId('fact-owner').querySelector('bdi')?.getAttribute('dir')).toBe('ltr');
  });

  it('names the countries and months in Arabic on an Arabic desk', async () => {
    await setLanguage('ar');
    render(<PersonCandidates candidates={namesakes.slice(0, 2)} />);
    const rows = screen.getAllByTestId('candidate');
    const [birth, nationality] = factsOf(rows[1]);
    expect(birth).toBe(new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(1975, 4, 1))));
    expect(nationality).toBe(new Intl.DisplayNames('ar', { type: 'region' }).of('DZ'));
    expect(factsOf(rows[0])[1]).toBe(['MA', 'ES'].map((c) => new Intl.DisplayNames('ar', { type: 'region' }).of(c)).join('، '));
    expect(within(rows[0]).getByTestId('fact-nationality').querySelector('dt')?.textContent).toBe('الجنسية:');
  });
});
