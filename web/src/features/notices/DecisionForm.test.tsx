import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/index.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { notice } from './fixtures.ts';

type Call = { url: string; method: string; body: unknown };

/** Answers each action with the notice moved on, one version later. */
function mockActions() {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, method: String(init.method), body });
    const action = url.split('/').pop();
    const state = action === 'start_review' ? 'under_review' : action === 'publish' ? 'published' : action === 'refuse' ? 'refused' : 'returned';
    const answer = notice({ state, version: (body?.version ?? 0) + 1, stateReason: body?.reason ?? null, allowedActions: [] });
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const choose = (value: string) => fireEvent.click(document.querySelector(`input[name="decision"][value="${value}"]`)!);
const reason = () => document.querySelector('textarea[name="reason"]') as HTMLTextAreaElement;
const decide = () => fireEvent.submit(screen.getByTestId('decision-form'));

describe('DecisionForm', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('refuses to record a refusal without a reason, then sends the reason with the version read', async () => {
    const calls = mockActions();
    const onDone = vi.fn();
    render(<DecisionForm notice={notice()} onDone={onDone} />);
    expect([...document.querySelectorAll<HTMLInputElement>('input[name="decision"]')].map((i) => i.value)).toEqual(['publish', 'refuse', 'return']);

    decide();
    expect(screen.getByRole('alert').textContent).toBe('Choose a decision.');

    choose('refuse');
    expect(screen.getByText('The request is closed. The bureau receives your reasons.')).toBeTruthy();
    decide();
    expect(screen.getByText('Give the reason: it is sent to the bureau and recorded.')).toBeTruthy();
    expect(reason().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reason());
    expect(calls).toHaveLength(0);

    fireEvent.change(reason(), { target: { value: '  Offence of a political character (art. 3).  ' } });
    decide();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls).toEqual([
      {
        url: `/api/v1/notices/${notice().id}/actions/refuse`,
        method: 'POST',
        body: { version: 3, reason: 'Offence of a political character (art. 3).' },
      },
    ]);
    expect(onDone.mock.calls[0][0]).toMatchObject({ state: 'refused', version: 4 });
  });

  it('returns for completion only with a reason, and publishes without one', async () => {
    const calls = mockActions();
    const onDone = vi.fn();
    render(<DecisionForm notice={notice()} onDone={onDone} />);
    choose('return');
    decide();
    expect(calls).toHaveLength(0);
    choose('publish');
    expect(reason().getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('(optional)')).toBeTruthy();
    decide();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.map((c) => [c.url.split('/').pop(), c.body])).toEqual([['publish', { version: 3 }]]);
  });

  it('takes a submitted request into review first, then decides on the new version', async () => {
    const calls = mockActions();
    const onDone = vi.fn();
    render(<DecisionForm notice={notice({ state: 'submitted', allowedActions: ['start_review'] })} onDone={onDone} />);
    choose('publish');
    decide();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.map((c) => [c.url.split('/').pop(), c.body])).toEqual([
      ['start_review', { version: 3 }],
      ['publish', { version: 4 }],
    ]);
    expect(onDone.mock.calls[0][0]).toMatchObject({ state: 'published' });
  });

  it('shows the server refusal in the user language and keeps the form', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ code: 'version_conflict', title: 'x' }), { status: 409, headers: { 'content-type': 'application/problem+json' } })),
    );
    await setLanguage('fr');
    const onDone = vi.fn();
    render(<DecisionForm notice={notice()} onDone={onDone} />);
    choose('publish');
    decide();
    expect((await screen.findByRole('alert')).textContent).toContain("Quelqu'un d'autre a modifié");
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByTestId('decide')).toBeTruthy();
  });

  it('offers nothing to a user who may not decide', () => {
    render(<DecisionForm notice={notice({ state: 'published', allowedActions: ['cancel'] })} onDone={() => {}} />);
    expect(screen.queryByTestId('decision-form')).toBeNull();
  });
});
