import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentIndex, normaliseDocumentNumber, ocrKey, withoutPrefix } from './documents.ts';
import { ALERT_THRESHOLD } from './screening.ts';

const cases = (pairs: Array<[string, string]>) => {
  for (const [raw, want] of pairs) assert.equal(normaliseDocumentNumber(raw), want, raw);
};

describe('document number normalisation', () => {
  it('keeps an already normal number as it is', () => {
    cases([['A1234567', 'A1234567'], ['00868774', '00868774']]);
  });

  it('uppercases and drops spaces, dashes, dots and slashes', () => {
    cases([
      ['ab 123 456', 'AB123456'],
      ['D-379312', 'D379312'],
      ['ab.123.456', 'AB123456'],
      ['B/011641', 'B011641'],
      ['96 03 464086', '9603464086'],
      ['33202-7126636-9', '3320271266369'],
      ['  CV9157521 ', 'CV9157521'],
    ]);
  });

  it('folds Eastern-Arabic and Persian digits', () => {
    cases([['٦٥٤٧٨١', '654781'], ['۶۵۴۷۸۱', '654781'], ['BK ١٢٣٤٥٦', 'BK123456']]);
  });

  it('drops number labels: passport no., No, N°, Nº, Nr., numéro, number', () => {
    cases([
      ['passport no. A1234567', 'A1234567'],
      ['No 123456', '123456'],
      ['N° 123456', '123456'],
      ['Nº123456', '123456'],
      ['Nr. 123-456', '123456'],
      ['numéro 12 34 56', '123456'],
      ['Cedula No. 52252815 ', '52252815'],
      ['No34409/129', '34409129'],
      ['Provisional passport No.: 28642163', '28642163'],
    ]);
  });

  it('drops country names and adjectives in front, as the UN list writes them', () => {
    cases([
      ['Jordan 654781', '654781'],
      ['Qatari passport number 00868774', '00868774'],
      ['Pakistani passport number AA3829182', 'AA3829182'],
      ['Libya B/002210', 'B002210'],
      ['Afghan passport number SE 012820', 'SE012820'],
      ['Diplomatic Passport: Z30321794', 'Z30321794'],
      ['Central African Republic number O00065772', 'O00065772'],
    ]);
  });

  it('keeps up to three letters of series prefix that belong to the number', () => {
    cases([
      ['BK 123456', 'BK123456'],
      ['TR-P 614 166', 'TRP614166'],
      ['German travel document (“Reiseausweis”) A 0139243', 'A0139243'],
      ['French passport number 05AT521433', '05AT521433'],
    ]);
  });

  it('drops remarks in brackets and after a comma', () => {
    cases([
      ['381110042 (Expired 25 Jan. 2016)', '381110042'],
      ['Social Security Number 423-31-3021 (US)', '423313021'],
      ['R00005943, South Sudan', 'R00005943'],
    ]);
  });

  it('keeps a series and its number together across a label (Russian "8208 No. 555627")', () => {
    cases([['Russian passport number 8208 No. 555627', '8208555627']]);
  });

  it('gives an empty string for blank input', () => {
    cases([['', ''], ['   ', '']]);
  });
});

describe('OCR keys and series prefixes', () => {
  it('maps O and Q to 0, I and L to 1, S to 5, B to 8, Z to 2, G to 6', () => {
    assert.equal(ocrKey('OQILSBZG'), '00115826');
    assert.equal(ocrKey('AB1O34S67'), ocrKey('A81034567'));
  });

  it('leaves D, the other letters and digits alone', () => {
    assert.equal(ocrKey('D0123456789ACX'), 'D0123456789ACX');
  });

  it('drops a 1–3 letter series only when six or more characters remain', () => {
    assert.equal(withoutPrefix('AB1234567'), '1234567');
    assert.equal(withoutPrefix('L898902C3'), '898902C3');
    assert.equal(withoutPrefix('AB12345'), null);
    assert.equal(withoutPrefix('ABCD123456'), null);
    assert.equal(withoutPrefix('1234567'), null);
  });
});

function sampleIndex(): DocumentIndex {
  const index = new DocumentIndex();
  index.add({ id: 'mar-1', number: 'BK123456', type: 'national_id', issuingCountry: 'MAR', status: 'stolen' });
  index.add({ id: 'qat-1', number: 'Qatari passport number 00868774', type: 'passport', issuingCountry: 'QAT', status: 'lost' });
  index.add({ id: 'fra-1', number: 'AB1234567', type: 'passport', issuingCountry: 'FRA', status: 'revoked' });
  index.add({ id: 'esp-1', number: 'AB1234567', type: 'passport', issuingCountry: 'ESP', status: 'stolen' });
  index.add({ id: 'none-1', number: 'AB1234567', type: 'passport', issuingCountry: null, status: 'stolen' });
  index.add({ id: 'usa-1', number: '987654321', type: 'passport', issuingCountry: 'USA', status: 'lost' });
  return index;
}

