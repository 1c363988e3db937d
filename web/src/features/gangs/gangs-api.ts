/**
 * The gang writes the desk makes (POST/PATCH /gangs, members): the read calls are in
 * `api/cases-client.ts`. The bodies are the server's own schemas (types only).
 */
import type { Static } from 'typebox';
import type { CreateGangSchema, UpdateGangSchema } from '../../../../src/cases/cases.schema.ts';
import type { GangView } from '../../api/cases-types.ts';
import { request } from '../../api/client.ts';

export type NewGang = Static<typeof CreateGangSchema>;
export type GangChanges = Static<typeof UpdateGangSchema>;
export type NewMember = { personRecordId: string; role: string };

const seg = encodeURIComponent;

export const gangsApi = {
  create: (g: NewGang) => request<GangView>('POST', '/gangs', { body: g, personal: true }),
  update: (id: string, changes: GangChanges) => request<GangView>('PATCH', `/gangs/${seg(id)}`, { body: changes, personal: true }),
  /** Adds members, or changes the role of one already in the gang. */
  addMembers: (id: string, members: NewMember[]) => request<GangView>('POST', `/gangs/${seg(id)}/members`, { body: { members }, personal: true }),
  removeMember: (id: string, personRecordId: string) =>
    request<void>('DELETE', `/gangs/${seg(id)}/members/${seg(personRecordId)}`, { personal: true }),
};
