import type { Db } from '../db/connect.ts';
import type { AuthRepo } from './auth.repo.ts';

/** Agency code ↔ id, cached: agencies are few and change rarely (a new one is a cache miss). */
export class AgencyDirectory {
  #byCode = new Map<string, string>();
  #codeById = new Map<string, string>();
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

  /** Agency codes by id, for labelling results (one query for all the ids not cached). */
  async codesOf(ids: Iterable<string>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.#codeById.get(id);
      if (hit) out.set(id, hit);
      else missing.push(id);
    }
    for (const id of missing) {
      const a = await this.repo.agencyById(this.db, id);
      if (!a) continue;
      this.#codeById.set(id, a.code);
      out.set(id, a.code);
    }
    return out;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repo.agencyById(this.db, id)) !== undefined;
  }
}