describe('document index', () => {
  it('finds an exact normalised number with score 1 and an alert', () => {
    const [m] = sampleIndex().search({ number: 'bk-123 456' });
    assert.deepEqual(m, {
      id: 'mar-1',
      score: 1,
      alert: true,
      number: 'BK123456',
      how: 'exact',
      issuingCountry: 'MAR',
      status: 'stolen',
      type: 'national_id',
    });
  });

  it('finds a number recorded inside prose and returns it as recorded', () => {
    const [m] = sampleIndex().search({ number: '00868774' });
    assert.equal(m.id, 'qat-1');
    assert.equal(m.number, 'Qatari passport number 00868774');
    assert.equal(m.status, 'lost');
  });

  it('finds OCR confusions (O/0, I/1, S/5, B/8, Z/2) as lower-scored matches that still alert', () => {
    const index = sampleIndex();
    for (const q of ['8K123456', 'BKI23456', 'BK1Z3456', 'BK1234S6', 'BK12345G', 'BKl23456']) {
      const [m] = index.search({ number: q });
      assert.equal(m?.id, 'mar-1', q);
      assert.equal(m.how, 'ocr');
      assert.equal(m.score, 0.85);
      assert.equal(m.alert, 0.85 >= ALERT_THRESHOLD);
    }
    assert.equal(index.search({ number: '9B7654321' })[0]?.id, 'usa-1');
    assert.equal(index.search({ number: 'O0868774' })[0]?.how, 'ocr');
  });

  it('finds a number without its series letters, and the reverse, below the alert threshold', () => {
    const index = sampleIndex();
    const bare = index.search({ number: '1234567' });
    assert.deepEqual(bare.map((m) => [m.id, m.how, m.alert]), [
      ['esp-1', 'prefix', false],
      ['fra-1', 'prefix', false],
      ['none-1', 'prefix', false],
    ]);
    assert.equal(index.search({ number: 'X987654321' })[0]?.id, 'usa-1');
    assert.equal(index.search({ number: 'XY1234567' }).length, 3, 'different series, same number');
  });

  it('does not drop a series when fewer than six characters would remain', () => {
    const index = new DocumentIndex();
    index.add({ id: 'short', number: 'AB12345', type: 'passport', status: 'stolen' });
    assert.deepEqual(index.search({ number: '12345' }), []);
  });

  it('filters by issuing country given as alpha-2, alpha-3 or English name, keeping records without one', () => {
    const index = sampleIndex();
    for (const country of ['FR', 'FRA', 'France']) {
      assert.deepEqual(
        index.search({ number: 'AB1234567', issuingCountry: country }).map((m) => m.id),
        ['fra-1', 'none-1'],
        country,
      );
    }
    assert.equal(index.search({ number: 'AB1234567', issuingCountry: 'Utopia' }).length, 3, 'an unknown country does not filter');
  });

  it('returns stolen, lost and revoked status as recorded', () => {
    const statuses = sampleIndex().search({ number: 'AB1234567' }).map((m) => m.status);
    assert.deepEqual(statuses, ['stolen', 'revoked', 'stolen']);
  });

  it('ranks exact before OCR before prefix, then by id', () => {
    const index = new DocumentIndex();
    index.add({ id: 'c', number: 'A1234567', type: 'passport', status: 'stolen' });
    index.add({ id: 'b', number: 'AI234567', type: 'passport', status: 'stolen' });
    index.add({ id: 'a', number: '1234567', type: 'passport', status: 'stolen' });
    assert.deepEqual(index.search({ number: 'A1234567' }).map((m) => [m.id, m.how]), [
      ['c', 'exact'],
      ['b', 'ocr'],
      ['a', 'prefix'],
    ]);
  });

  it('applies the caller filter and the limit', () => {
    const index = sampleIndex();
    assert.deepEqual(index.search({ number: 'AB1234567' }, { filter: (id) => id !== 'esp-1' }).map((m) => m.id), ['fra-1', 'none-1']);
    assert.equal(index.search({ number: 'AB1234567' }, { limit: 1 }).length, 1);
  });

  it('follows removal and replacement, reusing freed slots', () => {
    const index = sampleIndex();
    assert.equal(index.size, 6);
    assert.equal(index.remove('mar-1'), true);
    assert.equal(index.remove('mar-1'), false);
    assert.equal(index.has('mar-1'), false);
    assert.deepEqual(index.search({ number: 'BK123456' }), []);
    assert.deepEqual(index.search({ number: '8K123456' }), []);
    index.add({ id: 'fra-1', number: 'ZZ7654321', type: 'passport', issuingCountry: 'FRA', status: 'lost' });
    assert.equal(index.size, 5);
    assert.deepEqual(index.search({ number: 'AB1234567' }).map((m) => m.id), ['esp-1', 'none-1']);
    assert.equal(index.search({ number: 'ZZ7654321' })[0]?.id, 'fra-1');
    assert.equal(index.search({ number: '7654321' })[0]?.how, 'prefix');
  });

  it('refuses a number with nothing to index and an empty query', () => {
    const index = new DocumentIndex();
    assert.equal(index.add({ id: 'x', number: ' - ', type: 'passport', status: 'stolen' }), false);
    assert.equal(index.size, 0);
    assert.deepEqual(sampleIndex().search({ number: '  ' }), []);
  });
});
