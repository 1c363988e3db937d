/**
 * CSV as RFC 4180 writes it, read and written in the browser: a manifest never leaves the
 * officer's machine except as the rows sent for screening.
 *
 * Reading accepts what real exports contain: a UTF-8 byte-order mark, CRLF, LF or lone CR
 * line ends, quoted fields holding the delimiter, quotes (doubled) and line breaks, and any
 * script (Arabic names stay as written). A quote inside an unquoted field is kept as text.
 */

export class CsvError extends Error {
  constructor(
    readonly code: 'unterminated_quote',
    /** 1-based line where the faulty field starts. */
    readonly line: number,
  ) {
    super(`${code} at line ${line}`);
    this.name = 'CsvError';
  }
}

export interface CsvOptions {
  /** Field separator; by default guessed from the first line (`,` unless it has only `;` or tabs). */
  delimiter?: string;
}

/** The separator of a file: a comma, unless the first line has none and has semicolons or tabs (spreadsheet exports). */
export function guessDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  if (first.includes(',')) return ',';
  if (first.includes(';')) return ';';
  if (first.includes('\t')) return '\t';
  return ',';
}

/**
 * Parses CSV text into rows of fields. Blank lines are skipped; a final line break does not
 * make an empty row. Throws CsvError for a quoted field that never closes.
 */
export function parseCsv(input: string, options: CsvOptions = {}): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? guessDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const n = text.length;

  const endRow = () => {
    row.push(field);
    field = '';
    // a blank line is one empty field: skip it
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      // a quoted field: up to the closing quote, "" standing for one quote
      const startLine = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (q === '\r' || q === '\n') {
          // a line break inside quotes is data; CRLF becomes \n like the other line ends
          if (q === '\r' && text[i + 1] === '\n') i++;
          field += '\n';
          line++;
          i++;
          continue;
        }
        field += q;
        i++;
      }
      if (!closed) throw new CsvError('unterminated_quote', startLine);
      // anything between the closing quote and the next separator is kept (lenient)
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      endRow();
      continue;
    }
    field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell for a CSV file that people open in a spreadsheet: a value starting with
 * = + - @ (or a tab or carriage return) gets a leading apostrophe so it is shown as text
 * and never run as a formula; then RFC 4180 quoting when the value needs it.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
