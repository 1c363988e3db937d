import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../api/types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { notice } from './fixtures.ts';
import { NoticeWizard } from './NoticeWizard.tsx';

type Sent = { url: string; method: string; body: any };

/**
 * A server whose pre-submission checks are computed by `rules` from what the form sends,
 * as the real one does; creating and submitting answer a notice.
 */
function mockServer(rules: (body: any) => CheckResult[]) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      sent.push({ url, method: String(init.method), body });
      const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'content-type': 'application/json' } });
      if (url === '/api/v1/notices/check') return json({ checks: rules(body) });
      if (url.startsWith('/api/v1/messages/recipients')) return json({ items: [{ id: 'ag-esp', code: 'ESP-NCB', country: 'ESP', names: { en: 'NCB Madrid' } }] });
      if (url === '/api/v1/notices' && init.method === 'POST') return json(notice({ state: 'draft', version: 1, allowedActions: ['submit', 'withdraw'] }), 201);
      if (url.endsWith('/actions/submit')) return json(notice({ state: 'submitted', version: 2 }));
      return json({ code: 'not_found' }, 404);
    }),
  );
  return { sent, checks: () => sent.filter((s) => s.url === '/api/v1/notices/check') };
}

/** The rules of src/notices/checks.ts that these tests exercise. */
function redRules(body: any): CheckResult[] {
  const out: CheckResult[] = [];
  const o = body.content.offence;
  if (!body.content.subject.names.length) out.push({ code: 'missing_mandatory', severity: 'error', field: 'subject.names' });
  if (o.maximumPenaltyMonths === undefined) out.push({ code: 'missing_mandatory', severity: 'error', field: 'offence.maximumPenaltyMonths' });
  else if (o.maximumPenaltyMonths < 24) {
    out.push({ code: 'red_penalty_below_threshold', severity: 'error', field: 'offence.maximumPenaltyMonths', params: { maximumPenaltyMonths: o.maximumPenaltyMonths, minimum: 24, minimumRemaining: 6 } });
  }
  if (/opposition/i.test(o.description ?? '')) out.push({ code: 'article3_risk', severity: 'warning', field: 'offence.description', params: { kind: 'political', lang: 'en', term: 'opposition' } });
  if (/amrani/i.test(body.content.subject.names[0]?.value ?? '')) {
    out.push({ code: 'duplicate_notice', severity: 'warning', field: 'subject.names', params: { noticeId: 'n-old', reference: 'MAR-2025-R-00003', score: 0.94 } });
  }
  return out;
}

const field = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
const step = (s: string) => fireEvent.click(document.querySelector(`button[data-step="${s}"]`)!);
const counts = () => screen.getByTestId('checks-counts').textContent;

