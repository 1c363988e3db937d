import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordSummary } from '../../api/types.ts';
import { parseHash } from '../../app/router.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { RecordsPage } from './RecordsPage.tsx';

const PLATE = '80624-و-11';
const row = (over: Partial<RecordSummary>): RecordSummary => ({
  id: '0190f5e2-7c1a-7b3e-9d4f-a1b2c3d4e5f6',
  kind: 'vehicle',
  originNode: null,
  displayName: PLATE,
  ownerAgencyCode: 'MAR-DGSN',
  tlp: 'AMBER',
  reviewDate: '2027-01-01',
  expired: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

function serve(items: RecordSummary[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ items, nextCursor: null }), { status: 200, headers: { 'content-type': 'application/json' } })),
  );
}

describe('RecordsPage', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  for (const lang of ['ar', 'fr', 'en', 'es'] as const) {
    it(`shows a Moroccan plate left to right in logical order, as on the plate (${lang})`, async () => {
      await setLanguage(lang);
      serve([
        row({}),
        row({ id: 'd1', kind: 'document', displayName: 'AB-123456-ب' }),
        row({ id: 'p1', kind: 'person', displayName: 'محمد بن علي' }),
      ]);
      render(<RecordsPage route={parseHash('#/records')} />);
      const plate = await screen.findByText(PLATE);
      // a <bdo dir="ltr">: overridden to left to right, not ordered round its Arabic letter
      expect(plate.tagName).toBe('BDO');
      expect(plate.getAttribute('dir')).toBe('ltr');
      expect(plate.classList.contains('ident')).toBe(true);
      expect(plate.textContent).toBe(PLATE);
      const doc = screen.getByText('AB-123456-ب');
      expect(doc.tagName).toBe('BDO');
      expect(doc.getAttribute('dir')).toBe('ltr');
      // a name keeps its own direction
      const name = screen.getByText('محمد بن علي');
      expect(name.tagName).toBe('BDI');
      expect(name.getAttribute('dir')).toBe('auto');
    });
  }
});
