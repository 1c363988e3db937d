import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { type Direction, type Script, visualRuns } from './report-bidi.ts';
import { figureLabel, formatChange, formatFigure, monthLabel, regionLabel, textOf } from './report-labels.ts';
import { type AnnualReport, headlineFigures, type ReportLang } from './report.ts';

type Labels = { categories: Record<string, Record<string, string>>; substances: Record<string, Record<string, string>> };

/**
 * The fonts the PDF embeds, shipped with the code (assets/fonts, SIL Open Font License 1.1):
 * Noto Sans for Latin text, digits and punctuation, Noto Sans Arabic for Arabic script. Each
 * run of text takes the font of its script, whatever the report's language.
 */
export const FONT_FILES: Readonly<Record<Script, string>> = {
  latin: fileURLToPath(new URL('../../assets/fonts/NotoSans-Regular.ttf', import.meta.url)),
  arabic: fileURLToPath(new URL('../../assets/fonts/NotoSansArabic-Regular.ttf', import.meta.url)),
};

const W = 595.28; // A4 in points
const H = 841.89;
const M = 48;
/** Content stops here; the footer (generation stamp and "n / N") sits in the bottom margin. */
export const CONTENT_BOTTOM = H - M - 12;
const FOOTER_TOP = H - M + 14;
const ROW = 14;
const BAR_ROW = 13;

type Align = 'start' | 'end' | 'center';
interface LineOptions {
  size?: number;
  align?: Align;
  color?: string;
  /** The paragraph direction; `auto` (default) takes the text's first strong character. */
  dir?: Direction | 'auto';
}

export interface PdfOptions {
  /** For a year without data: the years that have some, named in the notice. */
  yearsWithData?: number[];
}

/**
 * The report as a PDF: the headline figures with the previous year and the change, then bar
 * charts of cases per month and per region, drawn with pdfkit's vector API. Text is cut into
 * runs by script (src/cases/report-bidi.ts), so Arabic labels and Latin region names typed by
 * users both render; in Arabic the columns are mirrored and text is right-aligned; figures keep
 * Latin digits. Every page carries a footer and its number "n / N"; a page is only started for
 * content, so none holds a footer alone. A year without any fact says so instead of printing zeros.
 */
