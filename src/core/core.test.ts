import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addYears } from './clock.ts';
import { isAlpha3, toAlpha3 } from './countries.ts';
import { handlingCodes, TLP_LEVELS } from './handling.ts';
import { isUuid, sequentialIds, uuidv7 } from './ids.ts';
import { decodeCursor, encodeCursor, pageLimit, toPage } from './paging.ts';
import { isPartialDate } from './partial-date.ts';
import { detectScript, fold } from './text.ts';

describe('partial dates', () => {
  it('accepts a year, a year-month and a real day', () => {
    for (const d of ['1970', '1970-05', '1970-05-12', '2000-02-29']) assert.equal(isPartialDate(d), true, d);
  });
  it('refuses impossible dates such as 1970-13-45 and 1999-02-29', () => {
    for (const d of ['1970-13-45', '1970-00', '1999-02-29', '1970-04-31', '70', '1970-5', 'abcd', '1970-05-12T00:00']) assert.equal(isPartialDate(d), false, d);
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
});
