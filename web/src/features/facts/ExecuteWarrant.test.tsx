import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/index.ts';
import { ExecuteWarrant } from './ExecuteWarrant.tsx';
import type { Warrant } from './facts-api.ts';

const WARRANT: Warrant = {
  id: '0190a3c4-0000-7000-8000-000000000001',
  scope: 'international',
  issuedOn: '2026-01-20',
  executedOn: null,
  issuingAuthority: 'Parquet général de Rabat',
  caseId: null,
  personRecordId: null,
  personDisplayName: null,
  agencyId: 'a1',
  createdAt: '2026-01-20T10:00:00.000Z',
};

function mockServer(status: number, answer: unknown) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      return new Response(JSON.stringify(answer), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
    }),
  );
  return calls;
}

const date = () => document.querySelector('input[name="executedOn"]') as HTMLInputElement;
const open = () => fireEvent.click(screen.getByTestId('execute-open'));
const submit = () => fireEvent.submit(screen.getByTestId('execute-form'));

describe('ExecuteWarrant', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('refuses an execution before the day the warrant was issued, without asking the server', async () => {
    await setLanguage('es');
    const calls = mockServer(200, {});
    render(<ExecuteWarrant warrant={WARRANT} onDone={() => undefined} />);
    open();
    fireEvent.change(date(), { target: { value: '2026-01-19' } });
    submit();
    expect(date().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Una orden no puede ejecutarse antes del día en que se dictó.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('posts the day and hands back the executed warrant', async () => {
    const calls = mockServer(200, { ...WARRANT, executedOn: '2026-02-01' });
    const onDone = vi.fn();
    render(<ExecuteWarrant warrant={WARRANT} onDone={onDone} />);
    open();
    fireEvent.change(date(), { target: { value: '2026-02-01' } });
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ executedOn: '2026-02-01' })));
    expect(calls).toEqual([{ url: `/api/v1/warrants/${WARRANT.id}/execute`, body: { executedOn: '2026-02-01' } }]);
  });

  it('translates the server’s warrant_already_executed (another officer was quicker)', async () => {
    mockServer(409, { code: 'warrant_already_executed', title: 'Conflict', correlationId: 'corr-3' });
    render(<ExecuteWarrant warrant={WARRANT} onDone={() => undefined} />);
    open();
    fireEvent.change(date(), { target: { value: '2026-02-01' } });
    submit();
    const alert = await screen.findByTestId('execute-error');
    expect(alert.getAttribute('data-code')).toBe('warrant_already_executed');
    expect(alert.textContent).toContain('This warrant is already marked executed. Reload the list.');
  });
});
