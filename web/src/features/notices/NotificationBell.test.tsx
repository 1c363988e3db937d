import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types.ts';
import { SessionProvider, useSession } from '../../app/session.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { NotificationBell } from './NotificationBell.tsx';

/** The permissions the server gives these roles (src/auth/policy.ts). */
const ADMIN = ['agency.manage', 'user.manage', 'audit.verify', 'record.import', 'token.create', 'notice.import', 'catalogue.manage'];
const DPO = ['record.read', 'record.purge', 'screening.run', 'audit.read', 'audit.verify', 'notice.read', 'hit.read', 'message.read', 'case.read', 'network.read', 'report.read'];
const CAMERA = ['screening.run', 'token.create', 'hit.read'];

const me = (roles: string[], permissions: string[]): Me => ({
  id: 'u1',
  username: 'u',
  displayName: 'U',
  agency: { id: 'a1', code: 'MAR-NCB', country: 'MAR', names: { ar: 'المكتب المركزي الوطني الرباط', en: 'NCB Rabat', es: 'OCN Rabat', fr: 'BCN Rabat' } },
  roles,
  locale: 'en',
  permissions,
});

function server(user: Me, notifications: { status: number; body: unknown }) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'content-type': 'application/json' } });
      if (url === '/api/v1/auth/me') return json({ user, csrfToken: 'c' });
      if (url.startsWith('/api/v1/notifications')) return json(notifications.body, notifications.status);
      return json({ code: 'not_found' }, 404);
    }),
  );
  return urls;
}

function Desk() {
  const { state } = useSession();
  if (state.status !== 'authenticated') return null;
  return (
    <header>
      <span data-testid="in" />
      <NotificationBell />
    </header>
  );
}
const renderDesk = () =>
  render(
    <SessionProvider>
      <Desk />
    </SessionProvider>,
  );

describe('NotificationBell', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks nothing, and shows no bell, for an administrator (the server would refuse)', async () => {
    const urls = server(me(['admin'], ADMIN), { status: 403, body: { code: 'forbidden_role' } });
    renderDesk();
    await screen.findByTestId('in');
    await new Promise((r) => setTimeout(r, 20));
    expect(urls.filter((u) => u.includes('/notifications'))).toEqual([]);
    expect(screen.queryByTestId('notification-bell')).toBeNull();
  });

  it('polls for the data-protection officer and a camera operator, who may read them', async () => {
    for (const [roles, permissions] of [[['dpo'], DPO], [['camera_operator'], CAMERA]] as const) {
      const urls = server(me([...roles], [...permissions]), { status: 200, body: { items: [], nextCursor: null, unreadCount: 3 } });
      renderDesk();
      expect((await screen.findByTestId('notification-count')).textContent).toBe('3');
      expect(urls.some((u) => u.startsWith('/api/v1/notifications?'))).toBe(true);
      cleanup();
    }
  });

  it('shows no error when the call is refused all the same, and stops polling', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const urls = server(me(['frontline'], ['notice.read']), { status: 403, body: { code: 'forbidden_role', title: 'Forbidden' } });
      const { container } = renderDesk();
      await screen.findByTestId('in');
      await waitFor(() => expect(urls.filter((u) => u.includes('/notifications'))).toHaveLength(1));
      await waitFor(() => expect(screen.queryByTestId('notification-bell')).toBeNull());
      expect(container.querySelector('[role="alert"], .error-box')).toBeNull();
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(urls.filter((u) => u.includes('/notifications'))).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
