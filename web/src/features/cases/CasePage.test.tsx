import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Arrest, CaseParty, CaseView } from '../../api/cases-types.ts';
import type { Me } from '../../api/types.ts';
import { SessionProvider, useSession } from '../../app/session.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { CasePage } from './CasePage.tsx';
import { resetCatalogue } from './catalogue.ts';

const ME: Me = {
  id: 'u1',
  username: 'analyst',
  displayName: 'Analyste',
  agency: { id: 'a1', code: 'MAR-NCB', country: 'MAR', names: { ar: 'الرباط', fr: 'BCN Rabat', en: 'NCB Rabat', es: 'OCN Rabat' } },
  roles: ['analyst'],
  locale: 'en',
  permissions: ['case.read', 'case.write', 'record.read'],
};
const CASE: CaseView = {
  id: 'c1',
  reference: 'C-2026-000042',
  category: 'drug_trafficking',
  title: 'Go-fast Tanger Med',
  summary: null,
  region: 'Tanger',
  city: null,
  openedOn: '2026-01-10',
  closedOn: null,
  status: 'open',
  ownerAgencyId: 'a1',
  ownerAgencyCode: 'MAR-NCB',
  tlp: 'AMBER',
  restrictedTo: [],
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  version: 3,
};
const party = (id: string, role: string, extra: Partial<CaseParty> = {}): CaseParty => ({
  id,
  kind: 'person',
  recordId: 'r-karim',
  displayName: 'Karim Benali',
  value: null,
  role,
  createdAt: '2026-01-10T09:00:00.000Z',
  ...extra,
});
// a suspect, then arrested: the server keeps a party row for each role
const PARTIES: CaseParty[] = [party('p1', 'suspect'), party('p2', 'arrested'), party('p3', 'used_in', { kind: 'phone', recordId: null, displayName: null, value: '+212661234567' })];
const ARREST: Arrest = {
  id: 'a-1',
  caseId: 'c1',
  personRecordId: 'r-karim',
  arrestedOn: '2026-02-01',
  region: 'Tanger',
  city: null,
  place: null,
  agencyId: 'a1',
  nationality: 'MAR',
  foreignNational: false,
  internationalWarrant: false,
  createdAt: '2026-02-01T09:00:00.000Z',
};

function server() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const json = (v: unknown) => new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
      const path = url.split('?')[0];
      if (path === '/api/v1/auth/me') return json({ user: ME, csrfToken: 'c' });
      if (path === '/api/v1/cases/c1') return json(CASE);
      if (path === '/api/v1/cases/c1/parties') return json({ items: PARTIES });
      if (path === '/api/v1/cases/c1/arrests') return json({ items: [ARREST], nextCursor: null });
      if (path === '/api/v1/cases/c1/seizures') return json({ items: [], nextCursor: null });
      if (path.startsWith('/api/v1/catalogue/')) return json({ items: [] });
      return new Response(JSON.stringify({ code: 'not_found' }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    }),
  );
}

function Page() {
  const { state } = useSession();
  return state.status === 'authenticated' ? <CasePage id="c1" /> : null;
}

describe('CasePage parties', () => {
  beforeEach(async () => {
    resetCatalogue();
    await setLanguage('en');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows a suspect who was arrested once, with both roles, and offers them once for an arrest', async () => {
    server();
    render(
      <SessionProvider>
        <Page />
      </SessionProvider>,
    );
    await waitFor(() => expect(screen.getAllByTestId('party-record').length).toBeGreaterThan(0));
    const parties = screen.getByRole('region', { name: 'Persons and items involved' });
    const karim = within(parties).getAllByText('Karim Benali');
    expect(karim).toHaveLength(1);
    const roles = within(parties).getAllByTestId('party-roles');
    expect(roles.map((r) => r.getAttribute('data-roles'))).toEqual(['suspect arrested', 'used_in']);
    expect(roles[0].textContent).toBe(new Intl.ListFormat('en', { style: 'narrow', type: 'unit' }).format(['Suspect', 'Arrested']));
    // the arrest names the person; the arrest form offers them once
    const arrestCells = [...screen.getByTestId('arrests').querySelectorAll('table td')].filter((td) => td.textContent === 'Karim Benali');
    expect(arrestCells).toHaveLength(1);
    const options = [...(document.querySelector('select[name="arrestPerson"]') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options.filter((o) => o === 'Karim Benali')).toHaveLength(1);
  });
});
