import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '../../api/cases-types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { CaseEditForm } from './CaseEditForm.tsx';

const CASE: CaseView = {
  id: 'c1',
  reference: 'C-2026-000042',
  category: 'drug_trafficking',
  title: 'Go-fast',
  summary: null,
  region: 'Port de Tanger Med',
  city: null,
  openedOn: '2020-01-10',
  closedOn: null,
  status: 'open',
  ownerAgencyId: 'a1',
  ownerAgencyCode: 'MAR-NCB',
  tlp: 'AMBER',
  restrictedTo: [],
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  version: 5,
};
const CATEGORIES = [{ code: 'drug_trafficking', labels: { ar: 'الاتجار في المخدرات', fr: 'Trafic de stupéfiants', en: 'Drug trafficking', es: 'Narcotráfico' }, builtin: true }];

type Call = { method: string; url: string; body: unknown };
function mockServer() {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', url, body });
      return new Response(JSON.stringify({ ...CASE, ...body, version: 6 }), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

const region = () => document.querySelector('select[name="region"]') as HTMLSelectElement;
const submit = () => fireEvent.submit(screen.getByTestId('case-edit-form'));

describe('CaseEditForm region', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('keeps a region typed before the catalogue when another field is edited, and never sends it back', async () => {
    const calls = mockServer();
    const onDone = vi.fn();
    render(<CaseEditForm c={CASE} categories={CATEGORIES} onDone={onDone} onCancel={() => undefined} />);
    expect(region().value).toBe('Port de Tanger Med');
    expect(region().selectedOptions[0].textContent).toBe('\u2068Port de Tanger Med\u2069 (as typed)');
    fireEvent.change(document.querySelector('input[name="title"]')!, { target: { value: 'Go-fast II' } });
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls[0].body).toEqual({ version: 5, title: 'Go-fast II' });
  });

  it('sends the code of the region chosen from the list, named in Spanish', async () => {
    await setLanguage('es');
    const calls = mockServer();
    const onDone = vi.fn();
    render(<CaseEditForm c={CASE} categories={CATEGORIES} onDone={onDone} onCancel={() => undefined} />);
    const option = [...region().options].find((o) => o.textContent === 'Tánger-Tetuán-Alhucemas')!;
    fireEvent.change(region(), { target: { value: option.value } });
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({ method: 'PATCH', url: '/api/v1/cases/c1', body: { version: 5, region: 'MA-01' } });
  });
});
