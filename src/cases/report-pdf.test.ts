import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineText, readPdf, type TextRun } from './pdf-text.test-helper.ts';
import { visualRuns } from './report-bidi.ts';
import { REGIONS } from '../core/regions.ts';
import { changeText, formatChange } from './report-labels.ts';
import { CONTENT_BOTTOM, reportPdf } from './report-pdf.ts';
import { buildReport, headlineFigures, type ReportRows, roundChange, yoyRate } from './report.ts';

const AT = new Date('2025-01-15T09:00:00Z');
const EMPTY: ReportRows = { cases: [], arrests: [], seizures: [], gangs: [], gangMembersArrested: [], migration: [], warrants: [], complaints: [], substances: [], categories: [] };
const LABELS = { categories: {}, substances: { cannabis_resin: { ar: 'راتنج القنب (الشيرا)', fr: 'Résine de cannabis', en: 'Cannabis resin', es: 'Resina de cannabis' } } };
const cases = (year: number, region: string, n: number, status = 'solved') => ({ y: year, m: 3, region, category: 'theft', status, n });

/** 2024 with cases in two coded regions and one region typed in Latin letters that names none of the twelve, 2023 for the change. */
const ROWS: ReportRows = {
  ...EMPTY,
  cases: [cases(2024, 'MA-01', 95), cases(2024, 'MA-06', 3, 'open'), cases(2024, 'Tanger Med', 2, 'open'), cases(2023, 'MA-01', 94), cases(2023, 'MA-01', 6, 'open')],
  seizures: [{ y: 2024, m: 2, region: 'MA-01', substance: 'cannabis_resin', quantity: 123_970_000, n: 3 }],
  substances: [{ code: 'cannabis_resin', measure: 'mass' }],
  categories: ['theft'],
};

