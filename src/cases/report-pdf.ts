import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { figureLabel, formatChange, formatFigure, monthLabel, regionLabel, textOf } from './report-labels.ts';
import { type AnnualReport, headlineFigures, type ReportLang } from './report.ts';

type Labels = { categories: Record<string, Record<string, string>>; substances: Record<string, Record<string, string>> };

/** Debian's fonts-noto-core; without it an Arabic report falls back to English and says so. */
export const ARABIC_FONT = '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf';

const W = 595.28; // A4 in points
const M = 48;
// numbers are drawn in a Latin font, bidi marks removed: pdfkit lays a run out in one direction
const plain = (s: string) => s.replace(/[\u200e\u200f\u061c]/g, '');
/**
 * Noto Naskh Arabic has no ASCII parentheses or hyphens: Arabic labels use its ornate
 * parentheses, swapped because fontkit lays the run out right to left without mirroring.
 */
const naskhSafe = (s: string) => s.replace(/\(/g, '\uFD3F').replace(/\)/g, '\uFD3E').replace(/[-–]/g, ' ').replace(/ /g, '\u00A0');

/**
 * The report as a PDF: the headline figures with the previous year and the change, then bar
 * charts of cases per month and per region, drawn with pdfkit's vector API. Arabic labels use
 * Noto Naskh Arabic, right-aligned, with the columns mirrored; figures stay in Latin digits.
 */
export async function reportPdf(r: AnnualReport, requested: ReportLang, labels: Labels, arabicFont = ARABIC_FONT): Promise<Buffer> {
  const fallback = requested === 'ar' && !existsSync(arabicFont);
  const lang: ReportLang = fallback ? 'en' : requested;
  const rtl = lang === 'ar';
  const doc = new PDFDocument({ size: 'A4', margin: M, info: { Title: `${textOf('title', lang)} ${r.year}`, Author: 'Ribat' }, lang });
  if (rtl) doc.registerFont('label', arabicFont);
  else doc.registerFont('label', 'Helvetica');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const label = (text: string, x: number, y: number, width: number, size = 9) =>
    doc.font('label').fontSize(size).text(rtl ? naskhSafe(text) : text, x, y, { width, align: rtl ? 'right' : 'left', lineBreak: false });
  const number = (text: string, x: number, y: number, width: number, size = 9) =>
    doc.font('Helvetica').fontSize(size).text(plain(text), x, y, { width, align: 'right', lineBreak: false });
  /** x of a column given in left-to-right terms, mirrored in Arabic */
  const col = (x: number, width: number) => (rtl ? W - x - width : x);

  label(`${textOf('title', lang)}`, M, M, W - 2 * M, 18);
  number(`${r.year}`, rtl ? M : W - M - 80, M + 2, 80, 16);
  label(textOf('scope', lang), M, M + 28, W - 2 * M, 8);

  // the figures table: label | year | previous year | change
  let y = M + 52;
  const cols = { label: [M, 230], value: [M + 235, 95], previous: [M + 335, 95], change: [M + 435, 64] } as const;
  label(textOf('figure', lang), col(...cols.label), y, cols.label[1], 9);
  number(`${r.year}`, col(...cols.value), y, cols.value[1]);
  number(`${r.previousYear}`, col(...cols.previous), y, cols.previous[1]);
  label(textOf('change', lang), col(...cols.change), y, cols.change[1], 9);
  y += 14;
  doc.moveTo(M, y).lineTo(W - M, y).lineWidth(0.5).stroke('#888888');
  y += 4;
  for (const f of headlineFigures(r)) {
    label(figureLabel(f.key, lang, labels.substances), col(...cols.label), y, cols.label[1], 8.5);
    // figures are drawn in the Latin font, so an Arabic report shows them with SI symbols (t, kg)
    const numLang = rtl ? 'en' : lang;
    number(formatFigure(f, f.value, numLang), col(...cols.value), y, cols.value[1], 8.5);
    number(formatFigure(f, f.previous, numLang), col(...cols.previous), y, cols.previous[1], 8.5);
    number(formatChange(f.change, numLang), col(...cols.change), y, cols.change[1], 8.5);
    y += 14;
  }

  y += 10;
  y = bars(doc, textOf('byMonth', lang), r.byMonth.map((m) => ({ name: monthLabel(m.month, lang), value: m.cases })), y, rtl, label, number, lang);
  y = bars(doc, textOf('byRegion', lang), r.byRegion.map((g) => ({ name: regionLabel(g.region, lang), value: g.cases })), y + 10, rtl, label, number, lang);

  const footer = fallback ? 'The Arabic font (Debian package fonts-noto-core) is not installed: this report is shown in English.' : `Ribat · ${r.generatedAt}`;
  doc.font('Helvetica').fontSize(7).fillColor('#555555').text(footer, M, 800, { width: W - 2 * M, align: 'center', lineBreak: false });
  doc.end();
  return done;
}

type Draw = (text: string, x: number, y: number, width: number, size?: number) => unknown;

/** A horizontal bar chart, one bar per item, scaled to the largest; bars grow from the start side. */
function bars(doc: PDFKit.PDFDocument, title: string, items: Array<{ name: string; value: number }>, top: number, rtl: boolean, label: Draw, number: Draw, lang: ReportLang): number {
  const fmt = new Intl.NumberFormat(lang);
  let y = top;
  if (y + 20 + items.length * 13 > 790) {
    doc.addPage();
    y = M;
  }
  label(title, M, y, W - 2 * M, 11);
  y += 18;
  const max = Math.max(1, ...items.map((i) => i.value));
  const nameW = 140;
  const numW = 70;
  const barW = W - 2 * M - nameW - numW - 12;
  for (const it of items) {
    const len = Math.max(0.5, (it.value / max) * barW);
    if (rtl) {
      label(it.name, W - M - nameW, y, nameW, 8);
      doc.rect(W - M - nameW - 6 - len, y + 1, len, 8).fill('#2f6f9f');
      number(fmt.format(it.value), M, y, numW, 8);
    } else {
      label(it.name, M, y, nameW, 8);
      doc.rect(M + nameW + 6, y + 1, len, 8).fill('#2f6f9f');
      number(fmt.format(it.value), W - M - numW, y, numW, 8);
    }
    doc.fillColor('#000000');
    y += 13;
  }
  return y;
}
