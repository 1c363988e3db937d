import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildReport, type ReportRows } from '../../../../src/cases/report.ts';
import { setLanguage } from '../../i18n/index.ts';
import { ReportCharts } from './ReportCharts.tsx';

// jsdom has no canvas: the charts draw nothing here, their figures' tables are what is read
vi.mock('react-chartjs-2', () => ({ Bar: () => null, Line: () => null }));

const EMPTY: ReportRows = { cases: [], arrests: [], seizures: [], gangs: [], gangMembersArrested: [], migration: [], warrants: [], complaints: [], substances: [], categories: [] };
const row = (region: string, n: number) => ({ y: 2024, m: 3, region, category: 'theft', status: 'solved', n });

describe('report charts by region', () => {
  afterEach(cleanup);

  it('names the regions in the user’s language, never by code, and a region typed as free text as typed', async () => {
    await setLanguage('ar');
    const report = buildReport(2024, { ...EMPTY, cases: [row('MA-06', 30), row('MA-01', 20), row('Tanger', 5), row('Zone X', 1)] }, new Date('2025-01-15T09:00:00Z'));
    render(<ReportCharts report={report} substances={[]} categories={[]} />);
    const figure = screen.getByTestId('chart-cases-region');
    const rows = [...figure.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent]);
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(rows).toEqual([
      ['الدار البيضاء سطات', ar(30)],
      ['طنجة تطوان الحسيمة', ar(25)],
      ['Zone X', ar(1)],
    ]);
    expect(figure.textContent).not.toContain('MA-');
  });
});
