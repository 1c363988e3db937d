/**
 * Provenance of every demo record (PRODUCT.md): the owner agency (mostly Moroccan units, else the
 * bureau of the person's country or another partner), the handling code (mostly AMBER; RED and
 * some AMBER+STRICT restricted to one or two named agencies) and the legal basis. Pure and seeded.
 */
import type { TlpLevel } from '../core/handling.ts';
import { DEMO_AGENCIES, ncbCodeOf } from './agencies.ts';
import { type Random, WeightedTable } from './random.ts';

export const LEGAL_BASES = {
  interpol_rpd: "Processed under INTERPOL's Rules on the Processing of Data for international police cooperation.",
  national_law: 'Processed under national criminal procedure law for the prevention and investigation of crime.',
  judicial_decision: 'Processed on the basis of a judicial decision (warrant or court order) in a criminal case.',
  bilateral_agreement: 'Processed under a bilateral police cooperation agreement with the partner country.',
} as const;
export type LegalBasisCode = keyof typeof LEGAL_BASES;

export interface Provenance {
  ownerAgencyCode: string;
  tlp: TlpLevel;
  restrictedToCodes?: string[];
  legalBasisCode: LegalBasisCode;
  legalBasis: string;
}

const MOROCCAN_OWNERS = new WeightedTable(['MAR-NCB', 'MAR-BNPJ', 'MAR-BORDER', 'MAR-DGST', 'MAR-CYBER'], [30, 14, 10, 6, 3]);
const FOREIGN_AGENCIES = DEMO_AGENCIES.filter((a) => a.country !== 'MAR').map((a) => a.code);
const ALL_AGENCIES = DEMO_AGENCIES.map((a) => a.code);
const TLPS = new WeightedTable<TlpLevel>(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'], [3, 20, 60, 13, 4]);
const LEGAL_BASIS_CODES = new WeightedTable<LegalBasisCode>(['interpol_rpd', 'national_law', 'judicial_decision', 'bilateral_agreement'], [35, 35, 20, 10]);

export function provenance(r: Random, nat?: string): Provenance {
  let owner: string;
  if (r.chance(0.63)) owner = MOROCCAN_OWNERS.draw(r);
  else {
    const ncb = nat && nat !== 'MAR' ? ncbCodeOf(nat) : undefined;
    owner = ncb && r.chance(0.6) ? ncb : r.pick(FOREIGN_AGENCIES);
  }
  const tlp = TLPS.draw(r);
  const legalBasisCode = LEGAL_BASIS_CODES.draw(r);
  const p: Provenance = { ownerAgencyCode: owner, tlp, legalBasisCode, legalBasis: LEGAL_BASES[legalBasisCode] };
  if (tlp === 'RED' || (tlp === 'AMBER+STRICT' && r.chance(0.5))) {
    const others = ALL_AGENCIES.filter((c) => c !== owner);
    p.restrictedToCodes = r.sample(others, r.int(1, 2));
  }
  return p;
}
