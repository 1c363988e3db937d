import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '../../api/cases-types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { CaseStatusForm } from './CaseStatusForm.tsx';
import { today } from './dates.ts';

const CASE: CaseView = {
  id: 'c1',
  reference: 'C-2026-000042',
  category: 'drug_trafficking',
  title: 'Go-fast Tanger Med',
  summary: null,
  region: 'Tanger',
  city: null,
  openedOn: '2020-01-10',
  closedOn: null,
  status: 'open',
  ownerAgencyId: 'a1',
  ownerAgencyCode: 'MA-DGSN',
  tlp: 'AMBER',
  restrictedTo: [],
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  version: 5,
};

type Call = { method: string; url: string; body: unknown };

function mockServer(answer: unknown) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

const closedOn = () => document.querySelector('input[name="closedOn"]') as HTMLInputElement;

describe('CaseStatusForm', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('refuses a closing date before the case opened, in Spanish, sending nothing', async () => {
    await setLanguage('es');
    const calls = mockServer({});
    render(<CaseStatusForm c={CASE} onDone={() => undefined} />);
    fireEvent.change(closedOn(), { target: { value: '2020-01-09' } });
    fireEvent.submit(screen.getByTestId('case-close-form'));
    expect(closedOn().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(`No antes de la apertura del caso (${new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2020, 0, 10))}).`)).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('closes the case as solved on the date given, with the version read', async () => {
    const calls = mockServer({ ...CASE, status: 'solved', closedOn: today(), version: 6 });
    const onDone = vi.fn();
    render(<CaseStatusForm c={CASE} onDone={onDone} />);
    expect((document.querySelector('input[value="solved"]') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Closed without being solved'));
    fireEvent.click(screen.getByLabelText('Solved (cleared)'));
    fireEvent.submit(screen.getByTestId('case-close-form'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'solved', version: 6 })));
    expect(calls).toEqual([{ method: 'POST', url: '/api/v1/cases/c1/close', body: { version: 5, status: 'solved', closedOn: today() } }]);
  });

  it('reopens a closed case, removing its closing date', async () => {
    const calls = mockServer({ ...CASE, version: 7 });
    const onDone = vi.fn();
    render(<CaseStatusForm c={{ ...CASE, status: 'closed', closedOn: '2020-02-01', version: 6 }} onDone={onDone} />);
    expect(screen.queryByTestId('case-close-form')).toBeNull();
    fireEvent.click(screen.getByTestId('reopen-case'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls).toEqual([{ method: 'PATCH', url: '/api/v1/cases/c1', body: { version: 6, status: 'open', closedOn: null } }]);
  });
});
