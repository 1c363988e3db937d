import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildReport, type ReportRows } from '../../../../src/cases/report.ts';
import { parseHash } from '../../app/router.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { resetCatalogue } from '../cases/catalogue.ts';
import { ReportPage } from './ReportPage.tsx';

// the charts draw on a canvas jsdom does not have; their options are tested in ReportCharts.test.tsx
vi.mock('./ReportCharts.tsx', () => ({ ReportCharts: () => null }));

const EMPTY: ReportRows = { cases: [], arrests: [], seizures: [], gangs: [], gangMembersArrested: [], migration: [], warrants: [], complaints: [], substances: [], categories: [] };
const at = new Date('2025-01-15T09:00:00Z');
const withData = (year: number) => buildReport(year, { ...EMPTY, cases: [{ y: year, m: 3, region: 'MA-06', category: 'theft', status: 'solved', n: 120 }] }, at);

/** The server: years 2024 and 2023 have data, any other year none. */
function server(years: number[]) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const json = (v: unknown) => new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url === '/api/v1/reports/annual') return json({ years, latest: years[0] ?? null });
      const m = /^\/api\/v1\/reports\/annual\/(\d{4})$/.exec(url);
      if (m) return json(years.includes(Number(m[1])) ? withData(Number(m[1])) : buildReport(Number(m[1]), EMPTY, at));
      if (url.startsWith('/api/v1/catalogue/')) return json({ items: [] });
      return new Response(JSON.stringify({ code: 'not_found' }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    }),
  );
  return urls;
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

describe('ReportPage', () => {
  beforeEach(async () => {
    resetCatalogue();
    await setLanguage('en');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('opens on the latest year that has data, not on the current year of zeros', async () => {
    const urls = server([2024, 2023]);
    render(<ReportPage route={parseHash('#/report')} />);
    await screen.findByTestId('report-figures');
    expect(heading()).toBe('Annual report 2024');
    expect(urls).toContain('/api/v1/reports/annual/2024');
    expect(urls.filter((u) => /\/reports\/annual\/\d{4}$/.test(u))).toEqual(['/api/v1/reports/annual/2024']);
    expect(document.querySelector('[data-figure="cases"] .tile-value')!.textContent).toBe('120');
    expect((document.querySelector('select[name="year"]') as HTMLSelectElement).value).toBe('2024');
  });

  it('says that a year has no data instead of showing zeros, and offers the latest year', async () => {
    server([2024, 2023]);
    render(<ReportPage route={parseHash('#/report?year=2022')} />);
    const empty = await screen.findByTestId('report-no-data');
    expect(empty.textContent).toContain('No fact is recorded for 2022');
    expect(empty.textContent).toContain('Years with data: 2024 and 2023.');
    expect(screen.getByTestId('report-open-latest').getAttribute('href')).toBe('#/report?year=2024');
    expect(screen.queryByTestId('report-figures')).toBeNull();
    expect(document.querySelector('option[value="2022"]')!.textContent).toBe('2022 (no data)');
  });

  it('on a node without any fact, opens on this year and says that nothing is recorded yet', async () => {
    await setLanguage('fr');
    server([]);
    render(<ReportPage route={parseHash('#/report')} />);
    const empty = await screen.findByTestId('report-no-data');
    expect(heading()).toContain(String(new Date().getFullYear()));
    expect(empty.textContent).toContain('Aucun fait n’est encore enregistré sur ce nœud');
    await waitFor(() => expect(screen.queryByTestId('report-figures')).toBeNull());
  });
});

describe('report card styles', () => {
  const css = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'report.css'), 'utf8');

  it('size the headline figures fluidly and let them wrap inside their card', () => {
    const value = /\.report-tile \.tile-value \{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(value).toMatch(/font-size:\s*clamp\(/);
    expect(value).toMatch(/overflow-wrap:\s*anywhere/);
    expect(css).toMatch(/\.report-tile \{[^}]*min-inline-size:\s*0/);
  });
});
