import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addYears } from './clock.ts';
import { isAlpha3, readCountry, toAlpha3 } from './countries.ts';
import { handlingCodes, TLP_LEVELS } from './handling.ts';
import { isUuid, sequentialIds, uuidv7 } from './ids.ts';
import { decodeCursor, encodeCursor, pageLimit, toPage } from './paging.ts';
import { isPartialDate, readPartialDate } from './partial-date.ts';
import { detectScript, fold } from './text.ts';

describe('partial dates', () => {
  it('accepts a year, a year-month and a real day', () => {
    for (const d of ['1970', '1970-05', '1970-05-12', '2000-02-29']) assert.equal(isPartialDate(d), true, d);
  });
  it('refuses impossible dates such as 1970-13-45 and 1999-02-29', () => {
    for (const d of ['1970-13-45', '1970-00', '1999-02-29', '1970-04-31', '70', '1970-5', 'abcd', '1970-05-12T00:00']) assert.equal(isPartialDate(d), false, d);
  });
  it('reads dates as lists write them (1984-2-01, 1984/02/01, 1 Feb 1984) and leaves impossible ones such as 1968-13-30 unread', () => {
    const cases: Array<[string, string | undefined]> = [
      ['1984-2-01', '1984-02-01'],
      ['1984-2-1', '1984-02-01'],
      ['1984/02/01', '1984-02-01'],
      ['19840201', '1984-02-01'],
      ['1984-02-01T00:00:00Z', '1984-02-01'],
      ['1 Feb 1984', '1984-02-01'],
      ['01-FEB-1984', '1984-02-01'],
      ['February 1984', '1984-02'],
      ['1984', '1984'],
      ['1968-13-30', undefined],
      ['1999-02-29', undefined],
      ['01/02/1984', undefined],
      ['unknown', undefined],
    ];
    for (const [given, read] of cases) assert.equal(readPartialDate(given), read, given);
    // strict validation is unchanged
    assert.equal(isPartialDate('1984-2-01'), false);
  });
  it('adds five years and falls back from 29 February', () => {
    assert.equal(addYears(new Date('2024-02-29T10:00:00Z'), 5).toISOString().slice(0, 10), '2029-02-28');
    assert.equal(addYears(new Date('2026-03-01T10:00:00Z'), 5).toISOString().slice(0, 10), '2031-03-01');
  });
});

describe('handling codes', () => {
  it('maps every TLP level onto PAP and a Europol H-code in one table', () => {
    assert.deepEqual(
      TLP_LEVELS.map((l) => handlingCodes(l)),
      [
        { tlp: 'TLP:CLEAR', pap: 'PAP:CLEAR', europol: 'H0' },
        { tlp: 'TLP:GREEN', pap: 'PAP:GREEN', europol: 'H0' },
        { tlp: 'TLP:AMBER', pap: 'PAP:AMBER', europol: 'H1' },
        { tlp: 'TLP:AMBER+STRICT', pap: 'PAP:AMBER', europol: 'H2' },
        { tlp: 'TLP:RED', pap: 'PAP:RED', europol: 'H3' },
      ],
    );
  });
});

describe('ids and paging', () => {
  it('makes time-ordered version 7 uuids', () => {
    const a = uuidv7(1000);
    const b = uuidv7(2000);
    assert.ok(isUuid(a) && a[14] === '7' && a < b);
  });
  it('makes the same sequence for tests every time', () => {
    const g1 = sequentialIds(0);
    const g2 = sequentialIds(0);
    const s1 = [g1(), g1(), g1()];
    assert.deepEqual(s1, [g2(), g2(), g2()]);
    assert.deepEqual([...s1].sort(), s1);
  });
  it('round-trips a cursor and refuses a forged one', () => {
    assert.equal(decodeCursor(encodeCursor('abc'), 'string'), 'abc');
    assert.equal(decodeCursor(encodeCursor(42), 'number'), 42);
    assert.throws(() => decodeCursor('not-a-cursor', 'string'), { code: 'invalid_cursor' });
    assert.throws(() => decodeCursor(encodeCursor(42), 'string'), { code: 'invalid_cursor' });
  });
  it('bounds every page', () => {
    assert.equal(pageLimit(undefined), 50);
    assert.throws(() => pageLimit(201), { code: 'invalid_limit' });
    assert.throws(() => pageLimit(0), { code: 'invalid_limit' });
    const p = toPage([1, 2, 3], 2, (n) => n);
    assert.deepEqual(p.items, [1, 2]);
    assert.equal(decodeCursor(p.nextCursor!, 'number'), 2);
    assert.equal(toPage([1, 2], 2, (n) => n).nextCursor, null);
  });
});

