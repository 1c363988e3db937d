import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, onSessionLost, PURPOSE, purposeHeader, setCsrfToken } from './client.ts';

function mockFetch(status: number, body: unknown, contentType = 'application/json') {
  const fn = vi.fn(async (_url: string, _init: RequestInit) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': contentType } }),
  );
  vi.stubGlobal('fetch', fn);
  return fn;
}
const headersOf = (fn: ReturnType<typeof mockFetch>, call = 0) => fn.mock.calls[call][1].headers as Record<string, string>;

describe('api client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    onSessionLost(null);
    document.cookie = 'ribat_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('sends the CSRF token on writes, from the cookie first', async () => {
    const fn = mockFetch(200, { user: {}, csrfToken: 'n' });
    setCsrfToken('from-login');
    await api.setLocale('ar');
    expect(headersOf(fn)['x-csrf-token']).toBe('from-login');
    document.cookie = 'ribat_csrf=from-cookie';
    await api.setLocale('fr');
    expect(headersOf(fn, 1)['x-csrf-token']).toBe('from-cookie');
    expect(fn.mock.calls[1][1].method).toBe('PUT');
    expect(fn.mock.calls[1][1].body).toBe('{"locale":"fr"}');
  });

  it('states the purpose on reads of personal data, and builds the query without empty values', async () => {
    const fn = mockFetch(200, { items: [], nextCursor: null });
    await api.records({ kind: 'person', q: 'ali', cursor: undefined, limit: 25 });
    expect(fn.mock.calls[0][0]).toBe('/api/v1/records?kind=person&q=ali&limit=25');
    expect(headersOf(fn)['x-purpose']).toBe(PURPOSE);
    expect(headersOf(fn)['x-csrf-token']).toBeUndefined();
  });

  it('turns problem+json into an ApiError with its code and correlation id', async () => {
    mockFetch(403, { type: 'x', title: 'Forbidden', status: 403, code: 'forbidden_handling', correlationId: 'c-1' }, 'application/problem+json');
    const err = await api.record('r1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 403, code: 'forbidden_handling', correlationId: 'c-1' });
  });

  it('reports a lost session on 401 outside the auth endpoints only', async () => {
    const lost = vi.fn();
    onSessionLost(lost);
    mockFetch(401, { code: 'unauthenticated', status: 401 });
    await expect(api.me()).rejects.toBeInstanceOf(ApiError);
    expect(lost).not.toHaveBeenCalled();
    await expect(api.stats()).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('maps a network failure to network_error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.stats()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('screens with the CSRF token and the purpose the officer stated, sent as header-safe text', async () => {
    const fn = mockFetch(200, { tookMs: 1, threshold: 0.8, candidates: [] });
    setCsrfToken('tok');
    await api.screenPerson({ name: 'Ali', birthDate: '1970' }, 'arrivals AT 801');
    expect(fn.mock.calls[0][0]).toBe('/api/v1/screening/persons');
    expect(fn.mock.calls[0][1].method).toBe('POST');
    expect(fn.mock.calls[0][1].body).toBe('{"name":"Ali","birthDate":"1970"}');
    expect(headersOf(fn)['x-csrf-token']).toBe('tok');
    expect(headersOf(fn)['x-purpose']).toBe('arrivals AT 801');
    await api.screenBatch([{ id: '1', name: 'Ali' }], '');
    expect(fn.mock.calls[1][0]).toBe('/api/v1/screening/batch');
    expect(fn.mock.calls[1][1].body).toBe('{"rows":[{"id":"1","name":"Ali"}]}');
    expect(headersOf(fn, 1)['x-purpose']).toBe(PURPOSE);
  });

  it('turns a typed purpose into a header value: Latin-1 as is, Arabic as an RFC 8187 UTF-8 value', () => {
    expect(purposeHeader('  contrôle des arrivées ')).toBe('contrôle des arrivées');
    expect(purposeHeader('')).toBe(PURPOSE);
    expect(purposeHeader('line\nbreak')).toBe('line break');
    expect(purposeHeader('مراقبة')).toBe("UTF-8''%D9%85%D8%B1%D8%A7%D9%82%D8%A8%D8%A9");
    expect(() => new Headers({ 'x-purpose': purposeHeader('مراقبة الحدود') })).not.toThrow();
  });
});
