import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { setLanguage } from '../../i18n/index.ts';
import { type Colouring, CommunitiesPanel } from './CommunitiesPanel.tsx';
import type { CommunitiesJob, CommunitiesView } from './network-api.ts';
import type { AnalysisScope } from './scope.ts';
import { useCommunities } from './use-communities.ts';

const VIEW: CommunitiesView = {
  scope: { region: 'Oriental' },
  nodes: 40,
  edges: 61,
  count: 5,
  modularity: 0.4567,
  communities: [
    { id: 2, size: 21, kinds: { person: 15, phone: 6 }, topMembers: [{ key: 'p1', kind: 'person', label: 'Youssef El Amrani', degree: 9 }] },
    { id: 0, size: 2, kinds: { person: 2 }, topMembers: [{ key: 'p7', kind: 'person', label: 'Karim Benali', degree: 1 }] },
  ],
};
const job = (over: Partial<CommunitiesJob>): CommunitiesJob => ({
  id: '6b0c3c5e-1f7a-4c39-9d0e-6f1d2a3b4c5d',
  status: 'running',
  progress: 0.3,
  phase: 'analysing',
  startedAt: '2026-05-01T10:00:00.000Z',
  finishedAt: null,
  result: null,
  error: null,
  ...over,
});

/** Answers the POST with `first` and each poll of the job with the next of `polls`, recording the calls. */
function mockServer(first: { status: number; body: unknown }, polls: CommunitiesJob[]) {
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      const answer = init.method === 'POST' ? first : { status: 200, body: polls.shift() };
      const type = answer.status >= 400 ? 'application/problem+json' : 'application/json';
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': type } });
    }),
  );
  return calls;
}

const SCOPE: AnalysisScope = { kind: 'region', region: 'Oriental' };

/** The panel as the page uses it: the hook runs the job, the panel shows it. */
function Harness({ onFocus }: { onFocus?: (id: number | null) => void }) {
  const { run, start } = useCommunities();
  const [focused, setFocused] = useState<number | null>(null);
  return (
    <CommunitiesPanel
      run={run}
      onRun={() => void start(SCOPE)}
      focused={focused}
      onFocus={(id) => (setFocused(id), onFocus?.(id))}
      colour
      onColour={() => undefined}
    />
  );
}

