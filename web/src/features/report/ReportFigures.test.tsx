import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatChange } from '../../../../src/cases/report-labels.ts';
import { buildReport, headlineFigures, type ReportRows } from '../../../../src/cases/report.ts';
import type { AnnualReport, Substance } from '../../api/cases-types.ts';
import { setLanguage } from '../../i18n/index.ts';
import { ReportFigures } from './ReportFigures.tsx';

const y = (value: number, previous: number) => ({ value, previous, change: previous === 0 ? null : (value - previous) / previous });

/** The published 2024 figures (PRODUCT.md), 2023 for the cybercrime growth. */
const REPORT: AnnualReport = {
  year: 2024,
  previousYear: 2023,
  generatedAt: '2025-01-15T09:00:00.000Z',
  hasData: true,
  scope: 'node',
  cases: { total: y(755_541, 700_000), cleared: y(717_764, 660_000), clearanceRate: { value: 0.95, previous: 0.9428571, change: 0.95 - 0.9428571 }, byCategory: [] },
  arrests: { total: y(29_959, 29_000), violentCrime: y(29_959, 29_000), byCategory: [] },
  gangs: { dismantled: y(947, 900), membersArrested: y(1_561, 1_500) },
  seizures: [
    { substance: 'cannabis_resin', measure: 'mass', quantity: 123_970_000_000, previous: 100_000_000_000, change: 0.2397, seizures: 1_204 },
    { substance: 'psychotropic_pills', measure: 'count', quantity: 1_400_512, previous: 0, change: null, seizures: 2 },
  ],
  cybercrime: { cases: y(8_333, 5_952) },
  warrants: { international: y(956, 956), national: y(0, 0) },
  complaints: { online: y(12_614, 10_000) },
  migration: { networksDismantled: y(123, 100), departuresPrevented: y(32_449, 30_000) },
  byMonth: [],
  byRegion: [],
};
const SUBSTANCES: Substance[] = [
  { code: 'cannabis_resin', measure: 'mass', builtin: true, labels: { ar: 'راتنج القنب (الشيرا)', fr: 'Résine de cannabis', en: 'Cannabis resin', es: 'Resina de cannabis' } },
];

const figure = (key: string) => document.querySelector(`[data-figure="${key}"]`)!;
const value = (key: string) => figure(key).querySelector('.tile-value')!.textContent;
const change = (key: string) => figure(key).querySelector('[data-testid="change"]')?.textContent?.replace(/^[▲▼=]\s*/, '');
const seizure = (code: string) => document.querySelector(`[data-substance="${code}"] .tile-value`)!.textContent;

