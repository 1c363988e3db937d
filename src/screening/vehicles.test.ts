import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalisePlate, normaliseVin, plateConfusableKey, VehicleIndex, vinCheckDigit } from './vehicles.ts';

const plates = (pairs: Array<[string, string]>) => {
  for (const [raw, want] of pairs) assert.equal(normalisePlate(raw), want, raw);
};

describe('plate normalisation', () => {
  it('drops case, spaces, dashes, dots and bars', () => {
    plates([['ab-123-cd', 'AB123CD'], ['AB 123 CD', 'AB123CD'], ['1234.AB.56', '1234AB56'], ['12345 | A | 6', '12345A6']]);
  });

  it('reads a Moroccan plate the same with the Arabic letter, its Latin form and any separators', () => {
    plates([['12345-أ-6', '12345A6'], ['12345 أ 6', '12345A6'], ['12345أ6', '12345A6'], ['12345-A-6', '12345A6']]);
  });

  it('folds Eastern-Arabic and Persian digits', () => {
    plates([['١٢٣٤٥-أ-٦', '12345A6'], ['۱۲۳۴۵ ب ۶', '12345B6']]);
  });

  it('maps each Moroccan series letter to its official Latin equivalent (Arrêté 2711-10)', () => {
    plates([
      ['1-أ-1', '1A1'],
      ['1-ا-1', '1A1'],
      ['1-ب-1', '1B1'],
      ['1-د-1', '1D1'],
      ['1-هـ-1', '1H1'],
      ['1-و-1', '1E1'],
      ['1-ط-1', '1T1'],
      ['1-ي-1', '1Y1'],
      ['1-ج-1', '1J1'],
      ['123456 المغرب', '123456M'],
    ]);
  });

  it('puts the serial first when right-to-left typing put the region first', () => {
    plates([['6-أ-12345', '12345A6'], ['26 د 123', '123D26']]);
    assert.equal(normalisePlate('6-A-12345'), '6A12345', 'Latin-only text is left in its order');
  });

  it('ignores bidirectional marks and tatweel copied along with Arabic text', () => {
    plates([['\u200f12345\u200e-ط-\u200f6', '12345T6'], ['12345-هـــ-6', '12345H6']]);
  });

  it('keeps an Arabic letter that has no Latin equivalent so that the plate still matches itself', () => {
    assert.equal(normalisePlate('12345-ش-6'), '12345ش6');
  });
});

describe('plate confusable keys', () => {
  it('maps O/0, I/1, S/5, B/8, Z/2 as for document numbers', () => {
    assert.equal(plateConfusableKey('AB1O5ZS'), plateConfusableKey('A810525'));
    assert.equal(plateConfusableKey('OISBZ'), '01582');
  });

  it('treats "W" and "O" for و on a Moroccan-shaped plate as its official "E"', () => {
    assert.equal(plateConfusableKey(normalisePlate('12345-W-6')), plateConfusableKey(normalisePlate('12345-و-6')));
    assert.equal(plateConfusableKey(normalisePlate('12345 O 6')), plateConfusableKey(normalisePlate('12345-و-6')));
  });
});

describe('VIN check digit (ISO 3779, North-American position 9)', () => {
  it('accepts a North-American VIN whose check digit is right, including X for 10', () => {
    assert.equal(vinCheckDigit('1M8GDM9AXKP042788'), 'valid');
    assert.equal(vinCheckDigit('1HGCM82633A004352'), 'valid');
  });

  it('refuses a North-American VIN whose check digit is wrong', () => {
    assert.equal(vinCheckDigit('1M8GDM9A1KP042788'), 'invalid');
  });

  it('says not applicable for a VIN from elsewhere whose position 9 is not a check digit', () => {
    assert.equal(vinCheckDigit('WVWZZZ1JZXW000001'), 'not_applicable');
    assert.equal(vinCheckDigit('VF1AB000X12345678'), 'not_applicable');
  });

  it('says valid for a VIN from elsewhere whose computed digit matches', () => {
    assert.equal(vinCheckDigit('JH4KA7561PC008269'), 'valid');
  });

  it('refuses wrong lengths and the letters I, O and Q', () => {
    for (const v of ['1M8GDM9AXKP04278', '1M8GDM9AXKP0427881', '1M8GDM9AXKP04278I', 'OM8GDM9AXKP042788', '1M8GDM9AXKP04Q788', '']) {
      assert.equal(vinCheckDigit(v), 'invalid', v);
    }
  });

  it('reads a VIN typed in lower case with spaces and dashes', () => {
    assert.equal(normaliseVin(' 1m8g-dm9a xkp042788 '), '1M8GDM9AXKP042788');
    assert.equal(vinCheckDigit(' 1m8g-dm9a xkp042788 '), 'valid');
  });
});

