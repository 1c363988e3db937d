import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { candidate } from './fixtures.ts';
import { chunks, MANIFEST_SAMPLE, readManifest, resultsCsv, rowResult, sortResults, summarise, withoutRefused } from './manifest.ts';

describe('readManifest', () => {
  it('reads the sample into rows, leaving out empty optional columns', () => {
    const m = readManifest(MANIFEST_SAMPLE);
    expect(m).toEqual({
      ok: true,
      problems: [],
      rows: [
        { id: 'P001', name: 'Mohamed Ben Ali', birthDate: '1980-04-12', nationality: 'MA', gender: 'male' },
        { id: 'P002', name: 'El Idrissi, Fatima Zahra', birthDate: '1992', nationality: 'MAR', gender: 'female' },
        { id: 'P003', name: 'يوسف الحمداوي', birthDate: '1975-11', nationality: 'Morocco' },
      ],
    });
  });

  it('matches headers loosely and in any order, and only needs id and name', () => {
    const m = readManifest('\uFEFFName;ID;Birth_Date\r\nAli Omar;7;1970\r\n');
    expect(m).toEqual({ ok: true, problems: [], rows: [{ id: '7', name: 'Ali Omar', birthDate: '1970' }] });
  });

  it('refuses a file without a header naming id and name', () => {
    expect(readManifest('1,Ali\n2,Omar\n')).toEqual({ ok: false, error: { code: 'missing_columns', columns: ['id', 'name'] } });
    expect(readManifest('id,fullname\n1,Ali\n')).toEqual({ ok: false, error: { code: 'missing_columns', columns: ['name'] } });
    expect(readManifest('\n\n')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(readManifest('id,name\n1,"Ali\n')).toEqual({ ok: false, error: { code: 'unterminated_quote', line: 2 } });
  });

  it('reports the lines it cannot use, by line number, and screens the rest', () => {
    const m = readManifest('id,name,gender\n1,Ali,M\n,Omar,\n2,,\n1,Ali again,\n3,Sara,X\n4,Nour,f\n');
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.rows.map((r) => [r.id, r.gender])).toEqual([
      ['1', 'male'],
      ['3', undefined],
      ['4', 'female'],
    ]);
    expect(m.problems).toEqual([
      { line: 3, code: 'missing_id' },
      { line: 4, code: 'missing_name', rowId: '2' },
      { line: 5, code: 'duplicate_id', rowId: '1' },
      { line: 6, code: 'invalid_gender', rowId: '3' },
    ]);
  });
});

describe('readManifest: details the server would refuse', () => {
  it('screens a passenger without an unusable date or nationality, and skips ids and names that are too long', () => {
    const long = 'x'.repeat(301);
    const m = readManifest(`id,name,birthDate,nationality\n1,Ali,12/04/1980,MA\n2,Omar,1980-13,M\n3,${long},1980,MA\n4,Sara,1980-02,MAR\n`);
    expect(m.ok && m.rows).toEqual([
      { id: '1', name: 'Ali', nationality: 'MA' },
      { id: '2', name: 'Omar' },
      { id: '4', name: 'Sara', birthDate: '1980-02', nationality: 'MAR' },
    ]);
    expect(m.ok && m.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'invalid_birth_date'],
      [3, 'invalid_birth_date'],
      [3, 'invalid_nationality'],
      [4, 'too_long'],
    ]);
  });

  it('takes out the detail the server refused a row for, and nothing else', () => {
    const row = { id: '1', name: 'Ali', birthDate: '1980-02-30', nationality: 'Atlantis' };
    expect(withoutRefused(row, 'invalid_date')).toEqual({ id: '1', name: 'Ali', nationality: 'Atlantis' });
    expect(withoutRefused(row, 'invalid_nationality')).toEqual({ id: '1', name: 'Ali', birthDate: '1980-02-30' });
    expect(withoutRefused({ id: '1', name: 'Ali' }, 'invalid_date')).toBeNull();
    expect(withoutRefused(row, 'validation_failed')).toBeNull();
  });
});

describe('chunks', () => {
  it('cuts 1,201 rows into 500, 500 and 201', () => {
    const rows = Array.from({ length: 1201 }, (_, i) => i);
    expect(chunks(rows).map((c) => c.length)).toEqual([500, 500, 201]);
    expect(chunks([])).toEqual([]);
  });
});

describe('results', () => {
  const a = rowResult({ id: 'a', name: 'No One' }, []);
  const b = rowResult({ id: 'b', name: 'Low' }, [candidate({ id: 'x', score: 0.5, alert: false })]);
  const c = rowResult({ id: 'c', name: 'High' }, [candidate({ id: 'y', score: 0.7, alert: false }), candidate({ id: 'z', score: 0.95, alert: true })]);
  const d = rowResult({ id: 'd', name: 'Alert' }, [candidate({ id: 'w', score: 0.85, alert: true })]);

  it('puts alerts first, then rows with candidates, by best score, then the rest in manifest order', () => {
    expect(c.best?.id).toBe('z');
    expect(sortResults([a, b, c, d]).map((r) => r.row.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(summarise([a, b, c, d])).toEqual({ rows: 4, alerts: 2, withCandidates: 3 });
  });

  it('writes the CSV in manifest order, with a BOM, and defuses formula injection', () => {
    const evil = rowResult({ id: '=cmd|"/c calc"!A1', name: '@SUM(1+1)' }, [
      candidate({ id: 'r1', score: 0.91234, alert: true, matchedName: '+Mohamed' }),
    ]);
    const minus = rowResult({ id: '-5', name: 'Ali' }, [], [
      { field: 'birthDate', value: '1980-02-30', reason: 'not a real date' },
      { field: 'nationality', value: '=YU', reason: 'a former country' },
    ]);
    const text = resultsCsv([evil, minus, d], new Map([['-5', [{ code: 'invalid_date' }, { code: 'invalid_nationality' }]]]));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toEqual([
      ['id', 'name', 'bestCandidateId', 'bestScore', 'alert', 'matchedName', 'problem', 'notUnderstood'],
      [`'=cmd|"/c calc"!A1`, "'@SUM(1+1)", 'r1', '0.9123', 'true', "'+Mohamed", '', ''],
      ["'-5", 'Ali', '', '', 'false', '', 'invalid_date invalid_nationality', 'birthDate=1980-02-30; nationality==YU'],
      ['d', 'Alert', 'w', '0.85', 'true', 'Mohamed Ben Ali El Hammouchi', '', ''],
    ]);
    // no cell of the file starts with a formula character
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
