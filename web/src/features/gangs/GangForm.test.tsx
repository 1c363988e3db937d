import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/index.ts';
import { GangForm } from './GangForm.tsx';

type Call = { method: string; url: string; body: unknown };

const OWN_CASE = { id: 'c0ffee00-0000-4000-8000-000000000001', reference: 'C-2026-000042', title: 'Go-fast Tanger Med' };
const PERSON = { id: 'a11ce000-0000-4000-8000-000000000002', kind: 'person', displayName: 'Karim Benali' };

/**
 * A node answering the calls the form makes: its own open cases, a records search, and the
 * POST /gangs with `gangAnswer` (a status and a JSON body). Every call is recorded.
 */
function mockServer(gangStatus = 201, gangAnswer: unknown = { id: 'g1', name: 'Réseau du détroit' }) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
      if (url.startsWith('/api/v1/cases?')) return json(200, { items: [OWN_CASE], nextCursor: null });
      if (url.startsWith('/api/v1/records?')) return json(200, { items: [PERSON], nextCursor: null });
      if (method === 'POST' && url === '/api/v1/gangs') return json(gangStatus, gangAnswer);
      return json(404, { code: 'not_found' });
    }),
  );
  return calls;
}

const field = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;
const posts = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
const submit = () => fireEvent.submit(screen.getByTestId('gang-form'));

describe('GangForm', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('refuses an empty gang with the messages in French, sending nothing', async () => {
    await setLanguage('fr');
    const calls = mockServer();
    render(<GangForm onCancel={() => undefined} onSaved={() => undefined} />);
    submit();
    expect(field('gangName').getAttribute('aria-invalid')).toBe('true');
    expect(field('gangKind').getAttribute('aria-invalid')).toBe('true');
    expect(field('gangRegion').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Obligatoire.')).toHaveLength(2);
    expect(screen.getByText('Choisissez un type dans la liste.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(field('gangName')));
    expect(posts(calls)).toEqual([]);
  });

  it('refuses a name longer than the server takes, saying so in Arabic with Arabic digits', async () => {
    await setLanguage('ar');
    const calls = mockServer();
    render(<GangForm onCancel={() => undefined} onSaved={() => undefined} />);
    fireEvent.change(field('gangName'), { target: { value: 'ش'.repeat(201) } });
    fireEvent.change(field('gangKind'), { target: { value: 'criminal_gang' } });
    fireEvent.change(field('gangRegion'), { target: { value: 'MA-01' } });
    submit();
    expect(screen.getByText(`${new Intl.NumberFormat('ar').format(200)} حرف على الأكثر.`)).toBeTruthy();
    expect(field('gangRegion').getAttribute('aria-invalid')).toBeNull();
    expect(posts(calls)).toEqual([]);
  });

  it('sends the gang with its case and a member found in the records with their role, then hands over the saved gang', async () => {
    const calls = mockServer();
    const onSaved = vi.fn();
    render(<GangForm caseId={OWN_CASE.id} onCancel={() => undefined} onSaved={onSaved} />);
    await screen.findByText(`${OWN_CASE.reference} · ${OWN_CASE.title}`);
    expect(field('gangCase').value).toBe(OWN_CASE.id);
    fireEvent.change(field('gangName'), { target: { value: '  Réseau du détroit ' } });
    fireEvent.change(field('gangKind'), { target: { value: 'smuggling_network' } });
    fireEvent.change(field('gangRegion'), { target: { value: 'MA-01' } });
    const members = screen.getByTestId('gang-member-picker');
    fireEvent.change(members.querySelector('select[name="partyRole"]')!, { target: { value: 'leader' } });
    fireEvent.change(members.querySelector('input[name="partySearch"]')!, { target: { value: 'Karim' } });
    fireEvent.click(members.querySelector('[data-testid="party-search"]')!);
    await waitFor(() => expect(members.querySelector('[data-testid="party-pick"]')).not.toBeNull());
    fireEvent.click(members.querySelector('[data-testid="party-pick"]')!);
    const picked = screen.getByTestId('picked-member');
    expect(picked.textContent).toContain('Karim Benali');
    expect(picked.textContent).toContain('Leader');
    submit();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: 'g1', name: 'Réseau du détroit' }));
    expect(posts(calls)).toEqual([
      {
        method: 'POST',
        url: '/api/v1/gangs',
        body: {
          name: 'Réseau du détroit',
          kind: 'smuggling_network',
          region: 'MA-01',
          caseId: OWN_CASE.id,
          members: [{ personRecordId: PERSON.id, role: 'leader' }],
          handling: { tlp: 'AMBER' },
        },
      },
    ]);
  });

  it('shows the server’s refusal translated and stays on the form', async () => {
    mockServer(403, { code: 'case_not_owner', title: 'Forbidden', correlationId: 'corr-9' });
    const onSaved = vi.fn();
    render(<GangForm onCancel={() => undefined} onSaved={onSaved} />);
    fireEvent.change(field('gangName'), { target: { value: 'Cellule X' } });
    fireEvent.change(field('gangKind'), { target: { value: 'terrorist_cell' } });
    fireEvent.change(field('gangRegion'), { target: { value: 'MA-02' } });
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Only the owner agency may change this case.');
    expect(alert.textContent).toContain('corr-9');
    expect(alert.textContent).not.toContain('Forbidden');
    expect(onSaved).not.toHaveBeenCalled();
    expect((screen.getByTestId('save-gang') as HTMLButtonElement).disabled).toBe(false);
  });
});