function sampleIndex(): VehicleIndex {
  const index = new VehicleIndex();
  index.add({ id: 'mar-1', plate: '12345-أ-6', plateCountry: 'MAR', vin: '1M8GDM9AXKP042788', status: 'stolen' });
  index.add({ id: 'mar-2', plate: '54321-و-26', plateCountry: 'MAR', status: 'wanted' });
  index.add({ id: 'fra-1', plate: 'AB-123-CD', plateCountry: 'FRA', vin: 'VF1AB000X12345678', status: 'stolen' });
  index.add({ id: 'esp-1', plate: '1234 BCD', plateCountry: 'ESP', status: 'stolen' });
  index.add({ id: 'xxx-1', plate: '1234 BCD', plateCountry: '', status: 'stolen' });
  return index;
}

describe('vehicle index', () => {
  it('finds a Moroccan plate typed with the Latin letter, Eastern digits or right to left', () => {
    const index = sampleIndex();
    for (const q of ['12345-A-6', '١٢٣٤٥ أ ٦', '6-أ-12345', '12345a6']) {
      const [m] = index.search({ plate: q });
      assert.deepEqual(m, {
        id: 'mar-1',
        score: 1,
        alert: true,
        plate: '12345-أ-6',
        plateCountry: 'MAR',
        vin: '1M8GDM9AXKP042788',
        how: 'plate_exact',
        status: 'stolen',
      }, q);
    }
  });

  it('finds confusable plates with a lower score that still alerts', () => {
    const index = sampleIndex();
    const [m] = index.search({ plate: 'A8-I23-CD' });
    assert.deepEqual([m.id, m.how, m.score, m.alert], ['fra-1', 'plate_confusable', 0.85, true]);
    assert.equal(index.search({ plate: '54321-W-26' })[0]?.how, 'plate_confusable', 'و rendered W');
  });

  it('keeps plates of the queried or an unknown country and leaves others out', () => {
    const index = sampleIndex();
    assert.deepEqual(index.search({ plate: '1234BCD' }).map((m) => m.id), ['esp-1', 'xxx-1']);
    for (const country of ['ES', 'ESP', 'Spain']) {
      assert.deepEqual(index.search({ plate: '1234BCD', country }).map((m) => m.id), ['esp-1', 'xxx-1'], country);
    }
    assert.deepEqual(index.search({ plate: '1234BCD', country: 'PT' }).map((m) => m.id), ['xxx-1']);
  });

  it('finds a VIN exactly, whatever the plate country', () => {
    const [m] = sampleIndex().search({ vin: '1m8gdm9axkp042788', country: 'FR' });
    assert.deepEqual([m.id, m.how, m.score], ['mar-1', 'vin_exact', 1]);
  });

  it('reads I, O and Q in a queried VIN as 1, 0 and 0', () => {
    const index = sampleIndex();
    for (const q of ['IM8GDM9AXKP042788', '1M8GDM9AXKPO42788', '1M8GDM9AXKPQ42788']) {
      const [m] = index.search({ vin: q });
      assert.deepEqual([m?.id, m?.how, m?.score, m?.alert], ['mar-1', 'vin_ocr', 0.9, true], q);
    }
  });

  it('reports a vehicle once, by its best reason, when plate and VIN both match', () => {
    const matches = sampleIndex().search({ plate: 'A8-123-CD', vin: 'VF1AB000X12345678' });
    assert.deepEqual(matches.map((m) => [m.id, m.how]), [['fra-1', 'vin_exact']]);
  });

  it('applies the caller filter and the limit', () => {
    const index = sampleIndex();
    assert.deepEqual(index.search({ plate: '1234BCD' }, { filter: (id) => id !== 'esp-1' }).map((m) => m.id), ['xxx-1']);
    assert.equal(index.search({ plate: '1234BCD' }, { limit: 1 }).length, 1);
  });

  it('follows removal and replacement', () => {
    const index = sampleIndex();
    assert.equal(index.size, 5);
    assert.equal(index.remove('mar-1'), true);
    assert.equal(index.remove('mar-1'), false);
    assert.deepEqual(index.search({ plate: '12345A6' }), []);
    assert.deepEqual(index.search({ vin: '1M8GDM9AXKP042788' }), []);
    index.add({ id: 'fra-1', plate: 'ZZ-999-ZZ', plateCountry: 'FRA', status: 'ok' });
    assert.equal(index.size, 4);
    assert.deepEqual(index.search({ plate: 'AB123CD' }), []);
    assert.deepEqual(index.search({ vin: 'VF1AB000X12345678' }), []);
    assert.equal(index.search({ plate: 'zz 999 zz' })[0]?.status, 'ok');
    assert.equal(index.has('fra-1'), true);
  });

  it('returns nothing for an empty query and refuses a vehicle with neither plate nor VIN', () => {
    const index = sampleIndex();
    assert.deepEqual(index.search({}), []);
    assert.deepEqual(index.search({ plate: ' - ', vin: '' }), []);
    assert.equal(index.add({ id: 'empty', plate: '--', plateCountry: 'MAR', status: 'stolen' }), false);
  });
});
