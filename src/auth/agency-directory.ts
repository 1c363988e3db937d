import type { Db } from '../db/connect.ts';
import type { AuthRepo } from './auth.repo.ts';

/** Agency code ↔ id, cached: agencies are few and change rarely (a new one is a cache miss). */
export class AgencyDirectory {
  #byCode = new Map<string, string>();
  constructor(
    private readonly db: Db,
    private readonly repo: AuthRepo,
  ) {}

  async idOf(code: string): Promise<string | undefined> {
    const hit = this.#byCode.get(code);
    if (hit) return hit;
    const a = await this.repo.agencyByCode(this.db, code);
    if (a) this.#byCode.set(code, a.id);
    return a?.id;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repo.agencyById(this.db, id)) !== undefined;
  }
}