describe('NoticeWizard', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows each type with its purpose and mandatory fields, and runs no check before a type is chosen', () => {
    const server = mockServer(() => []);
    render(<NoticeWizard />);
    const red = document.querySelector('.type-card.notice-type-red')!;
    expect(red.textContent).toContain('Locate and arrest a person wanted for prosecution');
    expect(red.textContent).toContain('Mandatory: Names, Date of birth, Sex, Offence category');
    expect(document.querySelectorAll('input[name="type"]')).toHaveLength(10);
    expect(screen.getByText('Choose a type: the checks appear here as you type.')).toBeTruthy();
    expect(server.sent).toHaveLength(0);
  });

  it('checks live as the officer types: an error on the field fails, then passes once corrected', async () => {
    const server = mockServer(redRules);
    render(<NoticeWizard />);
    fireEvent.click(field('type'));
    // nothing typed yet: the mandatory fields are counted, not shown as errors
    await waitFor(() => expect(counts()).toBe('2 mandatory fields still to fill in.'));
    expect(server.checks()[0].body).toEqual({ type: 'red', content: { subject: { names: [] }, offence: {}, warrant: {} } });
    expect(screen.queryByTestId('checks-error')).toBeNull();
    // past the subject step, its empty mandatory field is an error
    fireEvent.click(screen.getByTestId('wizard-next'));
    fireEvent.click(screen.getByTestId('wizard-next'));
    const summary = screen.getByTestId('checks-error');
    expect(summary.textContent).toContain('Names is mandatory for this type of notice.');
    expect(counts()).toBe('1 error · 0 warnings · 0 notes');
    expect(screen.getByTestId('checks-to-fill').textContent).toBe('1 mandatory field still to fill in.');

    step('offence');
    type('maximumPenaltyMonths', '12');
    await waitFor(() => expect(screen.queryByTestId('field-checks-offence.maximumPenaltyMonths')?.textContent).toContain('at least 24 months'));
    expect(screen.getByTestId('field-checks-offence.maximumPenaltyMonths').textContent).toContain('The maximum penalty given is 12 months.');
    expect(field('maximumPenaltyMonths').getAttribute('aria-invalid')).toBe('true');
    expect(field('maximumPenaltyMonths').getAttribute('aria-describedby')).toContain(screen.getByTestId('field-checks-offence.maximumPenaltyMonths').id);

    type('maximumPenaltyMonths', '60');
    await waitFor(() => expect(screen.queryByTestId('field-checks-offence.maximumPenaltyMonths')).toBeNull());
    expect(field('maximumPenaltyMonths').getAttribute('aria-invalid')).toBeNull();
    expect(server.checks().at(-1)!.body.content.offence).toEqual({ maximumPenaltyMonths: 60 });
    // typing fast sends one request for the last value, not one per keystroke
    const before = server.checks().length;
    type('lawArticle', 'P');
    type('lawArticle', 'Pe');
    type('lawArticle', 'Penal Code art. 392');
    await waitFor(() => expect(server.checks().length).toBe(before + 1));
    expect(server.checks().at(-1)!.body.content.offence.lawArticle).toBe('Penal Code art. 392');
  });

  it('explains an Article 3 warning with its term and kind, and links the duplicate notice', async () => {
    mockServer(redRules);
    render(<NoticeWizard />);
    fireEvent.click(field('type'));
    step('subject');
    type('name-0', 'Youssef El Amrani');
    step('offence');
    type('offenceDescription', 'Leader of the opposition movement');
    const warnings = await screen.findByTestId('checks-warning');
    await waitFor(() => expect(warnings.querySelectorAll('[data-testid="check"]')).toHaveLength(2));
    const article3 = warnings.querySelector('[data-code="article3_risk"]')!;
    expect(article3.textContent).toContain('Article 3 risk (political): the wording “\u2068opposition\u2069” (English) in Facts of the offence');
    expect(article3.textContent).toContain('forbids any intervention in matters of a political, military, religious or racial character');
    const duplicate = warnings.querySelector('[data-code="duplicate_notice"]')!;
    expect(duplicate.textContent).toContain('MAR-2025-R-00003');
    expect(duplicate.textContent).toContain('94%');
    expect(duplicate.querySelector('[data-testid="duplicate-link"]')?.getAttribute('href')).toBe('#/notices/n-old');
    // the warning also sits under its field
    expect(screen.getByTestId('field-checks-offence.description').textContent).toContain('opposition');
  });

  it('flags a badly written date at once, holds it back from the server, and goes to the field from the summary', async () => {
    const server = mockServer(() => []);
    render(<NoticeWizard />);
    fireEvent.click(field('type'));
    step('subject');
    type('birthDate', '11/02/1985');
    expect(screen.getByTestId('field-checks-subject.birthDate').textContent).toContain('Write the date as YYYY, YYYY-MM or YYYY-MM-DD.');
    await waitFor(() => expect(server.checks().length).toBeGreaterThan(0));
    await waitFor(() => expect(counts()).toBe('1 error · 0 warnings · 0 notes'));
    expect(server.checks().at(-1)!.body.content.subject.birthDate).toBeUndefined();

    step('offence');
    fireEvent.click(screen.getByRole('button', { name: 'Go to Date of birth' }));
    expect(document.activeElement).toBe(field('birthDate'));
  });

  it('blocks submission while an error stands, then saves the draft and submits it', async () => {
    let penalty = 0;
    const server = mockServer((b) => {
      penalty = b.content.offence.maximumPenaltyMonths ?? 0;
      return penalty >= 24 ? [] : [{ code: 'missing_mandatory', severity: 'error', field: 'offence.maximumPenaltyMonths' }];
    });
    window.location.hash = '#/notices/new';
    render(<NoticeWizard />);
    fireEvent.click(field('type'));
    step('review');
    await waitFor(() => expect(counts()).toBe('1 error · 0 warnings · 0 notes'));
    expect((screen.getByTestId('submit-notice') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('submit-blocked').textContent).toBe('Correct the error before submitting.');

    step('offence');
    type('maximumPenaltyMonths', '120');
    step('review');
    await waitFor(() => expect(counts()).toBe('No problem found.'));
    expect(screen.getByTestId('wizard-review').textContent).toContain('120 months');
    await waitFor(() => expect((screen.getByTestId('submit-notice') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('submit-notice'));
    await waitFor(() => expect(window.location.hash).toBe(`#/notices/${notice().id}`));
    const writes = server.sent.filter((s) => s.url !== '/api/v1/notices/check' && !s.url.includes('recipients'));
    expect(writes.map((w) => `${w.method} ${w.url}`)).toEqual(['POST /api/v1/notices', `POST /api/v1/notices/${notice().id}/actions/submit`]);
    expect(writes[0].body).toMatchObject({ type: 'red', urgency: 'normal', handling: { tlp: 'AMBER', restrictedTo: [] }, content: { offence: { maximumPenaltyMonths: 120 } } });
    expect(writes[1].body).toEqual({ version: 1 });
  });

  it('shows a mandatory field’s error only once the field was left or its step passed', async () => {
    mockServer((b) => {
      const s = b.content.subject;
      const out: CheckResult[] = [];
      if (!s.names.length) out.push({ code: 'missing_mandatory', severity: 'error', field: 'subject.names' });
      if (!s.birthDate) out.push({ code: 'missing_mandatory', severity: 'error', field: 'subject.birthDate' });
      if (!s.gender) out.push({ code: 'missing_mandatory', severity: 'error', field: 'subject.gender' });
      if (!b.content.offence.category) out.push({ code: 'missing_mandatory', severity: 'error', field: 'offence.category' });
      return out;
    });
    render(<NoticeWizard />);
    fireEvent.click(field('type'));
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(counts()).toBe('4 mandatory fields still to fill in.'));
    // a blank form: no error under any field, none marked invalid
    expect(document.querySelectorAll('[data-testid^="field-checks-"]')).toHaveLength(0);
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    expect(screen.queryByTestId('checks-error')).toBeNull();

    // in the date of birth and out again, nothing typed: its error, and only its
    fireEvent.focus(field('birthDate'));
    fireEvent.blur(field('birthDate'));
    expect(screen.getByTestId('field-checks-subject.birthDate').textContent).toBe('Error Date of birth is mandatory for this type of notice.');
    expect(field('birthDate').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('field-checks-subject.gender')).toBeNull();
    expect(screen.getByTestId('checks-error').querySelectorAll('[data-testid="check"]')).toHaveLength(1);
    expect(screen.getByTestId('checks-to-fill').textContent).toBe('3 mandatory fields still to fill in.');

    // Next: every mandatory field of the step is due; the next step's are not yet
    fireEvent.click(screen.getByTestId('wizard-next'));
    const errors = [...screen.getByTestId('checks-error').querySelectorAll('[data-testid="check"]')].map((c) => c.textContent);
    expect(errors).toHaveLength(3);
    expect(errors.join(' ')).toContain('Names is mandatory');
    expect(errors.join(' ')).toContain('Sex is mandatory');
    expect(screen.queryByTestId('field-checks-offence.category')).toBeNull();
    expect(screen.getByTestId('checks-to-fill').textContent).toBe('1 mandatory field still to fill in.');
  });

  it('warns before a public extract is authorised for a notice restricted to named agencies, and never sends one', async () => {
    const server = mockServer(() => []);
    render(<NoticeWizard />);
    fireEvent.click(field('type'));
    step('handling');
    fireEvent.click(field('publicExtract'));
    expect(screen.queryByTestId('public-extract-restricted')).toBeNull();
    type('tlp', 'RED');
    const warning = screen.getByTestId('public-extract-restricted');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain('A public extract is shown to anyone, without login');

    step('review');
    await waitFor(() => expect(counts()).toBe('1 error · 0 warnings · 0 notes'));
    expect(screen.getByTestId('checks-error').textContent).toContain('A public extract cannot be authorised for a notice restricted to named agencies');
    expect(screen.getByTestId('review-extract-restricted')).toBeTruthy();
    expect((screen.getByTestId('submit-notice') as HTMLButtonElement).disabled).toBe(true);
    // the draft still saves, the extract held back
    fireEvent.click(screen.getByTestId('save-draft'));
    await screen.findByTestId('draft-saved');
    const created = server.sent.find((s) => s.url === '/api/v1/notices' && s.method === 'POST')!;
    expect(created.body.handling).toEqual({ tlp: 'RED', restrictedTo: [] });
    expect(created.body.publicExtract).toBeUndefined();

    // from the summary to the field, then the extract left out: no way to put it back while restricted
    fireEvent.click(screen.getByRole('button', { name: 'Go to Public extract' }));
    fireEvent.click(screen.getByTestId('drop-public-extract'));
    expect(screen.queryByTestId('public-extract-restricted')).toBeNull();
    expect(field('publicExtract').checked).toBe(false);
    expect(field('publicExtract').disabled).toBe(true);
    expect(screen.getByTestId('public-extract-unavailable').textContent).toContain('Not available while the notice is restricted');

    // AMBER restricted to a named agency is restricted too; open to all, the extract can be authorised
    type('tlp', 'AMBER');
    expect(field('publicExtract').disabled).toBe(false);
    await waitFor(() => expect(document.querySelector('input[name="restrictedTo"][value="ESP-NCB"]')).toBeTruthy());
    fireEvent.click(document.querySelector('input[name="restrictedTo"][value="ESP-NCB"]')!);
    expect(field('publicExtract').disabled).toBe(true);
  });

  it('speaks Arabic: the checks summary uses the Arabic plural forms', async () => {
    await setLanguage('ar');
    mockServer(() => [
      { code: 'missing_mandatory', severity: 'error', field: 'subject.names' },
      { code: 'missing_mandatory', severity: 'error', field: 'subject.birthDate' },
      { code: 'missing_recommended', severity: 'info', field: 'subject.photoRef' },
    ]);
    render(<NoticeWizard />);
    fireEvent.click(field('type'));
    await waitFor(() => expect(counts()).toBe('لا أخطاء · لا تحذيرات · ملاحظة واحدة'));
    expect(screen.getByTestId('checks-to-fill').textContent).toBe('بقي حقلان إلزاميان لم يُملآ.');
    step('review');
    await waitFor(() => expect(counts()).toBe('خطآن · لا تحذيرات · ملاحظة واحدة'));
    expect(screen.getByTestId('checks-error').textContent).toContain('الأسماء: إلزامي لهذا النوع من النشرات.');
  });
});
