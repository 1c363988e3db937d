import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, Me } from '../../api/types.ts';
import { SessionProvider, useSession } from '../../app/session.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { AuditPage } from './AuditPage.tsx';

const DPO: Me = {
  id: 'u-dpo',
  username: 'dpo',
  displayName: 'DPO',
  agency: { id: 'hub', code: 'MAR-NCB', country: 'MAR', names: { ar: 'المكتب المركزي الوطني', en: 'NCB Rabat', es: 'OCN Rabat', fr: 'BCN Rabat' } },
  roles: ['dpo'],
  locale: 'en',
  permissions: ['record.read', 'audit.read', 'notice.read', 'case.read'],
};

const PERSON = '0198a0b4-0000-7000-8000-000000000042';
const NOTICE = '0198a0b4-0000-7000-8000-0000000000a7';
const GONE = '0198a0b4-0000-7000-8000-00000000dead';
let seq = 0;
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  seq: ++seq,
  at: '2026-03-01T09:00:00.000Z',
  actorUserId: 'u-analyst',
  actorAgencyId: 'hub',
  actorUsername: 'analyst',
  actorAgencyCode: 'MAR-NCB',
  action: 'record.read',
  targetType: 'person',
  targetId: PERSON,
  targetLabel: null,
  subjectIds: [],
  purpose: 'case 12',
  details: {},
  hash: 'h',
  ...over,
});

const ENTRIES = [
  entry({ targetLabel: { text: 'محمد الإدريسي', recordKind: 'person' } }),
  entry({ action: 'notice.create', targetType: 'notice', targetId: NOTICE, targetLabel: { text: 'R-2026-000042', noticeType: 'red' } }),
  entry({ action: 'user.create', targetType: 'user', targetId: 'u-new', targetLabel: { text: 'ncb.sen' } }),
  // a purged record: no label any more, its type and shortened id
  entry({ action: 'record.purge', targetType: 'person', targetId: GONE, targetLabel: null }),
];

function server() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const json = (v: unknown) => new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url === '/api/v1/auth/me') return json({ user: DPO, csrfToken: 'c' });
      if (url.startsWith('/api/v1/audit')) return json({ items: ENTRIES, nextCursor: null });
      return json({ items: [], nextCursor: null });
    }),
  );
}

function Desk() {
  const { state } = useSession();
  return state.status === 'authenticated' ? <AuditPage route={{ segments: ['audit'], query: new URLSearchParams() }} /> : null;
}

describe('AuditPage', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('names what each entry touched, the full id in its tooltip and copied by its button', async () => {
    server();
    render(
      <SessionProvider>
        <Desk />
      </SessionProvider>,
    );
    await waitFor(() => expect(screen.getAllByTestId('audit-target')).toHaveLength(4));
    const [person, notice, user, gone] = screen.getAllByTestId('audit-target');

    expect(person.textContent).toContain('Person');
    const name = within(person).getByTestId('target-label');
    expect(name.textContent).toBe('محمد الإدريسي');
    expect(name.getAttribute('title')).toBe(PERSON);
    expect(name.querySelector('bdi')?.getAttribute('dir')).toBe('auto');
    expect(name.closest('a')?.getAttribute('href')).toBe(`#/records/${PERSON}`);

    expect(notice.textContent).toContain('Red Notice');
    expect(within(notice).getByTestId('target-label').textContent).toBe('R-2026-000042');
    expect(within(notice).getByTestId('target-label').closest('a')?.getAttribute('href')).toBe(`#/notices/${NOTICE}`);
    expect(user.textContent).toContain('ncb.sen');
    expect(user.textContent).toContain('user');

    // nothing truncated where the server gave a label
    for (const el of [person, notice, user]) expect(el.querySelector('.short-id')).toBeNull();
    expect(gone.querySelector('.short-id')?.getAttribute('title')).toBe(GONE);

    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(within(person).getByTestId('copy-target-id'));
    expect(writeText).toHaveBeenCalledWith(PERSON);
    await waitFor(() => expect(within(person).getByTestId('copy-target-id').textContent).toBe('Id copied'));
  });
});
