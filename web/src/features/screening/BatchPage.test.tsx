import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchRow, BatchScreeningResult } from '../../api/types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { BatchPage } from './BatchPage.tsx';
import { parseCsv } from './csv.ts';
import { candidate } from './fixtures.ts';
import { forgetPurpose } from './purpose.tsx';

/**
 * A batch endpoint like the real one: rows it refuses (a date that is no calendar day, an
 * unknown country, no name) are in `problems`, not in `results`. Ids ending in 7 are alerts,
 * in 3 weak candidates.
 */
function refusal(r: BatchRow): string | null {
  if (r.birthDate === '1980-02-30') return 'invalid_date';
  if (r.nationality === 'Atlantis') return 'invalid_nationality';
  if (r.name === '???') return 'validation_failed';
  return null;
}
function batchServer() {
  const fn = vi.fn(async (_url: string, init: RequestInit) => {
    const { rows: all } = JSON.parse(String(init.body)) as { rows: BatchRow[] };
    const rows = all.filter((r) => !refusal(r));
    const body: BatchScreeningResult = {
      tookMs: 4,
      threshold: 0.8,
      results: rows.map((r) => ({
        rowId: r.id,
        candidates: r.id.endsWith('7')
          ? [candidate({ id: `rec-${r.id}`, score: 0.9, alert: true, matchedName: `=${r.name}` })]
          : r.id.endsWith('3')
            ? [candidate({ id: `rec-${r.id}`, score: 0.55, alert: false })]
            : [],
      })),
      problems: all.filter(refusal).map((r) => ({ rowId: r.id, code: refusal(r)!, message: 'refused' })),
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

function manifest(n: number): string {
  const lines = ['id,name,birthDate,nationality,gender'];
  for (let i = 1; i <= n; i++) {
    const date = i === 5 ? '1980-02-30' : '1980';
    const nationality = i === 5 || i === 6 ? 'Atlantis' : 'MA';
    const name = i === 8 ? '???' : `Passenger ${i}, Test`;
    lines.push(`P${String(i).padStart(4, '0')},"${name}",${date},${nationality},${i % 2 ? 'M' : 'F'}`);
  }
  return lines.join('\r\n');
}

const upload = (text: string, name = 'manifest.csv') => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
};

describe('BatchPage', () => {
  beforeEach(async () => {
    forgetPurpose();
    await setLanguage('en');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows a sample manifest with the required header', () => {
    render(<BatchPage />);
    const sample = document.querySelector('pre.csv-sample')!;
    expect(sample.textContent?.split('\n')[0]).toBe('id,name,birthDate,nationality,gender');
    expect(sample.getAttribute('dir')).toBe('ltr');
  });

  it('reads the file, sends it in chunks of 500 with a progress bar, then summarises with alerts first', async () => {
    const fn = batchServer();
    render(<BatchPage />);
    upload(manifest(1201));
    expect((await screen.findByTestId('manifest-read')).textContent).toBe('1,201 rows read from \u2068manifest.csv\u2069.');
    fireEvent.click(screen.getByTestId('batch-start'));

    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuemax')).toBe('1201');
    await screen.findByTestId('batch-summary');
    expect(bar.getAttribute('aria-valuenow')).toBe('1201');
    expect(bar.getAttribute('aria-valuetext')).toBe('Screened: 1,201 / 1,201');

    // three chunks; the first one's refused rows sent again without the refused detail, twice for P0005
    const sent = fn.mock.calls.map((c) => (JSON.parse(String(c[1].body)) as { rows: BatchRow[] }).rows);
    expect(sent.map((rows) => rows.length)).toEqual([500, 2, 1, 500, 201]);
    expect(sent[1]).toEqual([
      { id: 'P0005', name: 'Passenger 5, Test', nationality: 'Atlantis', gender: 'male' },
      { id: 'P0006', name: 'Passenger 6, Test', birthDate: '1980', gender: 'female' },
    ]);
    expect(sent[2]).toEqual([{ id: 'P0005', name: 'Passenger 5, Test', gender: 'male' }]);
    const first = JSON.parse(String(fn.mock.calls[0][1].body)) as { rows: BatchRow[] };
    expect(first.rows[0]).toEqual({ id: 'P0001', name: 'Passenger 1, Test', birthDate: '1980', nationality: 'MA', gender: 'male' });
    expect(fn.mock.calls[0][0]).toBe('/api/v1/screening/batch');
    expect((fn.mock.calls[0][1].headers as Record<string, string>)['x-purpose']).toBeTruthy();

    // 1..1201 but P0008 (no usable name): ids ending in 7 → 120 alerts; ending in 3 → 120 more with candidates
    expect(screen.getByTestId('summary-rows').textContent).toBe('1,200');
    expect(screen.getByTestId('summary-alerts').textContent).toBe('120');
    expect(screen.getByTestId('summary-candidates').textContent).toBe('240');
    expect(screen.getByTestId('summary-time').textContent).toMatch(/\d/);
    expect(screen.getByTestId('server-problems').textContent).toContain('3 rows reported by the server');
    expect(screen.getByTestId('not-screened').textContent).toContain('1 row could not be screened');
    expect(screen.getByTestId('not-screened').textContent).toContain('P0008');

    const rows = [...document.querySelectorAll('.batch-results table tbody tr')];
    expect(rows).toHaveLength(100);
    expect(rows[0].querySelector('[data-testid="alert-badge"]')).toBeTruthy();
    expect(rows[0].textContent).toContain('P0007');
    fireEvent.click(screen.getByText('Show more'));
    const more = [...document.querySelectorAll('.batch-results table tbody tr')];
    expect(more).toHaveLength(600);
    expect(more[119].querySelector('[data-testid="alert-badge"]')).toBeTruthy();
    expect(more[120].querySelector('[data-testid="alert-badge"]')).toBeNull();
    expect(more[120].textContent).toMatch(/P\d{3}3/);
    // a row screened without a refused detail says so next to its result
    const p5 = more.find((r) => r.textContent?.includes('P0005'))!;
    expect(p5.textContent).toContain('No hit');
    expect(p5.textContent).toContain('Screened without: This date is not valid');
    expect(p5.textContent).toContain('Screened without: This nationality is not recognised');
  });

  it('downloads the results as a CSV file built in the browser, formulas defused', async () => {
    batchServer();
    const blobs: Blob[] = [];
    // jsdom has no object URLs: catch the Blob on its way to the link
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'), revokeObjectURL: () => {} });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('passengers-screening.csv');
    });
    render(<BatchPage />);
    upload('id,name\nP7,Ali\nP1,=1+1\n', 'passengers.csv');
    fireEvent.click(await screen.findByTestId('batch-start'));
    await screen.findByTestId('batch-summary');
    fireEvent.click(screen.getByTestId('batch-download'));
    expect(click).toHaveBeenCalledTimes(1);
    expect(blobs).toHaveLength(1);
    const text = await blobs[0].text();
    expect(parseCsv(text)).toEqual([
      ['id', 'name', 'bestCandidateId', 'bestScore', 'alert', 'matchedName', 'problem'],
      ['P7', 'Ali', 'rec-P7', '0.9', 'true', "'=Ali", ''],
      ['P1', "'=1+1", '', '', 'false', '', ''],
    ]);
  });

  it('explains a file it cannot use, and lists the lines it left out', async () => {
    render(<BatchPage />);
    upload('name,birthDate\nAli,1980\n');
    expect((await screen.findByTestId('manifest-error')).textContent).toBe('The header row must include the columns \u2068id\u2069.');
    expect(screen.queryByTestId('batch-start')).toBeNull();

    upload('id,name\n1,Ali\n2,\n');
    expect((await screen.findByTestId('manifest-read')).textContent).toContain('1 row read');
    expect(screen.getByTestId('manifest-problems').textContent).toContain('1 line not used as it is');
    expect(screen.getByTestId('manifest-problems').textContent).toContain('Line 3 (2): no name, not screened');
  });

  it('counts in Arabic plural forms', async () => {
    await setLanguage('ar');
    render(<BatchPage />);
    upload('id,name\n1,علي\n2,عمر\n');
    await waitFor(() => expect(screen.getByTestId('manifest-read').textContent).toContain('قُرئ صفّان'));
  });
});
