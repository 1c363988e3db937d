import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types.ts';
import { SessionProvider, useSession } from '../../app/session.tsx';
import type { Decision } from './federation-api.ts';
import { WhoReceives, type WhoReceivesProps } from './WhoReceives.tsx';

const officer = (permissions: string[], locale: Me['locale'] = 'en'): Me => ({
  id: 'u1',
  username: 'ncb',
  displayName: 'NCB officer',
  agency: { id: 'hub', code: 'MAR-NCB', country: 'MAR', names: { ar: 'المكتب المركزي الوطني', en: 'NCB Rabat', es: 'OCN Rabat', fr: 'BCN Rabat' } },
  roles: ['ncb_officer'],
  locale,
  permissions,
});

const DECISIONS: Decision[] = [
  { partner: 'ESP', names: { en: 'Spain', es: 'España', ar: 'إسبانيا' }, receives: false, clause: null, reason: 'handling_exceeds_agreement', detail: 'TLP:RED is above TLP:AMBER' },
  { partner: 'SEN', names: { en: 'Senegal', fr: 'Sénégal' }, receives: true, clause: 'Art. 4(2) MAR–SEN 2024', reason: null, detail: null },
];

function server(me: Me) {
  const previews: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const json = (v: unknown) => new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url === '/api/v1/auth/me') return json({ user: me, csrfToken: 'c' });
      if (url === '/api/v1/federation/preview') {
        previews.push(JSON.parse(String(init.body)));
        return json({ items: DECISIONS });
      }
      return new Response(JSON.stringify({ code: 'not_found' }), { status: 404 });
    }),
  );
  return previews;
}

function Desk(props: WhoReceivesProps) {
  const { state } = useSession();
  return state.status === 'authenticated' ? <WhoReceives {...props} /> : <p data-testid="loading-session" />;
}

describe('WhoReceives', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks the server about the item and lists who will receive it under which clause, and who will not and why', async () => {
    const previews = server(officer(['notice.write', 'federation.read']));
    render(
      <SessionProvider>
        <Desk category="notice.red" tlp="RED" restrictedTo={['SEN-NCB', 'SEN-NCB']} />
      </SessionProvider>,
    );
    const yes = await screen.findByTestId('who-receives-yes');
    expect(previews).toEqual([{ category: 'notice.red', tlp: 'RED', restrictedTo: ['SEN-NCB'] }]);
    const sen = within(yes).getByText('SEN').closest('li')!;
    expect(sen.textContent).toContain('Senegal');
    expect(sen.textContent).toContain('under Art. 4(2) MAR–SEN 2024');
    // a node id and a clause keep their order in any page direction
    expect(within(yes).getByText('SEN').closest('bdo')?.getAttribute('dir')).toBe('ltr');
    const esp = within(screen.getByTestId('who-receives-no')).getByText('ESP').closest('li')!;
    expect(within(esp).getByTestId('reason').getAttribute('data-reason')).toBe('handling_exceeds_agreement');
    expect(esp.textContent).toContain('The handling code is above what the agreement covers');
    expect(esp.getAttribute('title')).toBe('TLP:RED is above TLP:AMBER');
  });

  it('names the partners and the reasons in Arabic', async () => {
    server(officer(['federation.read'], 'ar'));
    render(
      <SessionProvider>
        <Desk category="person" tlp="AMBER" restrictedTo={[]} />
      </SessionProvider>,
    );
    const no = await screen.findByTestId('who-receives-no');
    expect(no.textContent).toContain('إسبانيا');
    expect(no.textContent).toContain('رمز التداول أعلى مما يشمله الاتفاق');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('من سيتلقى هذا العنصر');
  });

  it('shows nothing, and asks nothing, to a user who may not read the federation set-up', async () => {
    const previews = server(officer(['record.read', 'record.create']));
    const { container } = render(
      <SessionProvider>
        <Desk category="person" tlp="GREEN" restrictedTo={[]} />
      </SessionProvider>,
    );
    await waitFor(() => expect(screen.queryByTestId('loading-session')).toBeNull());
    await new Promise((r) => setTimeout(r, 400));
    expect(container.textContent).toBe('');
    expect(previews).toEqual([]);
  });
});
