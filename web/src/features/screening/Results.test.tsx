import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentCandidate, VehicleCandidate } from '../../api/types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { DocumentCandidates, ResultHead, VehicleCandidates } from './Results.tsx';

const PLATE = '80624-و-11';

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
});
