import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PURPOSE } from '../../api/client.ts';
import type { MrzScreeningResult, PersonScreeningResult } from '../../api/types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { CheckPage } from './CheckPage.tsx';
import { candidate } from './fixtures.ts';
import { forgetPurpose } from './purpose.tsx';

type Answer = { status?: number; body: unknown };
function mockFetch(...answers: Answer[]) {
  const fn = vi.fn(async (_url: string, _init: RequestInit) => {
    const a = answers.length > 1 ? answers.shift()! : answers[0];
    return new Response(JSON.stringify(a.body), { status: a.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}
const call = (fn: ReturnType<typeof mockFetch>, i = 0) => ({
  url: fn.mock.calls[i][0],
  method: fn.mock.calls[i][1].method,
  headers: fn.mock.calls[i][1].headers as Record<string, string>,
  body: JSON.parse(String(fn.mock.calls[i][1].body)),
});

const PERSONS: PersonScreeningResult = {
  tookMs: 2.4,
  threshold: 0.8,
  candidates: [candidate(), candidate({ id: 'r2', score: 0.61, alert: false, displayName: 'Mohammed Alami' })],
};

const input = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(input(name), { target: { value } });
const submit = (testId: string) => fireEvent.submit(screen.getByTestId(testId));

describe('CheckPage', () => {
  beforeEach(async () => {
    forgetPurpose();
    sessionStorage.clear();
    await setLanguage('en');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('starts in the name field and checks a person on Enter, showing ranked candidates with ALERT and the time', async () => {
    const fn = mockFetch({ body: PERSONS });
    render(<CheckPage />);
    expect(document.activeElement).toBe(input('name'));
    type('name', '  محمد بن علي ');
    type('birthDate', '1980-04');
    type('nationality', 'MA');
    fireEvent.change(input('gender'), { target: { value: 'male' } });
    submit('person-form');

    await screen.findAllByTestId('candidate');
    expect(call(fn)).toMatchObject({
      url: '/api/v1/screening/persons',
      method: 'POST',
      body: { name: 'محمد بن علي', birthDate: '1980-04', nationality: 'MA', gender: 'male' },
    });
    expect(call(fn).headers['x-purpose']).toBe(PURPOSE);
    const cards = screen.getAllByTestId('candidate');
    expect(cards).toHaveLength(2);
    expect(cards[0].querySelector('[data-testid="alert-badge"]')?.textContent).toBe('ALERT');
    expect(cards[1].querySelector('[data-testid="alert-badge"]')).toBeNull();
    expect(cards[0].querySelector('[data-testid="score"]')?.textContent).toContain('93%');
    expect(cards[0].querySelector('a')?.getAttribute('href')).toBe(`#/records/${PERSONS.candidates[0].id}`);
    expect(cards[0].querySelector('.matched-name')?.getAttribute('dir')).toBe('auto');
    expect(screen.getByTestId('hit-count').textContent).toBe('2 candidates · 1 alert');
    expect(screen.getByTestId('took').textContent).toBe('Answered in 2.4 ms');

    // the explanation opens and closes from its button
    const explain = cards[0].querySelector('[data-testid="explain"]') as HTMLButtonElement;
    expect(explain.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(explain);
    expect(explain.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(explain.getAttribute('aria-controls')!)?.dataset.testid).toBe('explanation');
    fireEvent.click(explain);
    expect(screen.queryByTestId('explanation')).toBeNull();
  });

  it('says "No hit" in green when nothing matches', async () => {
    mockFetch({ body: { tookMs: 1, threshold: 0.8, candidates: [] } });
    render(<CheckPage />);
    type('name', 'Nobody Known');
    // Enter on the gender select checks too
    fireEvent.keyDown(input('gender'), { key: 'Enter' });
    expect((await screen.findByTestId('no-hit')).textContent).toContain('No hit');
    expect(screen.queryByTestId('candidate')).toBeNull();
  });

  it('checks the form before asking: a name is needed and the date must be YYYY, YYYY-MM or YYYY-MM-DD', () => {
    const fn = mockFetch({ body: PERSONS });
    render(<CheckPage />);
    submit('person-form');
    expect(screen.getByText('Enter a name.')).toBeTruthy();
    type('name', 'Ali');
    type('birthDate', '12/04/1980');
    submit('person-form');
    expect(screen.getByText('Write the date as YYYY, YYYY-MM or YYYY-MM-DD.')).toBeTruthy();
    expect(input('birthDate').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input('birthDate'));
    expect(fn).not.toHaveBeenCalled();
  });

  it('sends the purpose the officer typed, remembers it for the session, and encodes Arabic for the header', async () => {
    const fn = mockFetch({ body: PERSONS });
    render(<CheckPage />);
    type('purpose', 'arrivals, flight AT 801');
    type('name', 'Ali');
    submit('person-form');
    await screen.findAllByTestId('candidate');
    expect(call(fn).headers['x-purpose']).toBe('arrivals, flight AT 801');
    expect(sessionStorage.getItem('ribat.screening.purpose')).toBe('arrivals, flight AT 801');

    type('purpose', 'مراقبة الوصول');
    submit('person-form');
    await waitFor(() => expect(fn).toHaveBeenCalledTimes(2));
    const header = call(fn, 1).headers['x-purpose'];
    expect(header).toBe(`UTF-8''${encodeURIComponent('مراقبة الوصول')}`);
    expect(decodeURIComponent(header.slice(7))).toBe('مراقبة الوصول');
  });

  it('switches mode with Alt+1/2/3 (focus on the first field) and with the arrow keys on the tabs', async () => {
    const fn = mockFetch({
      body: { tookMs: 0.8, threshold: 0.8, candidates: [{ id: 'd1', score: 0.9, alert: true, number: 'AB1234567', how: 'ocr', issuingCountry: 'MAR', status: 'stolen', type: 'passport', holder: null }] },
    });
    render(<CheckPage />);
    const tab = (m: string) => document.querySelector(`[role="tab"][data-mode="${m}"]`) as HTMLElement;
    expect(tab('person').getAttribute('aria-keyshortcuts')).toBe('Alt+1');
    expect(tab('person').textContent).toContain('Alt+1');

    act(() => void fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true }));
    expect(tab('document').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(input('number'));
    type('number', 'AB 123 4567');
    submit('document-form');
    await screen.findByTestId('document-candidates');
    expect(call(fn)).toMatchObject({ url: '/api/v1/screening/documents', body: { number: 'AB 123 4567' } });
    expect(screen.getByTestId('document-candidates').textContent).toContain('look-alike characters');
    expect(screen.getByTestId('document-candidates').textContent).toContain('Stolen');

    // Alt+3, typed on an Arabic layout (the key is not "3", the position is)
    act(() => void fireEvent.keyDown(window, { key: '٣', code: 'Digit3', altKey: true }));
    expect(tab('vehicle').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(input('plate'));

    tab('vehicle').focus();
    fireEvent.keyDown(tab('vehicle'), { key: 'ArrowRight' });
    expect(tab('person').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('person'));
    fireEvent.keyDown(tab('person'), { key: 'End' });
    expect(tab('vehicle').getAttribute('aria-selected')).toBe('true');
  });

  it('asks for a plate or a VIN, and shows the VIN check', async () => {
    const fn = mockFetch({ body: { tookMs: 1, threshold: 0.8, candidates: [], vinCheck: 'invalid' } });
    render(<CheckPage />);
    act(() => void fireEvent.keyDown(window, { key: '3', code: 'Digit3', altKey: true }));
    submit('vehicle-form');
    expect(screen.getByText('Enter a plate or a VIN.')).toBeTruthy();
    type('vin', '1M8GDM9AXKP042788');
    submit('vehicle-form');
    expect((await screen.findByTestId('vin-check')).textContent).toBe('VIN check digit wrong');
    expect(call(fn).body).toEqual({ vin: '1M8GDM9AXKP042788' });
    expect(screen.getByTestId('no-hit')).toBeTruthy();
  });

  it('takes a Moroccan plate in a left-to-right field and shows it as on the plate in the results, in Arabic too', async () => {
    await setLanguage('ar');
    const plate = '80624-و-11';
    const fn = mockFetch({
      body: { tookMs: 1, threshold: 0.8, candidates: [{ id: 'v1', score: 1, alert: true, plate, plateCountry: 'MAR', vin: null, how: 'plate_exact', status: 'stolen' }] },
    });
    render(<CheckPage />);
    act(() => void fireEvent.keyDown(window, { key: '3', code: 'Digit3', altKey: true }));
    for (const name of ['plate', 'vin', 'mrz']) {
      expect(input(name).getAttribute('dir')).toBe('ltr');
      expect(input(name).classList.contains('ident-input')).toBe(true);
    }
    type('plate', plate);
    submit('vehicle-form');
    await screen.findByTestId('vehicle-candidates');
    expect(call(fn).body).toEqual({ plate });
    const shown = [...document.querySelectorAll('bdo')].filter((b) => b.textContent === plate);
    // in the results heading and in the table
    expect(shown).toHaveLength(2);
    for (const b of shown) expect(b.getAttribute('dir')).toBe('ltr');
    expect(shown[0].closest('h2')).toBeTruthy();
    expect(shown[1].closest('td')).toBeTruthy();
  });

  it('checks a pasted MRZ on Ctrl+Enter and shows what it read, its problems and the candidates', async () => {
    const answer: MrzScreeningResult = {
      tookMs: 3,
      threshold: 0.8,
      parsed: {
        format: 'TD3',
        valid: false,
        specimen: true,
        problems: [
          { field: 'birthDateCheckDigit', code: 'check_digit_failed', message: 'Invalid check digit' },
          { field: 'weird', code: 'something_new', message: 'Server says so' },
        ],
        holder: { surname: 'ERIKSSON', givenNames: 'ANNA MARIA', name: 'ANNA MARIA ERIKSSON', birthDate: '1974-08-12', nationality: 'UTO', sex: 'female' },
        document: { number: 'L898902C3', issuingCountry: 'UTO', expiryDate: '2012-04-15', type: 'passport' },
      },
      persons: [candidate()],
      documents: [],
    };
    const fn = mockFetch({ body: answer });
    render(<CheckPage />);
    const mrz = input('mrz');
    fireEvent.change(mrz, {
      target: { value: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n\n l898902C36UTO7408122F1204159ZE184226B<<<<<10 \n' },
    });
    fireEvent.keyDown(mrz, { key: 'Enter', ctrlKey: true });
    await screen.findByTestId('mrz-result');
    expect(call(fn)).toMatchObject({
      url: '/api/v1/screening/mrz',
      body: { mrz: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10' },
    });
    expect(screen.getByTestId('mrz-name').textContent).toBe('ANNA MARIA ERIKSSON');
    expect(screen.getByTestId('mrz-number').textContent).toBe('L898902C3');
    expect(screen.getByTestId('mrz-specimen').textContent).toBe('Specimen');
    expect(screen.getByTestId('mrz-invalid')).toBeTruthy();
    const problems = [...screen.getByTestId('mrz-problems').querySelectorAll('li')].map((li) => li.textContent);
    expect(problems).toEqual(['Date of birth: check digit does not match', '\u2068weird\u2069: \u2068Server says so\u2069']);
    expect(screen.getAllByTestId('candidate')).toHaveLength(1);
  });

  it('refuses an MRZ that is not 2 or 3 lines, and shows a server error in the language', async () => {
    const fn = mockFetch({ status: 503, body: { code: 'screening_not_ready', status: 503, title: 'x' } });
    render(<CheckPage />);
    fireEvent.change(input('mrz'), { target: { value: 'P<UTOERIKSSON' } });
    fireEvent.keyDown(input('mrz'), { key: 'Enter', ctrlKey: true });
    expect(screen.getByText('Paste the 2 or 3 lines of the machine-readable zone.')).toBeTruthy();
    expect(fn).not.toHaveBeenCalled();

    await setLanguage('fr');
    type('name', 'Ali');
    submit('person-form');
    expect((await screen.findByRole('alert')).textContent).toContain("l'index est en cours de construction");
  });
});
