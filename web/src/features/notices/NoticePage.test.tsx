import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me, NoticeScreening } from '../../api/types.ts';
import { SessionProvider, useSession } from '../../app/session.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { notice } from './fixtures.ts';
import { NoticePage } from './NoticePage.tsx';

const REVIEWER: Me = {
  id: 'u1',
  username: 'reviewer',
  displayName: 'Reviewer',
  agency: { id: 'hub', code: 'MAR-NCB', country: 'MAR', names: { ar: 'المكتب المركزي الوطني', en: 'NCB Rabat', es: 'OCN Rabat', fr: 'BCN Rabat' } },
  roles: ['reviewer'],
  locale: 'en',
  permissions: ['notice.read', 'notice.review'],
};
const N = notice();

/** One namesake at the alert threshold, twenty weak ones below it (the server's order: best first). */
const SCREENING: NoticeScreening = {
  candidates: [
    { id: 'r0', displayName: 'Youssef El Amrani', matchedName: 'Youssef El Amrani', score: 0.93, alert: true, ownerAgencyCode: 'MAR-NCB', birthDates: ['1985-02'], nationalities: ['MAR'] },
    ...Array.from({ length: 20 }, (_, i) => ({
      id: `r${i + 1}`,
      displayName: 'Youssef Amrani',
      matchedName: 'Youssef Amrani',
      score: 0.6 - i / 100,
      alert: false,
      ownerAgencyCode: i % 2 ? 'ESP-NCB' : 'FRA-NCB',
      birthDates: [String(1950 + i)],
      nationalities: i % 2 ? ['ESP'] : [],
    })),
  ],
  notices: [],
};

function server() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'content-type': 'application/json' } });
      if (url === '/api/v1/auth/me') return json({ user: REVIEWER, csrfToken: 'c' });
      if (url === `/api/v1/notices/${N.id}`) return json(N);
      if (url === `/api/v1/notices/${N.id}/screening`) return json(SCREENING);
      if (url === `/api/v1/notices/${N.id}/timeline`) return json({ events: [] });
      return json({ code: 'not_found' }, 404);
    }),
  );
}

function Desk() {
  const { state } = useSession();
  return state.status === 'authenticated' ? <NoticePage id={N.id} /> : null;
}

const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('NoticePage, the review of a request', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('puts the request’s content first, then the strong candidates, and folds the weak ones under their count', async () => {
    server();
    render(
      <SessionProvider>
        <Desk />
      </SessionProvider>,
    );
    const strong = await screen.findByTestId('strong-candidates');
    const content = screen.getByTestId('content-panel');
    const screening = screen.getByTestId('subject-screening');
    expect(within(content).getByTestId('subject-names').textContent).toContain('Youssef El Amrani');
    expect(before(content, screening)).toBe(true);
    // the content once, not again under the review
    expect(screen.getAllByTestId('notice-content')).toHaveLength(1);

    expect(within(strong).getAllByTestId('candidate')).toHaveLength(1);
    expect([...strong.querySelectorAll('[data-testid="person-facts"] dd')].map((d) => d.textContent)).toEqual(['February 1985', 'Morocco', 'MAR-NCB']);

    const weak = screen.getByTestId('weak-candidates') as HTMLDetailsElement;
    expect(weak.tagName).toBe('DETAILS');
    expect(weak.open).toBe(false);
    expect(weak.querySelector('summary')?.textContent).toBe('20 weaker candidates, below the alert threshold');
    expect(before(strong, weak)).toBe(true);
    const rows = within(weak).getAllByTestId('candidate');
    expect(rows).toHaveLength(20);
    // every weak namesake keeps its own facts, to be told apart once unfolded
    expect([...rows[1].querySelectorAll('dd')].map((d) => d.textContent)).toEqual(['1951', 'Spain', 'ESP-NCB']);
    expect([...rows[0].querySelectorAll('dd')].map((d) => d.textContent)).toEqual(['1950', 'not recorded', 'FRA-NCB']);
  });
});