describe('text folding and countries', () => {
  it('folds Arabic letter variants, harakat and tatweel', () => {
    assert.equal(fold('أحمد'), fold('احمد'));
    assert.equal(fold('فاطمة'), fold('فاطمه'));
    assert.equal(fold('مُحَمَّد'), 'محمد');
    assert.equal(fold('عـــلي'), 'علي');
    assert.equal(fold('موسى'), fold('موسي'));
  });
  it('folds Latin diacritics, case, punctuation and Eastern Arabic digits', () => {
    assert.equal(fold('  Éric  O’Brien-Müller '), 'eric obrien muller');
    assert.equal(fold('١٢٣٤٥-أ-٦'), '12345 ا 6');
  });
  it('detects the script of a name', () => {
    assert.equal(detectScript('عبد اللطيف'), 'Arab');
    assert.equal(detectScript('Abdellatif'), 'Latn');
    assert.equal(detectScript('Иван'), 'Cyrl');
  });
  it('knows alpha-3 codes and resolves alpha-2 and English names', () => {
    assert.equal(isAlpha3('MAR'), true);
    assert.equal(isAlpha3('XXX'), false);
    assert.equal(toAlpha3('SN'), 'SEN');
    assert.equal(toAlpha3("Côte d'Ivoire") ?? toAlpha3('Ivory Coast'), 'CIV');
    assert.equal(toAlpha3('Chad'), 'TCD');
  });
  it('reads the UN, ISO and common names lists write, in English, French, Spanish and Arabic', () => {
    const cases: Array<[string, string]> = [
      ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
      ['Syria', 'SYR'],
      ['Laos', 'LAO'],
      ['Brunei', 'BRN'],
      ['East Timor', 'TLS'],
      ["Democratic People's Republic of Korea", 'PRK'],
      ['Korea (the Republic of)', 'KOR'],
      ['Korea, Republic of', 'KOR'],
      ['Congo (the Democratic Republic of the)', 'COD'],
      ['Congo', 'COG'],
      ['Iran (Islamic Republic of)', 'IRN'],
      ['Bolivia (Plurinational State of)', 'BOL'],
      ['Kingdom of Morocco', 'MAR'],
      ['Federal Republic of Nigeria', 'NGA'],
      ['Republic of China', 'TWN'],
      ['U.S.A.', 'USA'],
      ['St Lucia', 'LCA'],
      ['Royaume du Maroc', 'MAR'],
      ['République arabe syrienne', 'SYR'],
      ['Reino Unido', 'GBR'],
      ['República Democrática del Congo', 'COD'],
      ['المملكة المغربية', 'MAR'],
      ['الجمهورية العربية السورية', 'SYR'],
      ['سورية', 'SYR'],
      ['The former Yugoslav Republic of Macedonia', 'MKD'],
      ['Kosovo', 'XKX'],
      ['XK', 'XKX'],
      ['UK', 'GBR'],
    ];
    for (const [given, alpha3] of cases) assert.equal(toAlpha3(given), alpha3, given);
    assert.equal(toAlpha3('Korea'), undefined, 'which Korea depends on the words left out');
    assert.equal(toAlpha3('Atlantis'), undefined);
  });
  it('maps ISO 3166-3 former codes to the country of today, and marks those that split as former countries', () => {
    for (const [code, today] of [['TP', 'TLS'], ['ZR', 'COD'], ['BU', 'MMR'], ['DD', 'DEU'], ['ZAR', 'COD'], ['Zaire', 'COD'], ['East Germany', 'DEU']]) {
      const r = readCountry(code);
      assert.equal(r.kind === 'country' && r.alpha3, today, code);
      if (code.length === 2) assert.deepEqual(r.kind === 'country' && r.former?.code, code);
    }
    for (const [given, name] of [['SU', 'USSR'], ['YU', 'Yugoslavia'], ['CS', 'Czechoslovakia or Serbia and Montenegro'], ['AN', 'Netherlands Antilles'], ['former Soviet Union', 'USSR'], ['YUG', 'Yugoslavia'], ['ex-Yougoslavie', 'Yugoslavia'], ['Czechoslovakia', 'Czechoslovakia']]) {
      const r = readCountry(given);
      assert.equal(r.kind, 'former', given);
      assert.equal(r.kind === 'former' && r.name, name, given);
      assert.equal(toAlpha3(given), undefined, `${given} counts neither for nor against`);
    }
    assert.ok((readCountry('YU') as { successors: readonly string[] }).successors.includes('SRB'));
  });
});
