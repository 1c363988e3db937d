import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatNumber } from '../../i18n/format.ts';
import { i18n, setLanguage } from '../../i18n/index.ts';
import { parsePersons } from './filters.ts';
import { MigrationForm } from './MigrationForm.tsx';

type Call = { method: string; url: string; body: unknown };

/** Answers the case picker with no case and the migration POST with `status` and `answer`, recording each call. */
function mockServer(status = 201, answer: unknown = { id: 'm1', kind: 'departure_prevented', persons: 31 }) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      if (method === 'GET') return new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200, headers: { 'content-type': 'application/json' } });
      const type = status >= 400 ? 'application/problem+json' : 'application/json';
      return new Response(JSON.stringify(answer), { status, headers: { 'content-type': type } });
    }),
  );
  return calls;
}

const input = (name: string) => document.querySelector(`input[name="${name}"]`) as HTMLInputElement;
const region = () => document.querySelector('select[name="region"]') as HTMLSelectElement;
const submit = () => fireEvent.submit(screen.getByTestId('migration-form'));
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

describe('MigrationForm', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('refuses zero persons and a region left empty before sending anything, with the messages in English', () => {
    const calls = mockServer();
    render(<MigrationForm onDone={() => undefined} />);
    fireEvent.change(input('persons'), { target: { value: '0' } });
    submit();
    expect(input('persons').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The number of persons must be from 1 to 100,000.')).toBeTruthy();
    expect(region().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Required.')).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
  });

  it('says it in Arabic, with the bounds in the Arabic locale’s digits', async () => {
    await setLanguage('ar');
    const calls = mockServer();
    render(<MigrationForm onDone={() => undefined} />);
    fireEvent.change(input('persons'), { target: { value: '12 persons' } });
    fireEvent.change(region(), { target: { value: 'MA-02' } });
    submit();
    expect(screen.getByText(i18n.t('facts.migration.form.personsWhole'))).toBeTruthy();
    expect(screen.getByText('اكتب عددًا صحيحًا من الأشخاص، بالأرقام فقط.')).toBeTruthy();
    fireEvent.change(input('persons'), { target: { value: '200000' } });
    const range = `يجب أن يكون عدد الأشخاص من ${formatNumber('ar', 1)} إلى ${formatNumber('ar', 100_000)}.`;
    expect(screen.getByText(range)).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
  });

  it('sends departures prevented with a count typed in Arabic-Indic digits', async () => {
    const calls = mockServer();
    const onDone = vi.fn();
    render(<MigrationForm onDone={onDone} />);
    fireEvent.change(input('persons'), { target: { value: '٣١' } });
    fireEvent.change(region(), { target: { value: 'MA-02' } });
    fireEvent.change(input('occurredOn'), { target: { value: '2026-02-02' } });
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [post] = posts(calls);
    expect(post.url).toBe('/api/v1/migration-events');
    expect(post.body).toEqual({ kind: 'departure_prevented', occurredOn: '2026-02-02', region: 'MA-02', persons: 31 });
    expect(input('persons').value).toBe('');
  });

  it('offers the twelve regions by name in the user’s language, in its alphabetical order, and sends the code chosen', async () => {
    await setLanguage('ar');
    const calls = mockServer();
    const onDone = vi.fn();
    render(<MigrationForm onDone={onDone} />);
    const names = [...region().options].slice(1).map((o) => o.textContent);
    expect(names).toHaveLength(12);
    expect(names).toEqual([...names].sort(new Intl.Collator('ar').compare));
    expect(names).toContain('الدار البيضاء سطات');
    expect(names.some((n) => n?.includes('MA-'))).toBe(false);
    fireEvent.change(input('persons'), { target: { value: '7' } });
    fireEvent.change(region(), { target: { value: 'MA-06' } });
    expect(region().selectedOptions[0].textContent).toBe('الدار البيضاء سطات');
    submit();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posts(calls)[0].body).toMatchObject({ region: 'MA-06', persons: 7 });
  });

  it('shows the server’s refusal by its code, translated, and marks the field it names', async () => {
    mockServer(400, { code: 'validation_failed', title: 'Bad Request', correlationId: 'corr-9', issues: [{ path: 'body/persons', message: 'must be <= 100000' }] });
    render(<MigrationForm onDone={() => undefined} />);
    fireEvent.change(input('persons'), { target: { value: '40' } });
    fireEvent.change(region(), { target: { value: 'MA-02' } });
    submit();
    const alert = await screen.findByTestId('migration-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('Some fields are not valid. Please check them.');
    expect(alert.textContent).toContain('corr-9');
    expect(input('persons').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a date after today, refused by the server, in the user’s language', async () => {
    await setLanguage('fr');
    mockServer(400, { code: 'date_in_future', title: 'Bad Request', correlationId: 'corr-10' });
    render(<MigrationForm onDone={() => undefined} />);
    fireEvent.change(input('persons'), { target: { value: '5' } });
    fireEvent.change(region(), { target: { value: 'MA-09' } });
    submit();
    expect((await screen.findByTestId('migration-error')).textContent).toContain(i18n.t('errors.date_in_future'));
  });
});

describe('parsePersons', () => {
  it('reads Western, Arabic-Indic and Eastern Arabic-Indic digits, and nothing else', () => {
    expect(parsePersons(' 31 ')).toEqual({ persons: 31 });
    expect(parsePersons('١٠٠')).toEqual({ persons: 100 });
    expect(parsePersons('۲۵')).toEqual({ persons: 25 });
    expect(parsePersons('')).toEqual({ problem: 'required' });
    expect(parsePersons('1.5')).toEqual({ problem: 'not_whole' });
    expect(parsePersons('-3')).toEqual({ problem: 'not_whole' });
    expect(parsePersons('0')).toEqual({ problem: 'out_of_range' });
    expect(parsePersons('100001')).toEqual({ problem: 'out_of_range' });
  });
});
