/**
 * The agencies a partner node hosts (the codes given at its enrolment) become agency rows of
 * kind `foreign` here, labelled with the partner's names, so that officers can address them
 * and items naming them resolve. Made in the enrolment's transaction, and on first need for
 * partners enrolled before this existed.
 */
import type { Services } from '../app/module.ts';
import type { AppError } from '../core/errors.ts';
import type { Db } from '../db/connect.ts';
import { FOREIGN_AGENCY_KIND, type ForeignRecords, type TravellingAgency } from '../records/foreign-records.ts';
import { FederationRepo, type Partner } from './federation.repo.ts';

type PartnerAgencies = Pick<Partner, 'id' | 'names' | 'agencies'>;

/** An agency known only by its code and its node: its country read from the code as the seeder does (`SEN-NCB`: SEN). */
const travelling = (p: PartnerAgencies, code: string): TravellingAgency => ({
  code,
  country: /^[A-Z]{3}/.test(code) ? code.slice(0, 3) : p.id.slice(0, 3),
  names: { ...p.names },
});

export async function ensurePartnerAgencies(foreign: ForeignRecords, trx: Db, p: PartnerAgencies, at: Date): Promise<void> {
  for (const code of p.agencies) await foreign.agencyId(trx, travelling(p, code), at);
}

/**
 * Agency codes of every partner with the node that hosts each, the missing rows made first.
 * A code that is one of this node's own agencies stays this node's.
 */
export async function partnerAgencyNodes(s: Services, foreign: ForeignRecords): Promise<Map<string, string>> {
  const db = s.conn.db;
  const partners = await new FederationRepo().partners(db);
  const have = new Map((await s.authRepo.allAgencies(db)).map((a) => [a.code, a.kind]));
  const out = new Map<string, string>();
  for (const p of partners) {
    for (const code of p.agencies) {
      if (!have.has(code)) {
        await db
          .transaction()
          .execute((trx) => foreign.agencyId(trx, travelling(p, code), s.clock.now()))
          // made meanwhile by another request: the row is there either way
          .catch((e: AppError) => {
            if (e?.code !== 'agency_exists') throw e;
          });
        have.set(code, FOREIGN_AGENCY_KIND);
      }
      if (have.get(code) === FOREIGN_AGENCY_KIND && !out.has(code)) out.set(code, p.id);
    }
  }
  return out;
}
