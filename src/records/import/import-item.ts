import type { TlpLevel } from '../../core/handling.ts';
import type { LinkType, RecordData, RecordKind } from '../record.ts';

/**
 * One record as an importer or the demo seeder hands it to `RecordsService.importBatch`.
 * `externalId` is unique within the source (`un-sc`, `demo`, …): importing the same
 * item again updates the record instead of duplicating it.
 */
export interface ImportItem {
  externalId: string;
  kind: RecordKind;
  data: RecordData;
  /** Owner agency by code (e.g. `MAR-NCB`); default: the importing actor's agency. */
  ownerAgencyCode?: string;
  tlp?: TlpLevel;
  /** Agency codes the record is restricted to. */
  restrictedToCodes?: string[];
  legalBasisCode: string;
  legalBasis: string;
  /** Default: five years from the import. */
  reviewDate?: string;
  /** Links from this item to other items of the same source, by their externalId. */
  links?: Array<{ type: LinkType; toExternalId: string }>;
}

export interface ImportProblem {
  /** Where in the input: element path and line, or row number. */
  position: string;
  message: string;
  /**
   * The item was imported all the same (a field kept in remarks, a character removed): a
   * warning. Absent: the item, or the part named by the position, was skipped.
   */
  warning?: boolean;
}

export interface ImportTotals {
  created: number;
  updated: number;
  unchanged: number;
  links: number;
}
