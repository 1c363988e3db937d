import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GangView } from '../../api/cases-types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { GangMembers } from './GangMembers.tsx';

const LEADER = { personRecordId: 'p1', displayName: 'Karim Benali', role: 'leader', arrestedOn: null, arrestId: null };
const COURIER = { personRecordId: 'p2', displayName: 'Youssef Amrani', role: 'courier', arrestedOn: null, arrestId: null };
const GANG: GangView = {
  id: 'g1',
  name: 'Réseau du détroit',
  kind: 'smuggling_network',
  status: 'active',
  dismantledOn: null,
  region: 'Tanger',
  caseId: null,
  groupRecordId: null,
  ownerAgencyId: 'a1',
  ownerAgencyCode: 'MA-DGSN',
  tlp: 'AMBER',
  restrictedTo: [],
  memberCount: 2,
  arrestedCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 3,
  members: [LEADER, COURIER],
};

type Call = { method: string; url: string; body: unknown };

/** DELETE answers 204; the gang read after it has only the leader. */
function mockServer() {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      if (method === 'DELETE') return new Response(null, { status: 204 });
      return new Response(JSON.stringify({ ...GANG, version: 4, memberCount: 1, members: [LEADER] }), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

describe('GangMembers', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows each member’s role in the user’s language', async () => {
    await setLanguage('es');
    render(<GangMembers gang={GANG} editable={false} onChange={() => undefined} />);
    expect(screen.getAllByTestId('member-role').map((r) => r.textContent)).toEqual(['Cabecilla', 'Correo']);
    expect(screen.queryByTestId('remove-member')).toBeNull();
    expect(screen.queryByTestId('member-picker')).toBeNull();
  });

  it('removes a member only once the removal is confirmed, then shows the gang read again', async () => {
    const calls = mockServer();
    const onChange = vi.fn();
    render(<GangMembers gang={GANG} editable onChange={onChange} />);
    const row = screen.getByText('Youssef Amrani').closest('tr')!;
    fireEvent.click(within(row).getByTestId('remove-member'));
    expect(within(row).getByTestId('confirm-remove').textContent).toContain('Remove \u2068Youssef Amrani\u2069 from the gang?');
    expect(calls).toEqual([]);
    fireEvent.click(within(row).getByText('Keep'));
    expect(within(row).queryByTestId('confirm-remove')).toBeNull();
    fireEvent.click(within(row).getByTestId('remove-member'));
    fireEvent.click(within(row).getByTestId('confirm-remove-member'));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ version: 4, members: [LEADER] })));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['DELETE /api/v1/gangs/g1/members/p2', 'GET /api/v1/gangs/g1']);
  });

  it('shows the date of birth, nationality and owner of each person found, so the member added is the right namesake', async () => {
    const found = [
      { id: 'p7', kind: 'person', displayName: 'Karim Benali', ownerAgencyCode: 'MAR-NCB', tlp: 'AMBER', reviewDate: '2030-01-01', expired: false, updatedAt: '2026-01-01T00:00:00.000Z', birthDates: ['1981'], nationalities: ['MAR'] },
      { id: 'p8', kind: 'person', displayName: 'Karim Benali', ownerAgencyCode: 'ESP-NCB', tlp: 'AMBER', reviewDate: '2030-01-01', expired: false, updatedAt: '2026-01-01T00:00:00.000Z', birthDates: ['1994-07'], nationalities: ['ESP'] },
    ];
    const calls: Call[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined });
        const body = url.startsWith('/api/v1/records') ? { items: found, nextCursor: null } : { ...GANG, version: 4 };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    render(<GangMembers gang={GANG} editable onChange={() => undefined} />);
    const picker = screen.getByTestId('member-picker');
    fireEvent.change(picker.querySelector('input[name="partySearch"]')!, { target: { value: 'Karim Benali' } });
    fireEvent.click(within(picker).getByTestId('party-search'));
    const rows = await within(picker).findAllByTestId('party-result');
    expect(rows.map((r) => [...r.querySelectorAll('[data-testid="person-facts"] dd')].map((d) => d.textContent))).toEqual([
      ['1981', 'Morocco', 'MAR-NCB'],
      ['July 1994', 'Spain', 'ESP-NCB'],
    ]);
    fireEvent.click(within(rows[1]).getByTestId('party-pick'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ members: [{ personRecordId: 'p8', role: 'member' }] });
  });
});
