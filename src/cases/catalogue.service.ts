import { can } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';
import { conflict } from '../core/errors.ts';
import { authorize } from './access.ts';
import { checkLabels } from './catalogue.ts';
import type { CatalogueRow, SubstanceRow } from './catalogue.repo.ts';
import type { CreateCategoryInput, CreateSubstanceInput } from './cases.schema.ts';
import type { CasesDeps } from './cases.service.ts';

/** Case categories and seizable substances: read by anyone who reads cases, extended by an administrator. */
export class CatalogueService {
  constructor(private readonly d: CasesDeps) {}

  async categories(actor: Actor): Promise<CatalogueRow[]> {
    this.authorizeRead(actor);
    return this.d.repo.categories(this.d.db);
  }

  async substances(actor: Actor): Promise<SubstanceRow[]> {
    this.authorizeRead(actor);
    return this.d.repo.substances(this.d.db);
  }

  async addCategory(actor: Actor, input: CreateCategoryInput, purpose = ''): Promise<CatalogueRow> {
    authorize(actor, 'catalogue.manage');
    const row: CatalogueRow = { code: input.code, labels: checkLabels(input.labels), builtin: false, createdAt: this.d.clock.now() };
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.repo.insertCategory(trx, row))) throw conflict('category_exists', 'A category with this code exists', { code: row.code });
      await this.d.audit.append(trx, actor, { action: 'catalogue.category.add', targetType: 'case_category', targetId: row.code, purpose });
    });
    await this.d.bus.publish('catalogue.updated', { kind: 'category', code: row.code });
    return row;
  }

  async addSubstance(actor: Actor, input: CreateSubstanceInput, purpose = ''): Promise<SubstanceRow> {
    authorize(actor, 'catalogue.manage');
    const row: SubstanceRow = { code: input.code, measure: input.measure, labels: checkLabels(input.labels), builtin: false, createdAt: this.d.clock.now() };
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.repo.insertSubstance(trx, row))) throw conflict('substance_exists', 'A substance with this code exists', { code: row.code });
      await this.d.audit.append(trx, actor, { action: 'catalogue.substance.add', targetType: 'substance', targetId: row.code, purpose, details: { measure: row.measure } });
    });
    await this.d.bus.publish('catalogue.updated', { kind: 'substance', code: row.code });
    return row;
  }

  /** Whoever reads cases, or administers the catalogue, reads it (forms need its labels). */
  private authorizeRead(actor: Actor) {
    if (!can(actor, 'catalogue.manage').allowed) authorize(actor, 'case.read');
  }
}