export async function reportPdf(r: AnnualReport, lang: ReportLang, labels: Labels, options: PdfOptions = {}): Promise<Buffer> {
  const rtl = lang === 'ar';
  const doc = new PDFDocument({ size: 'A4', margin: M, bufferPages: true, info: { Title: `${textOf('title', lang)} ${r.year}`, Author: 'Ribat' }, lang });
  doc.registerFont('latin', FONT_FILES.latin);
  doc.registerFont('arabic', FONT_FILES.arabic);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const line = lineWriter(doc, rtl ? 'rtl' : 'ltr');
  /** x of a column given in left-to-right terms, mirrored in Arabic */
  const col = (x: number, width: number) => (rtl ? W - x - width : x);
  // figures are written with Latin digits and SI symbols (t, kg) in every language
  const numLang: ReportLang = rtl ? 'en' : lang;
  /** numbers are right-aligned in both directions */
  const right: Align = rtl ? 'start' : 'end';

  let y = M;
  /** Starts a new page when `h` more points do not fit on this one; true when it did. */
  const room = (h: number) => {
    if (y + h <= CONTENT_BOTTOM) return false;
    doc.addPage();
    y = M;
    return true;
  };

  line(textOf('title', lang), col(M, W - 2 * M - 90), y, W - 2 * M - 90, { size: 18 });
  line(String(r.year), col(W - M - 80, 80), y + 2, 80, { size: 16, align: 'end', dir: 'ltr' });
  y += 28;
  line(textOf('scope', lang), M, y, W - 2 * M, { size: 8, color: '#444444' });
  y += 24;

  if (!r.hasData) {
    line(textOf('noData', lang, { year: r.year }), M, y, W - 2 * M, { size: 11 });
    y += 20;
    const years = options.yearsWithData ?? [];
    line(years.length ? textOf('yearsWithData', lang, { years: years.join(', ') }) : textOf('noYears', lang), M, y, W - 2 * M, { size: 9, color: '#444444' });
  } else {
    // the figures table: label | year | previous year | change
    const cols = { label: [M, 230], value: [M + 235, 95], previous: [M + 335, 95], change: [M + 435, 64] } as const;
    const header = () => {
      line(textOf('figure', lang), col(...cols.label), y, cols.label[1], { size: 9 });
      line(String(r.year), col(...cols.value), y, cols.value[1], { size: 9, align: right, dir: 'ltr' });
      line(String(r.previousYear), col(...cols.previous), y, cols.previous[1], { size: 9, align: right, dir: 'ltr' });
      line(textOf('change', lang), col(...cols.change), y, cols.change[1], { size: 9, align: right });
      y += ROW;
      doc.moveTo(M, y).lineTo(W - M, y).lineWidth(0.5).stroke('#888888');
      y += 4;
    };
    header();
    for (const f of headlineFigures(r)) {
      if (room(ROW)) header();
      line(figureLabel(f.key, lang, labels.substances), col(...cols.label), y, cols.label[1], { size: 8.5 });
      line(formatFigure(f, f.value, numLang), col(...cols.value), y, cols.value[1], { size: 8.5, align: right, dir: 'ltr' });
      line(formatFigure(f, f.previous, numLang), col(...cols.previous), y, cols.previous[1], { size: 8.5, align: right, dir: 'ltr' });
      line(formatChange(f.change, numLang), col(...cols.change), y, cols.change[1], { size: 8.5, align: right, dir: 'ltr' });
      y += ROW;
    }
    y += 10;
    const bars = (title: string, items: Array<{ name: string; value: number }>) => {
      // the title never ends a page: it moves on with at least three bars
      room(20 + Math.min(items.length, 3) * BAR_ROW);
      line(title, M, y, W - 2 * M, { size: 11 });
      y += 18;
      const fmt = new Intl.NumberFormat(numLang);
      const max = Math.max(1, ...items.map((i) => i.value));
      const nameW = 140;
      const numW = 70;
      const barW = W - 2 * M - nameW - numW - 12;
      for (const it of items) {
        room(BAR_ROW);
        const len = Math.max(0.5, (it.value / max) * barW);
        line(it.name, col(M, nameW), y, nameW, { size: 8 });
        doc.rect(rtl ? W - M - nameW - 6 - len : M + nameW + 6, y + 1, len, 8).fill('#2f6f9f');
        line(fmt.format(it.value), col(W - M - numW, numW), y, numW, { size: 8, align: right, dir: 'ltr' });
        y += BAR_ROW;
      }
      y += 10;
    };
    bars(textOf('byMonth', lang), r.byMonth.map((m) => ({ name: monthLabel(m.month, lang), value: m.cases })));
    bars(textOf('byRegion', lang), r.byRegion.map((g) => ({ name: regionLabel(g.region, lang), value: g.cases })));
  }

  // footers, once every page exists: the generation stamp and "n / N"
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    line(`Ribat · ${r.generatedAt}`, col(M, W - 2 * M - 80), FOOTER_TOP, W - 2 * M - 80, { size: 7, color: '#555555', dir: 'ltr' });
    line(`${i + 1} / ${pages.count}`, col(W - M - 70, 70), FOOTER_TOP, 70, { size: 7, color: '#555555', align: 'end', dir: 'ltr' });
  }
  doc.end();
  return done;
}

/**
 * Draws one line of text whose top is at `top` inside [x, x + width]: cut into runs by script
 * and direction, each in its font, all on one baseline; a line too wide is set smaller to fit.
 * `start`/`end` follow the report's direction (start is the right edge in Arabic).
 */
function lineWriter(doc: PDFKit.PDFDocument, reportDir: Direction) {
  const pieces = (runs: ReturnType<typeof visualRuns>) => runs.flatMap((run) => (run.perChar ? [...run.text] : [run.text]).map((text) => ({ text, font: run.script })));
  // `features` makes pdfkit lay the run out whole: by default it lays out word by word, which
  // would keep the words of an Arabic run in logical order while reversing each one
  const whole = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };
  const measure = (ps: Array<{ text: string; font: Script }>, size: number) => ps.reduce((w, p) => w + doc.font(p.font).fontSize(size).widthOfString(p.text, whole), 0);
  return (text: string, x: number, top: number, width: number, o: LineOptions = {}) => {
    const size = o.size ?? 9;
    const ps = pieces(visualRuns(text, o.dir ?? 'auto', reportDir));
    let s = size;
    let w = measure(ps, s);
    if (w > width && w > 0) {
      s = Math.max(5, (s * width) / w);
      w = measure(ps, s);
    }
    const align = o.align ?? 'start';
    const side = align === 'center' ? 'center' : (align === 'start') === (reportDir === 'ltr') ? 'left' : 'right';
    let cx = side === 'left' ? x : side === 'right' ? x + width - w : x + (width - w) / 2;
    const baseline = top + size * 0.92;
    doc.fillColor(o.color ?? '#000000');
    for (const p of ps) {
      doc.font(p.font).fontSize(s).text(p.text, cx, baseline, { ...whole, lineBreak: false, baseline: 'alphabetic' });
      cx += doc.widthOfString(p.text, whole);
    }
    doc.fillColor('#000000');
  };
}
