import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, onSessionLost, setCsrfToken } from '../api/client.ts';
import type { Locale, Me, SessionResponse } from '../api/types.ts';
import { forgetPurpose } from '../features/screening/purpose.tsx';
import { setLanguage } from '../i18n/index.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired?: boolean }
  | { status: 'authenticated'; me: Me };

export interface Session {
  state: SessionState;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Switches the language; once logged in the server remembers it for the user. */
  changeLocale(locale: Locale): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <SessionProvider>');
  return s;
}

/** The logged-in user, for pages that only render behind the login. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe without a session');
  return state.me;
}

/** The logged-in user when there is one (and a provider): for parts also shown outside the login. */
export function useMaybeMe(): Me | null {
  const s = useContext(SessionContext);
  return s?.state.status === 'authenticated' ? s.state.me : null;
}

export const can = (me: Me, permission: string): boolean => me.permissions.includes(permission);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // the language picked on the login page, before anyone is known: it wins over the profile's
  const pickedBeforeLogin = useRef<Locale | null>(null);

  const accept = useCallback(async (res: SessionResponse) => {
    setCsrfToken(res.csrfToken);
    await setLanguage(res.user.locale);
    setState({ status: 'authenticated', me: res.user });
  }, []);

  useEffect(() => {
    onSessionLost(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: true });
    });
    api.me().then(accept, (e: unknown) => {
      if (!(e instanceof ApiError && e.status === 401)) console.error('session check failed', e);
      setState({ status: 'anonymous' });
    });
    return () => onSessionLost(null);
  }, [accept]);

  const login = useCallback(
    async (username: string, password: string) => {
      let res = await api.login(username, password);
      const picked = pickedBeforeLogin.current;
      pickedBeforeLogin.current = null;
      if (picked && picked !== res.user.locale) {
        // the user chose a language on the login page: keep it, and make it the profile's
        setCsrfToken(res.csrfToken);
        try {
          res = await api.setLocale(picked);
        } catch (e) {
          // not saved (the server will offer the old one next time), but this session keeps the choice
          console.error('saving the language chosen at login failed', e);
          res = { ...res, user: { ...res.user, locale: picked } };
        }
      }
      await accept(res);
    },
    [accept],
  );

  const logout = useCallback(async () => {
    pickedBeforeLogin.current = null;
    try {
      await api.logout();
    } finally {
      setCsrfToken(null);
      forgetPurpose();
      setState({ status: 'anonymous' });
    }
  }, []);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      await setLanguage(locale);
      if (state.status !== 'authenticated') pickedBeforeLogin.current = locale;
      else {
        const res = await api.setLocale(locale);
        setCsrfToken(res.csrfToken);
        setState({ status: 'authenticated', me: res.user });
      }
    },
    [state.status],
  );

  const value = useMemo(() => ({ state, login, logout, changeLocale }), [state, login, logout, changeLocale]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
