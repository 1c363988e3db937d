import { describe, expect, it } from 'vitest';
import { notice } from './fixtures.ts';
import { draftFromNotice } from './wizard-state.ts';

describe('draftFromNotice', () => {
  it('reads a diffusion’s recipients from the agencies it is restricted to (the server keeps one list)', () => {
    const agencies = [
      { id: 'ag-esp', code: 'ESP-NCB' },
      { id: 'ag-fra', code: 'FRA-NCB' },
    ];
    const diffusion = draftFromNotice(notice({ type: 'diffusion', restrictedTo: agencies }));
    expect([diffusion.recipients, diffusion.restrictedTo]).toEqual([['ag-esp', 'ag-fra'], []]);
    const red = draftFromNotice(notice({ restrictedTo: agencies }));
    expect([red.recipients, red.restrictedTo]).toEqual([[], ['ag-esp', 'ag-fra']]);
  });
});
