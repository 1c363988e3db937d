/**
 * Test fixtures for messages: agencies, actors and notices written straight into the tables
 * (the notice review flow has its own tests), so that tests control handling and state.
 */
import type { Actor, Role } from '../auth/roles.ts';
import { SCOPES } from '../auth/roles.ts';
import type { TlpLevel } from '../core/handling.ts';
import { uuidv7 } from '../core/ids.ts';
import type { Services } from '../app/module.ts';
import type { NoticeState, NoticeType } from '../notices/notice.ts';

const NAMES = { ar: 'مكتب', fr: 'Bureau', en: 'Bureau', es: 'Oficina' };
let n = 0;

export interface Cast {
  hub: Actor;
  sen: Actor;
  esp: Actor;
  fra: Actor;
  dpo: Actor;
  commander: Actor;
}

export const actor = (userId: string, agencyId: string, roles: Role[] = ['ncb_officer']): Actor => ({ userId, agencyId, roles, scopes: SCOPES, via: 'session' });

/** An officer at the hub and at three partner bureaus, the hub's data-protection officer and a commander. */
export async function cast(s: Services): Promise<Cast> {
  const root = await s.seeder.consoleActor();
  const agency = async (code: string, country: string) => (await s.admin.createAgency(root, { code, country, kind: 'ncb', names: NAMES })).id;
  const [sen, esp, fra] = [await agency('SEN-NCB', 'SEN'), await agency('ESP-NCB', 'ESP'), await agency('FRA-NCB', 'FRA')];
  return {
    hub: actor('hub-officer', root.agencyId),
    sen: actor('sen-officer', sen),
    esp: actor('esp-officer', esp),
    fra: actor('fra-officer', fra),
    dpo: actor('hub-dpo', root.agencyId, ['dpo', 'analyst']),
    commander: actor('hub-commander', root.agencyId, ['commander']),
  };
}

/** A notice owned by `owner` with this handling, inserted as is. */
export async function notice(
  s: Services,
  owner: Actor,
  opts: { tlp?: TlpLevel; restrictedTo?: string[]; state?: NoticeState; type?: NoticeType } = {},
): Promise<string> {
  const now = s.clock.now();
  const id = uuidv7(Date.UTC(2026, 1, 1) + ++n);
  await s.conn.db
    .insertInto('notices')
    .values({
      id,
      reference: `M-${n}-${id.slice(-6)}`,
      type: opts.type ?? 'red',
      state: opts.state ?? 'published',
      urgency: 'normal',
      ownerAgencyId: owner.agencyId,
      tlp: opts.tlp ?? 'AMBER',
      restrictedTo: JSON.stringify(opts.restrictedTo ?? []),
      content: JSON.stringify({ subject: { names: [{ value: 'Subject', type: 'primary' }] }, offence: {}, warrant: {} }),
      checks: '[]',
      subjectName: 'Subject',
      searchText: 'subject',
      subjectRecordId: null,
      publicExtract: null,
      stateReason: null,
      submittedAt: now,
      publishedAt: now,
      reviewDate: '2031-01-01',
      renewalRequestedAt: null,
      source: null,
      externalId: null,
      createdAt: now,
      createdBy: owner.userId,
      updatedAt: now,
      updatedBy: owner.userId,
      version: 1,
    })
    .execute();
  return id;
}

/** A small file as the API takes it. */
export const file = (filename: string, content: Buffer | string, mediaType = 'application/pdf') => ({
  filename,
  mediaType,
  contentBase64: Buffer.from(content).toString('base64'),
});
