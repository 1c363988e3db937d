import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types.ts';
import { parseHash } from '../../app/router.tsx';
import { SessionProvider, useSession } from '../../app/session.tsx';
import { setLanguage } from '../../i18n/index.ts';
import type { Warrant } from './facts-api.ts';
import { WarrantsPage } from './WarrantsPage.tsx';

const ME: Me = {
  id: 'u1',
  username: 'commander',
  displayName: 'Commandant',
  agency: { id: 'a1', code: 'MAR-NCB', country: 'MAR', names: { ar: 'الرباط', fr: 'BCN Rabat', en: 'NCB Rabat', es: 'OCN Rabat' } },
  roles: ['commander'],
  locale: 'en',
  permissions: ['case.read', 'record.read'],
};
const warrant = (id: string, extra: Partial<Warrant>): Warrant => ({
  id,
  scope: 'international',
  issuedOn: '2026-01-20',
  executedOn: null,
  issuingAuthority: 'Parquet général de Rabat',
  caseId: null,
  personRecordId: null,
  personDisplayName: null,
  agencyId: 'a1',
  createdAt: '2026-01-20T10:00:00.000Z',
  ...extra,
});

function server(items: Warrant[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const json = (v: unknown) => new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url === '/api/v1/auth/me') return json({ user: ME, csrfToken: 'c' });
      if (url.startsWith('/api/v1/warrants')) return json({ items, nextCursor: null });
      return new Response(JSON.stringify({ code: 'not_found' }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    }),
  );
}

function Page() {
  const { state } = useSession();
  return state.status === 'authenticated' ? <WarrantsPage route={parseHash('#/warrants')} /> : null;
}

describe('WarrantsPage', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('names the person sought, linking to the record, and shows none when there is no person', async () => {
    server([warrant('w1', { personRecordId: 'r-1', personDisplayName: 'محمد الأمين' }), warrant('w2', {})]);
    render(
      <SessionProvider>
        <Page />
      </SessionProvider>,
    );
    const person = await screen.findByTestId('warrant-person');
    expect(person.textContent).toBe('محمد الأمين');
    expect(person.getAttribute('href')).toBe('#/records/r-1');
    expect(screen.queryByText('Open the record')).toBeNull();
    expect(screen.getAllByTestId('warrant-person')).toHaveLength(1);
  });
});
