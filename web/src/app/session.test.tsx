import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locale, Me } from '../api/types.ts';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { i18n, setLanguage } from '../i18n/index.ts';
import { SessionProvider, useSession } from './session.tsx';

const me = (locale: Locale): Me => ({
  id: 'u1',
  username: 'officer',
  displayName: 'Officer',
  agency: { id: 'a1', code: 'MAR-NCB', country: 'MAR', names: { ar: 'المكتب المركزي الوطني الرباط', en: 'NCB Rabat', es: 'OCN Rabat', fr: 'BCN Rabat' } },
  roles: ['ncb_officer'],
  locale,
  permissions: ['record.read'],
});

/** The auth endpoints: nobody logged in, a login answering a profile in French, the locale saved as asked. */
function authServer(profile: Locale = 'fr', { localeFails = false } = {}) {
  const sent: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      sent.push({ method: String(init.method), url, body });
      const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'content-type': 'application/json' } });
      if (url === '/api/v1/auth/me') return json({ code: 'unauthenticated' }, 401);
      if (url === '/api/v1/auth/login') return json({ user: me(profile), csrfToken: 'c1' });
      if (url === '/api/v1/auth/me/locale') return localeFails ? json({ code: 'internal' }, 500) : json({ user: me(body.locale), csrfToken: 'c2' });
      return json({ code: 'not_found' }, 404);
    }),
  );
  return sent;
}

function Desk() {
  const { state } = useSession();
  if (state.status === 'loading') return null;
  if (state.status === 'anonymous') return <LoginPage />;
  return <p data-testid="in">{state.me.locale}</p>;
}

const logIn = () => {
  fireEvent.change(document.querySelector('[name="username"]')!, { target: { value: 'officer' } });
  fireEvent.change(document.querySelector('[name="password"]')!, { target: { value: 'secret' } });
  fireEvent.submit(document.querySelector('form')!);
};

describe('SessionProvider', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('keeps the language picked on the login page after login, and saves it to the profile', async () => {
    const sent = authServer('fr');
    render(
      <SessionProvider>
        <Desk />
      </SessionProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'العربية' }));
    await waitFor(() => expect(i18n.language).toBe('ar'));
    logIn();
    expect((await screen.findByTestId('in')).textContent).toBe('ar');
    expect(i18n.language).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    const put = sent.find((s) => s.url === '/api/v1/auth/me/locale');
    expect(put).toEqual({ method: 'PUT', url: '/api/v1/auth/me/locale', body: { locale: 'ar' } });
  });

  it('takes the profile’s language when none was picked on the login page', async () => {
    const sent = authServer('fr');
    render(
      <SessionProvider>
        <Desk />
      </SessionProvider>,
    );
    await screen.findByRole('button', { name: 'العربية' });
    logIn();
    expect((await screen.findByTestId('in')).textContent).toBe('fr');
    expect(i18n.language).toBe('fr');
    expect(sent.some((s) => s.url === '/api/v1/auth/me/locale')).toBe(false);
  });

  it('keeps the choice for the session even when the profile cannot be updated', async () => {
    authServer('fr', { localeFails: true });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <SessionProvider>
        <Desk />
      </SessionProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Español' }));
    logIn();
    expect((await screen.findByTestId('in')).textContent).toBe('es');
    expect(i18n.language).toBe('es');
    expect(error).toHaveBeenCalled();
  });
});
