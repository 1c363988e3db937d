/** The case writes made from the case page (PATCH /cases/:id, POST /cases/:id/close); reads are in `api/cases-client.ts`. */
import type { Static } from 'typebox';
import type { CloseCaseSchema, UpdateCaseSchema } from '../../../../src/cases/cases.schema.ts';
import type { CaseView } from '../../api/cases-types.ts';
import { request } from '../../api/client.ts';

export type CaseChanges = Static<typeof UpdateCaseSchema>;
export type CaseClosing = Static<typeof CloseCaseSchema>;

const seg = encodeURIComponent;

export const caseApi = {
  update: (id: string, changes: CaseChanges) => request<CaseView>('PATCH', `/cases/${seg(id)}`, { body: changes, personal: true }),
  /** Solved (cleared) or closed on a date; the server takes today when none is given. */
  close: (id: string, closing: CaseClosing) => request<CaseView>('POST', `/cases/${seg(id)}/close`, { body: closing, personal: true }),
};
