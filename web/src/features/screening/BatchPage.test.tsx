import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchRow, BatchScreeningResult } from '../../api/types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { BatchPage } from './BatchPage.tsx';
import { parseCsv } from './csv.ts';
import { candidate, explanation } from './fixtures.ts';
import type { BatchAnswer, BatchProblem, NotUnderstood } from './manifest.ts';
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
      skipped: 0,
      warnings: 0,
    };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

/**
 * A batch endpoint that reads rows leniently, as the real one does now: a date of birth that is
 * no calendar day or a country that no longer exists is kept in `notUnderstood` with a warning
 * each, and the row screened on the rest; only a row without a usable name is skipped.
 */
function lenientServer() {
  const fn = vi.fn(async (_url: string, init: RequestInit) => {
    const { rows } = JSON.parse(String(init.body)) as { rows: BatchRow[] };
    const problems: BatchProblem[] = [];
    const results: BatchAnswer['results'] = [];
    for (const r of rows) {
      if (r.name === '???') {
        problems.push({ rowId: r.id, code: 'validation_failed', message: 'A name is required' });
        continue;
      }
      const notUnderstood: NotUnderstood[] = [];
      if (r.birthDate === '1980-02-30') notUnderstood.push({ field: 'birthDate', value: r.birthDate, reason: 'not a real date written YYYY, YYYY-MM or YYYY-MM-DD' });
      if (r.nationality === 'YU' || r.nationality === 'يوغوسلافيا')
        notUnderstood.push({ field: 'nationality', value: r.nationality, reason: 'a former country (Yugoslavia) that is no single country today' });
      const codes: Record<string, string> = { birthDate: 'invalid_date', nationality: 'invalid_nationality' };
      for (const u of notUnderstood) problems.push({ rowId: r.id, code: codes[u.field], message: `"${u.field}" value "${u.value}" not understood`, warning: true });
      results.push({ rowId: r.id, ...(notUnderstood.length ? { notUnderstood } : {}), candidates: [] });
    }
    const body: BatchAnswer = {
      tookMs: 4,
      threshold: 0.8,
      results,
      problems,
      skipped: rows.length - results.length,
      warnings: problems.filter((p) => p.warning).length,
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
    // (1,201 rows through jsdom, 600 shown with each candidate's facts: more than the default 5 s)
  }, 20_000);

  it('gives the best candidate’s date of birth, nationality and owner in its row, and folds the namesakes with theirs', async () => {
    const facts = (birth: string[], nationality: string[]) =>
      explanation({ birthDate: { query: null, record: birth, effect: 'unknown', delta: 0 }, nationality: { query: null, record: nationality, effect: 'unknown', delta: 0 } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        const body: BatchScreeningResult = {
          tookMs: 3,
          threshold: 0.8,
          results: [
            {
              rowId: 'P1',
              candidates: [
                candidate({ id: 'r1', displayName: 'Karim Benali', score: 0.86, explanation: facts(['1975-05'], ['MAR']) }),
                candidate({ id: 'r2', displayName: 'Karim Benali', score: 0.82, ownerAgencyCode: 'FRA-NCB', explanation: facts(['1990'], ['FRA', 'DZA']) }),
                candidate({ id: 'r3', displayName: 'Karim Benali', score: 0.6, alert: false, ownerAgencyCode: 'ESP-NCB', explanation: facts([], []) }),
              ],
            },
          ],
          problems: [],
          skipped: 0,
          warnings: 0,
        };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    render(<BatchPage />);
    upload('id,name\nP1,Karim Benali\n');
    fireEvent.click(await screen.findByTestId('batch-start'));
    await screen.findByTestId('batch-summary');
    const row = document.querySelector('.batch-results table tbody tr')!;
    const line = (el: Element) => [...el.querySelectorAll('[data-testid="person-facts"] dd')].map((d) => d.textContent);
    expect(line(row.querySelector('td:nth-child(4)')!).slice(0, 3)).toEqual(['May 1975', 'Morocco', 'MAR-NCB']);
    const others = row.querySelector('[data-testid="batch-others"]') as HTMLDetailsElement;
    expect(others.open).toBe(false);
    expect(others.querySelector('summary')?.textContent).toBe('2 other candidates');
    expect([...others.querySelectorAll('[data-testid="batch-other"]')].map(line)).toEqual([
      ['1990', 'France, Algeria', 'FRA-NCB'],
      ['not recorded', 'not recorded', 'ESP-NCB'],
    ]);
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
      ['id', 'name', 'bestCandidateId', 'bestScore', 'alert', 'matchedName', 'problem', 'notUnderstood'],
      ['P7', 'Ali', 'rec-P7', '0.9', 'true', "'=Ali", '', ''],
      ['P1', "'=1+1", '', '', 'false', '', '', ''],
    ]);
  });

  it('notes under a result the details the server kept but did not understand, and totals warnings and skipped rows over the chunks', async () => {
    const fn = lenientServer();
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'), revokeObjectURL: () => {} });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const lines = ['id,name,birthDate,nationality,gender'];
    for (let i = 1; i <= 600; i++) {
      const id = `P${String(i).padStart(4, '0')}`;
      const name = i === 8 || i === 508 ? '???' : `Passenger ${i}`;
      const date = i === 2 || i === 502 ? '1980-02-30' : '1980';
      const nationality = i === 4 ? 'يوغوسلافيا' : i === 502 ? 'YU' : 'MA';
      lines.push(`${id},${name},${date},${nationality},M`);
    }
    render(<BatchPage />);
    upload(lines.join('\n'));
    fireEvent.click(await screen.findByTestId('batch-start'));
    await screen.findByTestId('batch-summary');
    // two chunks, nothing sent again: a row without a name is not retried
    expect(fn).toHaveBeenCalledTimes(2);

    // warnings 1 + 1 in the first chunk, 2 in the second; one row without a name in each
    expect(screen.getByTestId('summary-rows').textContent).toBe('598');
    expect(screen.getByTestId('summary-warnings').textContent).toBe('4');
    expect(screen.getByTestId('summary-skipped').textContent).toBe('2');
    expect(screen.getByTestId('batch-summary').textContent).toContain('Warnings (values kept as given)');
    expect(screen.getByTestId('batch-summary').textContent).toContain('Not screened');

    fireEvent.click(screen.getByText('Show more'));
    const rows = [...document.querySelectorAll('.batch-results table tbody tr')];
    const row = (id: string) => rows.find((r) => r.textContent?.includes(id))!;
    const notes = (id: string) => [...row(id).querySelectorAll('[data-testid="not-understood"] li')];

    expect(notes('P0002').map((li) => li.textContent)).toEqual(['Date of birth "1980-02-30" not understood: kept, screened without it']);
    expect(notes('P0002')[0].getAttribute('title')).toContain('not a real date');
    // the note says it: no second "Screened without" badge for the same field
    expect(row('P0002').textContent).not.toContain('Screened without');
    expect(row('P0002').textContent).toContain('No hit');

    const arabic = notes('P0004')[0].querySelector('bdi[dir="auto"]')!;
    expect(arabic.textContent).toBe('يوغوسلافيا');
    expect(notes('P0004')[0].textContent).toBe('Nationality "يوغوسلافيا" not understood: kept, screened without it');

    expect(notes('P0502').map((li) => li.textContent)).toEqual([
      'Date of birth "1980-02-30" not understood: kept, screened without it',
      'Nationality "YU" not understood: kept, screened without it',
    ]);
    expect(notes('P0001')).toHaveLength(0);
    expect(row('P0001').querySelector('[data-testid="not-understood"]')).toBeNull();

    // and in the file: a last column, field=value
    fireEvent.click(screen.getByTestId('batch-download'));
    const csv = parseCsv(await blobs[0].text());
    expect(csv[0].at(-1)).toBe('notUnderstood');
    expect(csv.find((r) => r[0] === 'P0502')).toEqual(['P0502', 'Passenger 502', '', '', 'false', '', 'invalid_date invalid_nationality', 'birthDate=1980-02-30; nationality=YU']);
    expect(csv.find((r) => r[0] === 'P0001')?.at(-1)).toBe('');
    expect(csv.find((r) => r[0] === 'P0008')).toEqual(['P0008', '???', '', '', 'false', '', 'validation_failed', '']);
    click.mockRestore();
    // (600 rows through jsdom: more than the default 5 s on a loaded machine)
  }, 20_000);

  it('writes the note in the language of the desk', async () => {
    lenientServer();
    await setLanguage('fr');
    render(<BatchPage />);
    upload('id,name,birthDate\nP1,Ali,1980-02-30\n');
    fireEvent.click(await screen.findByTestId('batch-start'));
    const note = await screen.findByTestId('not-understood');
    expect(note.textContent).toBe('Date de naissance : valeur « 1980-02-30 » non comprise ; conservée, contrôle fait sans elle');
    expect(screen.getByTestId('batch-summary').textContent).toContain('Avertissements (valeurs gardées telles quelles)');
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

  it('keeps the results table within the page: long cells wrap, the table scrolls in its own frame', async () => {
    batchServer();
    render(<BatchPage />);
    const long = 'Abdelrahmane-Mohamed-Benali-El-Idrissi-El-Hassani-El-Alaoui-without-any-space';
    upload(`id,name\nPASSENGER-MANIFEST-ROW-0007,${long}\nP2,Ali\n`);
    fireEvent.click(await screen.findByTestId('batch-start'));
    await screen.findByTestId('batch-summary');
    const frame = screen.getByTestId('batch-table');
    expect(frame.classList.contains('table-wrap')).toBe(true);
    expect(frame.querySelector('table')).toBeTruthy();
    expect(frame.closest('.batch-results')).toBeTruthy();
    const cells = [...frame.querySelectorAll('tbody tr')[0].querySelectorAll('td')];
    expect(cells.map((c) => c.className)).toEqual(['narrow batch-col-id', 'batch-col-name', 'narrow batch-col-result', 'batch-col-name', 'batch-col-name', 'narrow']);
    expect(cells[1].textContent).toBe(long);

    // jsdom lays nothing out: the stylesheet is what keeps the table within 1366 pixels
    const css = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'styles.css'), 'utf8');
    const rule = (selector: string) => {
      const at = css.indexOf(`${selector} {`);
      return at < 0 ? '' : css.slice(at, css.indexOf('}', at));
    };
    expect(rule('.table-wrap')).toMatch(/overflow-x:\s*auto/);
    expect(rule('.batch-table')).toMatch(/overflow-x:\s*auto/);
    expect(rule('.batch-table')).toMatch(/max-inline-size:\s*100%/);
    expect(rule('.batch-table .table td.narrow')).toMatch(/overflow-wrap:\s*anywhere/);
    expect(rule('.batch-table .table td.narrow')).toMatch(/white-space:\s*normal/);
    expect(rule('.batch-table .badge')).toMatch(/overflow-wrap:\s*anywhere/);
    expect(rule('.batch-results > *')).toMatch(/min-inline-size:\s*0/);
  });
});
