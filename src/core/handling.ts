/**
 * One handling model for every record. The level is TLP 2.0 (FIRST, 2022); PAP and
 * Europol's SIENA handling codes are derived here and nowhere else.
 *  - H0: for law-enforcement purposes only; H1: not to be used as evidence without the
 *    owner's permission; H2: not to be disseminated without the owner's permission;
 *    H3: other restrictions (named recipients only).
 */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export interface Handling {
  tlp: TlpLevel;
  /** Agency ids the owner restricts the record to, besides itself. Empty: no named restriction. */
  restrictedTo: string[];
}

export interface HandlingCodes {
  tlp: `TLP:${TlpLevel}`;
  pap: 'PAP:CLEAR' | 'PAP:GREEN' | 'PAP:AMBER' | 'PAP:RED';
  europol: 'H0' | 'H1' | 'H2' | 'H3';
}

const MAP: Record<TlpLevel, Omit<HandlingCodes, 'tlp'>> = {
  CLEAR: { pap: 'PAP:CLEAR', europol: 'H0' },
  GREEN: { pap: 'PAP:GREEN', europol: 'H0' },
  AMBER: { pap: 'PAP:AMBER', europol: 'H1' },
  'AMBER+STRICT': { pap: 'PAP:AMBER', europol: 'H2' },
  RED: { pap: 'PAP:RED', europol: 'H3' },
};

export function handlingCodes(level: TlpLevel): HandlingCodes {
  return { tlp: `TLP:${level}`, ...MAP[level] };
}

/**
 * Whether an agency other than the owner may see a record with this handling.
 * CLEAR/GREEN/AMBER: every member agency of the node unless the owner named recipients;
 * AMBER+STRICT and RED: only the named recipients (none named: owner only).
 */
export function visibleToAgency(h: Handling, ownerAgencyId: string, agencyId: string): boolean {
  if (agencyId === ownerAgencyId) return true;
  if (h.tlp === 'AMBER+STRICT' || h.tlp === 'RED') return h.restrictedTo.includes(agencyId);
  return h.restrictedTo.length === 0 || h.restrictedTo.includes(agencyId);
}