describe('CommunitiesPanel', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('runs the analysis as a job, shows its progress, then lists the communities with their sizes', async () => {
    const calls = mockServer({ status: 202, body: job({ progress: 0, phase: 'queued' }) }, [job({}), job({ status: 'done', progress: 1, phase: 'done', result: VIEW })]);
    const onFocus = vi.fn();
    render(<Harness onFocus={onFocus} />);
    fireEvent.click(screen.getByTestId('run-communities'));
    const bar = await screen.findByRole('progressbar', { name: 'Progress of the communities analysis' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('30'));
    expect(screen.getByText('Finding the communities · 30%')).toBeTruthy();
    expect((screen.getByTestId('run-communities') as HTMLButtonElement).disabled).toBe(true);

    await waitFor(() => expect(screen.getAllByTestId('community')).toHaveLength(2), { timeout: 3000 });
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/v1/network/communities', body: { region: 'Oriental', async: true } });
    expect(calls.slice(1).every((c) => c.url === `/api/v1/network/jobs/${job({}).id}`)).toBe(true);
    expect(screen.getByTestId('communities-summary').textContent).toBe('2 communities of two nodes or more (nodes: 40, links: 61, modularity: 0.46).');
    expect(screen.getAllByTestId('community-size').map((s) => s.textContent)).toEqual(['21 members', '2 members']);
    // named by id from 1, here and in the shared-persons panel
    expect(screen.getAllByTestId('community-focus')[0].textContent).toContain('Community 3');
    expect(screen.queryByRole('progressbar')).toBeNull();

    fireEvent.click(screen.getAllByTestId('community-focus')[0]);
    expect(onFocus).toHaveBeenLastCalledWith(2);
    expect(screen.getAllByTestId('community-focus')[0].getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('community-unfocus'));
    expect(onFocus).toHaveBeenLastCalledWith(null);
  });

  it('says so when the job fails in the worker', async () => {
    mockServer({ status: 202, body: job({}) }, [job({ status: 'failed', phase: 'failed', error: 'analysis_failed' })]);
    render(<Harness />);
    fireEvent.click(screen.getByTestId('run-communities'));
    expect((await screen.findByRole('alert', undefined, { timeout: 3000 })).textContent).toBe(
      'The analysis failed on the server. Try again; if it fails again, tell the administrator.',
    );
  });

  it('shows the server’s refusal with its own message', async () => {
    mockServer({ status: 400, body: { code: 'scope_ambiguous', title: 'Give one of region, caseIds, gangIds' } }, []);
    render(<Harness />);
    fireEvent.click(screen.getByTestId('run-communities'));
    expect((await screen.findByRole('alert')).textContent).toBe('Give only one of a region, cases or gangs.');
  });

  it('names the communities and counts members in Arabic plural forms', async () => {
    await setLanguage('ar');
    mockServer({ status: 200, body: VIEW }, []);
    render(<Harness />);
    fireEvent.click(screen.getByTestId('run-communities'));
    await screen.findAllByTestId('community');
    const ar = new Intl.NumberFormat('ar');
    expect(screen.getAllByTestId('community-size').map((s) => s.textContent)).toEqual([`${ar.format(21)} عضوًا`, 'عضوان']);
    expect(screen.getByTestId('communities-summary').textContent).toMatch(/^تجمّعان من عقدتين أو أكثر/);
  });

  it('says how far the members were fetched to colour the graph, and when the colouring is partial', async () => {
    const done = { status: 'done' as const, jobId: job({}).id, view: VIEW };
    const colouring = (over: Partial<Colouring>): Colouring => ({ seen: 23, total: 23, members: 22, loading: false, error: null, ...over });
    const props = { run: done, onRun: () => undefined, onFocus: () => undefined, colour: true, onColour: () => undefined };
    const { rerender } = render(<CommunitiesPanel {...props} focused={null} colouring={colouring({ seen: 12, loading: true })} />);
    const note = () => screen.getByTestId('colouring-note');
    expect(note().textContent).toBe('Fetching the communities’ members to colour them: 12 of 23…');
    rerender(<CommunitiesPanel {...props} focused={null} colouring={colouring({ seen: 3000, total: 12345 })} />);
    expect(note().getAttribute('data-state')).toBe('partial');
    expect(note().textContent).toBe('Partial colouring: 3,000 of the 12,345 members fetched (at most 3,000 are fetched); the other nodes keep the colour of their kind.');
    rerender(<CommunitiesPanel {...props} focused={2} colouring={colouring({})} focusShown={{ shown: 17, total: 21 }} />);
    expect(note().textContent).toBe('Every member of these communities is coloured (22 you may see).');
    expect(screen.getByTestId('community-shown').textContent).toBe('In the graph: 17 of its 21 members.');

    await setLanguage('ar');
    rerender(<CommunitiesPanel {...props} focused={2} colouring={colouring({ seen: 3000, total: 12345, error: new ApiError(404, 'job_not_found', 'No such job') })} focusShown={{ shown: 17, total: 21 }} />);
    const ar = new Intl.NumberFormat('ar');
    expect(note().textContent).toBe(`تلوين جزئي: جُلب من الأعضاء ${ar.format(3000)} من أصل ${ar.format(12345)} (الحد الأقصى ${ar.format(3000)})؛ تحتفظ العقد الأخرى بلون نوعها.`);
    expect(screen.getByRole('alert').textContent).toBe('لم يعد هذا التحليل متاحًا: أعد تشغيله.');
    expect(screen.getByTestId('community-shown').textContent).toBe(`في الرسم: ${ar.format(17)} من أعضائه البالغ عددهم ${ar.format(21)}.`);
  });

  it('names a community by its id without thousands separators, and gives the modularity with two decimals', async () => {
    const view: CommunitiesView = { ...VIEW, modularity: 1, communities: [{ ...VIEW.communities[0], id: 5129, size: 1 }] };
    const props = { run: { status: 'done' as const, jobId: job({}).id, view }, onRun: () => undefined, onFocus: () => undefined, colour: true, onColour: () => undefined };
    const { rerender } = render(<CommunitiesPanel {...props} focused={5129} focusShown={{ shown: 1, total: 1 }} />);
    expect(screen.getByTestId('community-focus').textContent).toContain('Community 5130');
    expect(screen.getByTestId('community-focus').textContent).not.toContain('5,130');
    expect(screen.getByTestId('communities-summary').textContent).toContain('modularity: 1.00');
    expect(screen.getByTestId('community-shown').textContent).toBe('In the graph: 1 of its 1 member.');
    rerender(<CommunitiesPanel {...props} run={{ ...props.run, view: { ...view, modularity: 0.8712 } }} focused={null} />);
    expect(screen.getByTestId('communities-summary').textContent).toContain('modularity: 0.87');
    await setLanguage('fr');
    rerender(<CommunitiesPanel {...props} focused={null} />);
    expect(screen.getByTestId('community-focus').textContent).toContain('Communauté 5130');
    expect(screen.getByTestId('communities-summary').textContent).toContain('1,00');
  });
});
