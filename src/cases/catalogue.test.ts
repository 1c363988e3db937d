import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkClosing, isForeignNational, normalizePhone } from './case.ts';
import { checkLabels, displayQuantity, gramsToKilograms, gramsToTonnes, toBaseQuantity } from './catalogue.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
};

describe('exact unit conversion', () => {
  it('converts tonnes, kilograms and grams to whole grams without floating point', () => {
    assert.equal(toBaseQuantity('mass', { value: '123.97', unit: 't' }).quantity, 123_970_000);
    assert.equal(toBaseQuantity('mass', { value: '1.948', unit: 't' }).quantity, 1_948_000);
    assert.equal(toBaseQuantity('mass', { value: '0.001', unit: 'kg' }).quantity, 1);
    assert.equal(toBaseQuantity('mass', { value: '25', unit: 'g' }).quantity, 25);
    // 0.1 + 0.2 in floating point is 0.30000000000000004: decimals here stay exact
    assert.equal(toBaseQuantity('mass', { value: '0.3', unit: 'kg' }).quantity, 300);
    assert.equal(toBaseQuantity('mass', { value: 0.1, unit: 'kg' }).quantity, 100);
    assert.equal(toBaseQuantity('mass', { value: '12.500000', unit: 't' }).quantity, 12_500_000);
    assert.equal(toBaseQuantity('mass', { value: '4503599627.370495', unit: 't' }).quantity, 4_503_599_627_370_495);
  });

  it('counts items and money in minor units with the currency', () => {
    assert.deepEqual(toBaseQuantity('count', { value: '1400000', unit: 'items' }), { quantity: 1_400_000, currency: null });
    assert.deepEqual(toBaseQuantity('money', { value: '1500.5', unit: 'MAD' }), { quantity: 150_050, currency: 'MAD' });
    assert.deepEqual(toBaseQuantity('money', { value: '12.345', unit: 'TND' }), { quantity: 12_345, currency: 'TND' });
  });

  it('refuses a unit that does not measure the substance with unit_mismatch', () => {
    assert.equal(code(() => toBaseQuantity('mass', { value: '3', unit: 'items' })), 'unit_mismatch');
    assert.equal(code(() => toBaseQuantity('count', { value: '3', unit: 'kg' })), 'unit_mismatch');
    assert.equal(code(() => toBaseQuantity('money', { value: '3', unit: 'kg' })), 'unit_mismatch');
    assert.equal(code(() => toBaseQuantity('mass', { value: '3', unit: 'lb' })), 'unit_mismatch');
  });

  it('refuses a quantity that is not a whole number of base units with quantity_not_exact', () => {
    assert.equal(code(() => toBaseQuantity('mass', { value: '0.0005', unit: 'g' })), 'quantity_not_exact');
    assert.equal(code(() => toBaseQuantity('mass', { value: '1.0000001', unit: 't' })), 'quantity_not_exact');
    assert.equal(code(() => toBaseQuantity('count', { value: '2.5', unit: 'items' })), 'quantity_not_exact');
    assert.equal(code(() => toBaseQuantity('money', { value: '1.005', unit: 'MAD' })), 'quantity_not_exact');
  });

  it('refuses zero, negatives, exponents, commas and numbers beyond 2^53', () => {
    for (const value of ['0', '-1', '1e3', '1,5', '', ' ', 'abc', '.5', '5.']) assert.equal(code(() => toBaseQuantity('mass', { value, unit: 'kg' })), 'invalid_quantity', value);
    assert.equal(code(() => toBaseQuantity('mass', { value: 1e21, unit: 'kg' })), 'invalid_quantity');
    assert.equal(code(() => toBaseQuantity('mass', { value: '9007199254.740992', unit: 't' })), 'quantity_too_large');
  });

  it('shows grams as exact tonnes and kilograms', () => {
    assert.equal(gramsToTonnes(123_970_000_000), '123970');
    assert.equal(gramsToTonnes(123_970_000), '123.97');
    assert.equal(gramsToKilograms(1_500), '1.5');
    assert.equal(gramsToKilograms(1), '0.001');
    assert.deepEqual(displayQuantity('mass', 1_948_000), { value: '1.948', unit: 't' });
    assert.deepEqual(displayQuantity('mass', 2_500), { value: '2.5', unit: 'kg' });
    assert.deepEqual(displayQuantity('mass', 12), { value: '12', unit: 'g' });
    assert.deepEqual(displayQuantity('count', 7), { value: '7', unit: 'items' });
    assert.deepEqual(displayQuantity('money', 150_050, 'MAD'), { value: '1500.5', unit: 'MAD' });
  });

  it('round-trips every quantity through display and back exactly', () => {
    for (const g of [1, 999, 1_000, 1_001, 999_999, 1_000_000, 123_970_000_123]) {
      const d = displayQuantity('mass', g);
      assert.equal(toBaseQuantity('mass', d).quantity, g);
    }
  });
});

describe('case rules', () => {
  it('requires all four labels, none blank', () => {
    assert.deepEqual(checkLabels({ ar: ' عنف ', fr: 'Violence', en: 'Violence', es: 'Violencia' }), { ar: 'عنف', fr: 'Violence', en: 'Violence', es: 'Violencia' });
    assert.equal(code(() => checkLabels({ ar: 'عنف', fr: 'Violence', en: 'Violence' })), 'labels_incomplete');
    assert.equal(code(() => checkLabels({ ar: '  ', fr: 'Violence', en: 'Violence', es: 'Violencia' })), 'labels_incomplete');
  });

  it('ties the closing date to the status', () => {
    assert.equal(checkClosing('open', '2024-01-01', null), null);
    assert.equal(code(() => checkClosing('open', '2024-01-01', '2024-02-01')), 'closed_on_open_case');
    assert.equal(code(() => checkClosing('solved', '2024-01-01', null)), 'closed_on_required');
    assert.equal(code(() => checkClosing('closed', '2024-03-01', '2024-02-01')), 'closed_before_opened');
    assert.equal(checkClosing('solved', '2024-01-01', '2024-01-01'), '2024-01-01');
  });

  it('calls an arrested person foreign when their nationality is not the node’s country', () => {
    assert.equal(isForeignNational('SEN', 'MAR'), true);
    assert.equal(isForeignNational('MAR', 'MAR'), false);
    assert.equal(isForeignNational(null, 'MAR'), false);
  });

  it('normalises phone numbers for matching across cases', () => {
    assert.equal(normalizePhone('+212 (6) 61-23-45-67'), '+212661234567');
    assert.equal(code(() => normalizePhone('call me')), 'invalid_phone');
  });
});