describe('ReportFigures', () => {
  afterEach(cleanup);

  it('writes the figures, the tonnes and the year-on-year change in English', async () => {
    await setLanguage('en');
    render(<ReportFigures report={REPORT} substances={SUBSTANCES} />);
    expect(value('cases')).toBe('755,541');
    expect(value('clearanceRate')).toBe('95%');
    expect(value('gangsDismantled')).toBe('947');
    expect(change('cybercrime')).toBe('+40%');
    expect(figure('warrants').querySelector('[data-testid="change"]')!.getAttribute('data-direction')).toBe('same');
    expect(seizure('cannabis_resin')).toBe('123,970 t');
    // a long count is compact in its card, the exact figure its title
    expect(seizure('psychotropic_pills')).toBe('1.4M items');
    expect(document.querySelector('[data-substance="psychotropic_pills"] [data-testid="quantity"]')!.getAttribute('title')).toBe('1,400,512 items');
    expect(document.querySelector('[data-substance="cannabis_resin"] .tile-label')!.textContent).toBe('Cannabis resin');
  });

  it('uses French grouping and a decimal comma', async () => {
    await setLanguage('fr');
    render(<ReportFigures report={REPORT} substances={SUBSTANCES} />);
    const nf = new Intl.NumberFormat('fr');
    expect(value('cases')).toBe(nf.format(755_541));
    expect(value('cases')).toMatch(/^755\s541$/u);
    expect(seizure('cannabis_resin')).toBe(`${nf.format(123_970)} t`);
    expect(change('cybercrime')).toMatch(/^\+40\s?%$/u);
  });

  it('writes Arabic with the locale’s own digits and the unit in Arabic', async () => {
    await setLanguage('ar');
    render(<ReportFigures report={REPORT} substances={SUBSTANCES} />);
    const nf = new Intl.NumberFormat('ar');
    expect(value('cases')).toBe(nf.format(755_541));
    expect(value('gangsDismantled')).toBe(nf.format(947));
    expect(seizure('cannabis_resin')).toBe(`${nf.format(123_970)} طن`);
    expect(document.querySelector('[data-substance="cannabis_resin"] .tile-label')!.textContent).toBe('راتنج القنب (الشيرا)');
    // the digits are Intl's choice for 'ar' (Latin in recent CLDR, Arabic-Indic in older data): never hard-coded
    expect(change('cybercrime')).toBe(new Intl.NumberFormat('ar', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(0.4));
  });

  it('writes long figures in compact notation so they fit their card, in English and in Arabic', async () => {
    const big: AnnualReport = {
      ...REPORT,
      arrests: { ...REPORT.arrests, total: y(12_345_678, 0) },
      seizures: [
        { substance: 'psychotropic_pills', measure: 'count', quantity: 1_412_386, previous: 0, change: null, seizures: 3 },
        { substance: 'cash', measure: 'money', quantity: 4_213_650_000, previous: 0, change: null, seizures: 9 },
      ],
    };
    await setLanguage('en');
    render(<ReportFigures report={big} substances={SUBSTANCES} />);
    expect(value('cases')).toBe('755,541');
    expect(value('arrests')).toBe('12.3M');
    expect(figure('arrests').querySelector('.tile-value')!.getAttribute('title')).toBe('12,345,678');
    expect(seizure('psychotropic_pills')).toBe('1.4M items');
    const cash = seizure('cash')!;
    expect(cash).toBe(new Intl.NumberFormat('en', { style: 'currency', currency: 'MAD', notation: 'compact', maximumFractionDigits: 1 }).format(42_136_500));
    expect(cash.length).toBeLessThan(12);
    cleanup();
    await setLanguage('ar');
    render(<ReportFigures report={big} substances={SUBSTANCES} />);
    const compact = new Intl.NumberFormat('ar', { notation: 'compact', maximumFractionDigits: 1 });
    expect(value('arrests')).toBe(compact.format(12_345_678));
    expect(seizure('psychotropic_pills')).toContain(compact.format(1_412_386));
  });

  it('prints the clearance-rate change exactly as the PDF and the CLI do (one rounding rule)', async () => {
    // 95 of 100 cases cleared, against 94 of 100 the year before: +1 point
    const rows: ReportRows = {
      cases: [
        { y: 2024, m: 1, region: 'MA-01', category: 'theft', status: 'solved', n: 95 },
        { y: 2024, m: 1, region: 'MA-01', category: 'theft', status: 'open', n: 5 },
        { y: 2023, m: 1, region: 'MA-01', category: 'theft', status: 'solved', n: 94 },
        { y: 2023, m: 1, region: 'MA-01', category: 'theft', status: 'open', n: 6 },
      ],
      arrests: [],
      seizures: [],
      gangs: [],
      gangMembersArrested: [],
      migration: [],
      warrants: [],
      complaints: [],
      substances: [],
      categories: ['theft'],
    };
    const r = buildReport(2024, rows, new Date('2025-01-15T09:00:00Z'));
    const inPdf = formatChange(headlineFigures(r).find((f) => f.key === 'cases.clearanceRate')!.change, 'en');
    await setLanguage('en');
    render(<ReportFigures report={r} substances={[]} />);
    expect(change('clearanceRate')).toBe(inPdf);
    expect(inPdf).toBe('+1%');
  });
});