/** Lines of a page: runs on one baseline, left to right. */
function lines(runs: TextRun[]): Array<{ page: number; top: number; text: string; runs: TextRun[] }> {
  const by = new Map<string, TextRun[]>();
  for (const r of runs) {
    const k = `${r.page}:${Math.round(r.top)}`;
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  return [...by.values()].map((rs) => ({ page: rs[0].page, top: rs[0].top, text: lineText(rs), runs: rs }));
}
/** Arabic runs come out of the PDF in drawing order (right to left): read them back. */
const logical = (r: TextRun) => [...r.text].reverse().join('');
/** Arabic text as `logical` reads it back: a lam-alef ligature is one glyph, mapped to alef then lam. */
const asReadBack = (s: string) => s.replace(/ل([اأإآ])/g, '$1ل');

describe('annual report PDF', () => {
  it('draws an Arabic report with Latin region names typed by users: each script in a font that has it', async () => {
    const pdf = readPdf(await reportPdf(buildReport(2024, ROWS, AT), 'ar', LABELS));
    assert.deepEqual(pdf.fonts, ['NotoSans-Regular', 'NotoSansArabic-Regular']);
    // no glyph is the font's .notdef (the empty box)
    assert.deepEqual(pdf.runs.filter((r) => r.glyphs.includes(0)).map((r) => r.text), []);
    const latin = pdf.runs.find((r) => r.text === 'Tanger Med');
    assert.equal(latin?.font, 'NotoSans-Regular');
    const arabic = pdf.runs.filter((r) => r.font === 'NotoSansArabic-Regular').map(logical);
    assert.ok(arabic.includes('التقرير السنوي'), arabic.join(' | '));
    assert.ok(arabic.some((t) => t.includes('طنجة')), 'a coded region is named in Arabic');
    // a mixed label: the Latin year stays in Noto Sans, the numbers too
    assert.ok(pdf.runs.some((r) => r.font === 'NotoSans-Regular' && r.text === '123.97 t'));
    // right to left: the title starts at the right margin, the year sits at the left
    const title = pdf.runs.find((r) => r.font === 'NotoSansArabic-Regular' && logical(r) === 'التقرير السنوي')!;
    const year = pdf.runs.find((r) => r.text === '2024' && Math.abs(r.top - title.top) < 2)!;
    assert.ok(year.x < title.x);
  });

  it('draws a French report naming a region typed in Arabic with the Arabic font', async () => {
    const rows = { ...ROWS, cases: [...ROWS.cases, cases(2024, 'ميناء طنجة المتوسط', 4)] };
    const pdf = readPdf(await reportPdf(buildReport(2024, rows, AT), 'fr', LABELS));
    assert.deepEqual(pdf.fonts, ['NotoSans-Regular', 'NotoSansArabic-Regular']);
    assert.deepEqual(pdf.runs.filter((r) => r.glyphs.includes(0)).map((r) => r.text), []);
    assert.ok(pdf.runs.some((r) => r.font === 'NotoSansArabic-Regular' && logical(r) === 'ميناء طنجة المتوسط'));
    assert.ok(pdf.runs.some((r) => r.font === 'NotoSans-Regular' && r.text === 'Rapport annuel'));
  });

  it('names every region of an Arabic report in Arabic and prints no MA- code; a region stored as a name counts with its code', async () => {
    const rows: ReportRows = { ...EMPTY, cases: [...REGIONS.map((g, i) => cases(2024, g.code, 20 + i)), cases(2024, 'Tanger', 5), cases(2024, 'fès', 1)] };
    const report = buildReport(2024, rows, AT);
    assert.equal(report.byRegion.length, 12, 'Tanger is MA-01, fès MA-03: no thirteenth region');
    assert.equal(report.byRegion.find((g) => g.region === 'MA-01')?.cases, 25);
    const pdf = readPdf(await reportPdf(report, 'ar', LABELS));
    assert.deepEqual(pdf.runs.filter((r) => /MA-|\bMA\b/.test(r.text)).map((r) => r.text), []);
    const arabic = lines(pdf.runs).map((l) => l.runs.filter((r) => r.font === 'NotoSansArabic-Regular').map(logical).reverse().join(''));
    for (const g of REGIONS) assert.ok(arabic.some((t) => t.includes(asReadBack(g.names.ar))), `${g.code}: ${g.names.ar}`);
    const fr = readPdf(await reportPdf(report, 'fr', LABELS)).runs.map((r) => r.text).join(' ');
    assert.ok(fr.includes('Tanger-Tétouan-Al Hoceïma') && !fr.includes('MA-'));
  });

  it('numbers every page "n / N" and never starts a page for the footer alone', async () => {
    // one page for a usual report (the footer used to spill onto an empty page 2)
    const one = readPdf(await reportPdf(buildReport(2024, ROWS, AT), 'en', LABELS));
    assert.equal(one.pages, 1);
    // many regions typed by hand: the region chart runs onto more pages
    const many = { ...ROWS, cases: [...ROWS.cases, ...Array.from({ length: 60 }, (_, i) => cases(2024, `Region ${i + 1}`, 60 - i))] };
    for (const lang of ['en', 'ar'] as const) {
      const pdf = readPdf(await reportPdf(buildReport(2024, many, AT), lang, LABELS));
      assert.ok(pdf.pages >= 2, `${lang}: ${pdf.pages} pages`);
      for (let p = 1; p <= pdf.pages; p++) {
        const onPage = lines(pdf.runs.filter((r) => r.page === p));
        const content = onPage.filter((l) => l.top <= CONTENT_BOTTOM);
        const footer = onPage.filter((l) => l.top > CONTENT_BOTTOM);
        assert.ok(content.length > 0, `${lang}: page ${p} holds content, not only its footer`);
        assert.ok(footer.some((l) => l.runs.some((r) => r.text === `${p} / ${pdf.pages}`)), `${lang}: page ${p} is numbered ${p} / ${pdf.pages}`);
        assert.ok(onPage.every((l) => l.top < pdf.pageHeight - 20), `${lang}: nothing below the footer on page ${p}`);
      }
    }
  });

  it('says that a year has no data instead of printing a table of zeros, naming the years that have some', async () => {
    const r = buildReport(2026, ROWS, AT);
    assert.equal(r.hasData, false);
    const pdf = readPdf(await reportPdf(r, 'en', LABELS, { yearsWithData: [2024, 2023] }));
    const text = lines(pdf.runs).map((l) => l.text);
    assert.ok(text.includes('No fact is recorded on this node for 2026: the report has no figures.'), text.join('\n'));
    assert.ok(text.includes('Years with data: 2024, 2023'));
    assert.ok(!text.some((t) => t.startsWith('Cases')), 'no figure table, no chart');
    assert.equal(pdf.pages, 1);
    const ar = readPdf(await reportPdf(r, 'ar', LABELS));
    assert.ok(ar.runs.some((x) => x.font === 'NotoSansArabic-Regular' && logical(x).includes('توجد أي واقعة')));
  });

  it('prints the clearance-rate change in percentage points with the rounding the desk uses', async () => {
    const r = buildReport(2024, ROWS, AT);
    // 95 of 100 cleared against 94 of 100: +1 point, not +1.06 %
    assert.equal(r.cases.clearanceRate.change?.toFixed(6), '0.010000');
    const f = headlineFigures(r).find((x) => x.key === 'cases.clearanceRate')!;
    assert.equal(formatChange(f.change, 'en'), '+1%');
    const pdf = readPdf(await reportPdf(r, 'en', LABELS));
    const row = lines(pdf.runs).find((l) => l.runs.some((x) => x.text === 'Clearance rate'))!;
    assert.equal(row.runs.sort((a, b) => a.x - b.x).at(-1)!.text, changeText(r.cases.clearanceRate.change, 'en'));
    assert.equal(row.runs.at(-1)!.text, '+1%');
  });
});

describe('annual report rules', () => {
  it('counts dismantled trafficking networks among the networks dismantled, criminal gangs apart', () => {
    const gang = (kind: string, n: number, y = 2024) => ({ y, m: 5, region: 'MA-02', kind, n });
    const r = buildReport(2024, { ...EMPTY, gangs: [gang('criminal_gang', 7), gang('smuggling_network', 3), gang('trafficking_network', 2), gang('terrorist_cell', 1), gang('trafficking_network', 4, 2023)] }, AT);
    assert.deepEqual(r.migration.networksDismantled, { value: 5, previous: 4, change: 0.25 });
    assert.equal(r.gangs.dismantled.value, 7);
    assert.equal(r.byRegion[0].gangsDismantled, 13);
  });

  it('knows whether a year has any fact at all', () => {
    assert.equal(buildReport(2024, ROWS, AT).hasData, true);
    assert.equal(buildReport(2025, ROWS, AT).hasData, false, 'only 2024 facts: 2025 has none (its previous year does)');
    assert.equal(buildReport(2024, { ...EMPTY, complaints: [{ y: 2024, n: 1 }] }, AT).hasData, true);
    assert.equal(buildReport(2024, EMPTY, AT).hasData, false);
  });

  it('rounds a change once, to 0.1 %, half away from zero', () => {
    assert.equal(roundChange(0.0105), 0.011);
    assert.equal(roundChange(-0.0105), -0.011);
    assert.equal(roundChange(1 / 94), 0.011);
    assert.equal(roundChange(0.00004), 0);
    assert.equal(roundChange(null), null);
    assert.deepEqual(yoyRate(0.95, 0.94, 100).change?.toFixed(4), '0.0100');
    assert.equal(yoyRate(0.95, 0, 0).change, null);
    assert.equal(changeText(0.0106, 'fr'), new Intl.NumberFormat('fr', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(0.011));
  });

  it('orders mixed Arabic and Latin text for drawing (UAX #9)', () => {
    const v = (s: string, dir: 'ltr' | 'rtl' | 'auto' = 'auto') => visualRuns(s, dir, 'rtl').map((r) => `${r.script}:${r.text}`);
    // an Arabic label naming a substance in Latin letters: the Latin words on the left
    assert.deepEqual(v('حجز Cannabis resin'), ['latin:Cannabis resin', 'arabic:حجز ']);
    // a number with its separators stays one left-to-right run inside Arabic text
    assert.deepEqual(v('حجز 1,412,386 قطعة'), ['arabic: قطعة', 'latin:1,412,386', 'arabic:حجز ']);
    // brackets in right-to-left text are mirrored
    assert.deepEqual(v('راتنج (الشيرا)'), ['latin:(', 'arabic:الشيرا', 'latin:)', 'arabic:راتنج ']);
    // a Latin region name alone is left to right, even in an Arabic report
    assert.deepEqual(v('Casablanca-Settat'), ['latin:Casablanca-Settat']);
    // bidi marks steer the order but are not drawn
    assert.deepEqual(v('\u200e+1.1%\u200e', 'rtl'), ['latin:+1.1%']);
  });
});
