import { describe, expect, it } from 'vitest';
import { CsvError, csvCell, guessDelimiter, parseCsv, toCsv } from './csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('splits plain rows and fields', () => {
    expect(parseCsv('id,name\n1,Ali\n2,Omar')).toEqual([
      ['id', 'name'],
      ['1', 'Ali'],
      ['2', 'Omar'],
    ]);
  });

  it('reads quoted fields, with doubled quotes standing for one quote', () => {
    expect(parseCsv('a,b\n"x","say ""hello"""\n')).toEqual([
      ['a', 'b'],
      ['x', 'say "hello"'],
    ]);
  });

  it('keeps commas inside quotes', () => {
    expect(parseCsv('id,name\nP2,"El Idrissi, Fatima Zahra"\n')).toEqual([
      ['id', 'name'],
      ['P2', 'El Idrissi, Fatima Zahra'],
    ]);
  });

  it('accepts CRLF, LF and lone CR line ends, and a line break inside quotes', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r\n1,"two\r\nlines"\r\n')).toEqual([
      ['a', 'b'],
      ['1', 'two\nlines'],
    ]);
  });

  it('drops a UTF-8 byte-order mark so the first header is clean', () => {
    const rows = parseCsv('\uFEFFid,name\n1,Ali\n');
    expect(rows[0][0]).toBe('id');
    expect(rows[0][0].length).toBe(2);
  });

  it('keeps Arabic text as written, quoted or not', () => {
    expect(parseCsv('id,name\nP3,يوسف الحمداوي\nP4,"عبد اللطيف، بن علي"\n')).toEqual([
      ['id', 'name'],
      ['P3', 'يوسف الحمداوي'],
      ['P4', 'عبد اللطيف، بن علي'],
    ]);
  });

  it('keeps empty fields, skips blank lines, and makes no row of a final line break', () => {
    expect(parseCsv('a,b,c\n1,,3\n\n,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,"",c')).toEqual([['a', '', 'c']]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseCsv('a,b\n5" tall,x\n')).toEqual([
      ['a', 'b'],
      ['5" tall', 'x'],
    ]);
  });

  it('reports a quoted field that never closes, with the line it starts on', () => {
    const err = (() => {
      try {
        parseCsv('id,name\n1,"Ali\n2,Omar\n');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CsvError);
    expect(err).toMatchObject({ code: 'unterminated_quote', line: 2 });
  });

  it('guesses a semicolon or tab separator from the header (spreadsheet exports)', () => {
    expect(guessDelimiter('id;name\n1;Ali')).toBe(';');
    expect(guessDelimiter('id\tname')).toBe('\t');
    expect(guessDelimiter('id,name;x')).toBe(',');
    expect(parseCsv('id;name\n1;"Ben Ali; Mohamed"\n')).toEqual([
      ['id', 'name'],
      ['1', 'Ben Ali; Mohamed'],
    ]);
  });
});

describe('csvCell and toCsv', () => {
  it('quotes values that hold a separator, a quote or a line break', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.93)).toBe('0.93');
    expect(csvCell(true)).toBe('true');
  });

  it('defuses formulas: a value starting with = + - @ gets a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    // a value that merely contains them is left alone; numbers are numbers
    expect(csvCell('Ali = Aly')).toBe('Ali = Aly');
    expect(csvCell(-1)).toBe('-1');
  });

  it('writes CRLF line ends and reads back what it wrote', () => {
    const rows = [
      ['id', 'name'],
      ['P1', 'El Idrissi, "Fatima"'],
      ['P2', 'يوسف'],
    ];
    const text = toCsv(rows);
    expect(text).toBe('id,name\r\nP1,"El Idrissi, ""Fatima"""\r\nP2,يوسف\r\n');
    expect(parseCsv(text)).toEqual(rows);
  });
});
