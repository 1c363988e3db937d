/**
 * A small PDF reader for the report's tests: the text pdfkit drew, run by run, with its page,
 * position, font and glyph ids, decoded through each font's ToUnicode map. It reads what pdfkit
 * writes (uncompressed objects, Flate content streams, Identity-H Type0 fonts), nothing more.
 */
import { inflateSync } from 'node:zlib';

export interface TextRun {
  page: number;
  x: number;
  /** distance of the baseline from the top of the page */
  top: number;
  /** the font's name without the subset tag, e.g. NotoSans-Regular */
  font: string;
  size: number;
  /** in drawing order (an Arabic run comes out in visual order, right to left reversed) */
  text: string;
  glyphs: number[];
}

export interface PdfText {
  pages: number;
  pageHeight: number;
  fonts: string[];
  runs: TextRun[];
}

export function readPdf(pdf: Buffer): PdfText {
  const s = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  const head = /(\d+) 0 obj\s*/g;
  for (let m = head.exec(s); m; m = head.exec(s)) {
    const from = m.index + m[0].length;
    const end = s.indexOf('endobj', from);
    const at = s.indexOf('stream', from);
    if (at < 0 || at > end) {
      objects.set(Number(m[1]), { dict: s.slice(from, end) });
      head.lastIndex = end;
      continue;
    }
    const dict = s.slice(from, at);
    let start = at + 'stream'.length;
    if (s[start] === '\r') start++;
    if (s[start] === '\n') start++;
    const length = Number(/\/Length (\d+)/.exec(dict)![1]);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(m[1]), { dict, stream: /FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    head.lastIndex = start + length;
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const fonts = new Map<number, { name: string; unicode: Map<number, string> }>();
  const fontOf = (id: number) => {
    let f = fonts.get(id);
    if (f) return f;
    const dict = objects.get(id)!.dict;
    const name = /\/BaseFont \/(?:[A-Z]{6}\+)?([^\s/>]+)/.exec(dict)![1];
    const unicode = new Map<number, string>();
    const cmap = objects.get(ref(dict, 'ToUnicode'))?.stream?.toString('latin1') ?? '';
    for (const range of cmap.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*\[([^\]]*)\]/gi)) {
      const from = parseInt(range[1], 16);
      [...range[3].matchAll(/<([0-9a-f\s]+)>/gi)].forEach((h, i) => {
        const units = h[1].replace(/\s/g, '').match(/.{4}/g)!.map((u) => parseInt(u, 16));
        unicode.set(from + i, String.fromCharCode(...units));
      });
    }
    f = { name, unicode };
    fonts.set(id, f);
    return f;
  };

  const pageIds = [...(/\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec(s)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const pageHeight = Number(/\/MediaBox \[0 0 [\d.]+ ([\d.]+)\]/.exec(s)?.[1] ?? 841.89);
  const runs: TextRun[] = [];
  pageIds.forEach((pid, p) => {
    const page = objects.get(pid)!.dict;
    const resources = objects.get(ref(page, 'Resources'))!.dict;
    const fontRefs = new Map([...(/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1], Number(m[2])]));
    const content = objects.get(ref(page, 'Contents'))!.stream!.toString('latin1');
    for (const bt of content.matchAll(/BT\s([\s\S]*?)\sET/g)) {
      const tm = /([-\d.]+) ([-\d.]+) Tm/.exec(bt[1]);
      const tf = /\/(\w+) ([\d.]+) Tf/.exec(bt[1]);
      if (!tm || !tf) continue;
      const font = fontOf(fontRefs.get(tf[1])!);
      const glyphs = [...bt[1].matchAll(/<([0-9a-f]*)>/gi)].flatMap((h) => h[1].match(/.{4}/g) ?? []).map((g) => parseInt(g, 16));
      runs.push({
        page: p + 1,
        x: Number(tm[1]),
        top: pageHeight - Number(tm[2]),
        font: font.name,
        size: Number(tf[2]),
        text: glyphs.map((g) => font.unicode.get(g) ?? '\uFFFD').join(''),
        glyphs,
      });
    }
  });
  return { pages: pageIds.length, pageHeight, fonts: [...new Set([...fonts.values()].map((f) => f.name))].sort(), runs };
}

/** The runs of one line (same page and baseline), left to right, joined. */
export function lineText(runs: TextRun[]): string {
  return [...runs].sort((a, b) => a.x - b.x).map((r) => r.text).join('');
}
