import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Substance } from '../../api/cases-types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { SeizureForm } from './SeizureForm.tsx';
import { toBaseUnits } from './units.ts';

const SUBSTANCES: Substance[] = [
  { code: 'cannabis_resin', measure: 'mass', builtin: true, labels: { ar: 'راتنج القنب', fr: 'Résine de cannabis', en: 'Cannabis resin', es: 'Resina de cannabis' } },
  { code: 'psychotropic_pills', measure: 'count', builtin: true, labels: { ar: 'أقراص', fr: 'Comprimés psychotropes', en: 'Psychotropic pills', es: 'Pastillas' } },
  { code: 'cash', measure: 'money', builtin: true, labels: { ar: 'نقود', fr: 'Argent liquide', en: 'Cash', es: 'Efectivo' } },
];

type Call = { url: string; body: unknown };

/** Answers the seizure POST with `answer` (a status and a JSON body), recording each call. */
function mockServer(status = 201, answer: unknown = { id: 's1' }) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      const type = status >= 400 ? 'application/problem+json' : 'application/json';
      return new Response(JSON.stringify(answer), { status, headers: { 'content-type': type } });
    }),
  );
  return calls;
}

const select = (name: string) => document.querySelector(`select[name="${name}"]`) as HTMLSelectElement;
const input = (name: string) => document.querySelector(`input[name="${name}"]`) as HTMLInputElement;
const unitOptions = () => [...select('unit').options].map((o) => o.value);
const submit = () => fireEvent.submit(screen.getByTestId('seizure-form'));

describe('SeizureForm', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('offers t, kg and g for a mass, only items for a count and a currency for money', () => {
    render(<SeizureForm caseId="c1" substances={SUBSTANCES} region="Tanger-Tétouan-Al Hoceïma" onDone={() => undefined} />);
    expect(select('unit').disabled).toBe(true);
    fireEvent.change(select('substance'), { target: { value: 'cannabis_resin' } });
    expect(unitOptions()).toEqual(['t', 'kg', 'g']);
    expect(select('unit').value).toBe('kg');
    fireEvent.change(select('unit'), { target: { value: 't' } });
    fireEvent.change(select('substance'), { target: { value: 'psychotropic_pills' } });
    expect(unitOptions()).toEqual(['items']);
    expect(select('unit').value).toBe('items');
    fireEvent.change(select('substance'), { target: { value: 'cash' } });
    expect(document.querySelector('select[name="unit"]')).toBeNull();
    expect(input('currency').value).toBe('MAD');
  });

  it('shows the exact base quantity and sends 1.5 t as typed, with its unit', async () => {
    const calls = mockServer();
    const onDone = vi.fn();
    render(<SeizureForm caseId="c1" substances={SUBSTANCES} region="Tanger" onDone={onDone} />);
    fireEvent.change(select('substance'), { target: { value: 'cannabis_resin' } });
    fireEvent.change(select('unit'), { target: { value: 't' } });
    fireEvent.change(input('quantity'), { target: { value: '1,5' } });
    expect(screen.getByText('Recorded as 1,500,000 g')).toBeTruthy();
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/api/v1/cases/c1/seizures');
    expect(calls[0].body).toMatchObject({ substance: 'cannabis_resin', quantity: { value: '1.5', unit: 't' }, region: 'Tanger' });
  });

  it('refuses half a pill before sending anything', () => {
    const calls = mockServer();
    render(<SeizureForm caseId="c1" substances={SUBSTANCES} region="Tanger" onDone={() => undefined} />);
    fireEvent.change(select('substance'), { target: { value: 'psychotropic_pills' } });
    fireEvent.change(input('quantity'), { target: { value: '2.5' } });
    submit();
    expect(input('quantity').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('More precise than the unit allows (a gram, an item, a cent).')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('shows the server’s unit_mismatch on the unit field and as an alert', async () => {
    mockServer(400, { code: 'unit_mismatch', title: 'Bad Request', detail: 'The unit t does not measure a count', correlationId: 'corr-7' });
    render(<SeizureForm caseId="c1" substances={SUBSTANCES} region="Tanger" onDone={() => undefined} />);
    fireEvent.change(select('substance'), { target: { value: 'cannabis_resin' } });
    fireEvent.change(input('quantity'), { target: { value: '12' } });
    submit();
    const alert = await screen.findByTestId('unit-mismatch');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('This unit does not fit the substance');
    expect(select('unit').getAttribute('aria-invalid')).toBe('true');
  });

  it('converts exactly, reading Arabic-Indic digits and the Arabic decimal separator', () => {
    expect(toBaseUnits('١٢٣٫٩٧', 6)).toEqual({ base: 123_970_000n, value: '123.97' });
    expect(toBaseUnits('0.0004', 3)).toEqual({ problem: 'too_precise' });
    expect(toBaseUnits('0', 0)).toEqual({ problem: 'not_positive' });
    expect(toBaseUnits('1e3', 0)).toEqual({ problem: 'not_a_number' });
  });
});
