import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TLP_LEVELS } from '../core/handling.ts';
import { NOTICE_TYPES } from './notice.ts';
import { checkPublicExtract, restrictedToNamedAgencies } from './public-extract.ts';

const EXTRACT = { fields: ['names', 'birthDate'] as const satisfies readonly ('names' | 'birthDate')[] };
const SEN = '0198a0b4-0000-7000-8000-0000000000a1';
const code = (f: () => void) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code?: string; status?: number }).code + ':' + (e as { status?: number }).status;
  }
};

describe('public extract of a notice', () => {
  it('is refused outright for a notice restricted to named agencies: AMBER+STRICT, RED, or a list of agencies', () => {
    const got = Object.fromEntries(
      TLP_LEVELS.flatMap((tlp) => [
        [tlp, code(() => checkPublicExtract({ type: 'red', tlp, restrictedTo: [] }, EXTRACT))],
        [`${tlp} to SEN`, code(() => checkPublicExtract({ type: 'yellow', tlp, restrictedTo: [SEN] }, EXTRACT))],
      ]),
    );
    assert.deepEqual(got, {
      CLEAR: null,
      'CLEAR to SEN': 'public_extract_restricted:409',
      GREEN: null,
      'GREEN to SEN': 'public_extract_restricted:409',
      AMBER: null,
      'AMBER to SEN': 'public_extract_restricted:409',
      'AMBER+STRICT': 'public_extract_restricted:409',
      'AMBER+STRICT to SEN': 'public_extract_restricted:409',
      RED: 'public_extract_restricted:409',
      'RED to SEN': 'public_extract_restricted:409',
    });
  });

  it('lets a restricted notice withdraw its extract or have none', () => {
    for (const extract of [null, undefined, { fields: [] }]) assert.equal(code(() => checkPublicExtract({ type: 'red', tlp: 'RED', restrictedTo: [SEN] }, extract)), null);
  });

  it('still allows an extract on Red and Yellow notices only', () => {
    const allowed = NOTICE_TYPES.filter((type) => code(() => checkPublicExtract({ type, tlp: 'AMBER', restrictedTo: [] }, EXTRACT)) === null);
    assert.deepEqual(allowed, ['red', 'yellow']);
    assert.equal(code(() => checkPublicExtract({ type: 'blue', tlp: 'AMBER', restrictedTo: [] }, EXTRACT)), 'public_extract_not_allowed:400');
  });

  it('says restricted exactly where the handling keeps agencies out (the same rule as visibleToAgency)', () => {
    assert.deepEqual(
      TLP_LEVELS.map((tlp) => [tlp, restrictedToNamedAgencies({ tlp, restrictedTo: [] })]),
      [
        ['CLEAR', false],
        ['GREEN', false],
        ['AMBER', false],
        ['AMBER+STRICT', true],
        ['RED', true],
      ],
    );
  });
});
