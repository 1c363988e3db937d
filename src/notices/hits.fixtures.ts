/**
 * Test fixtures for hits: a live notice on a person record, written straight into the tables
 * (the review flow has its own tests), so that hit tests control type, urgency and state.
 */
import type { Actor } from '../auth/roles.ts';
import { uuidv7 } from '../core/ids.ts';
import type { Services } from '../app/module.ts';
import type { NoticeState, NoticeType, Urgency } from './notice.ts';

let n = 0;

export interface NoticeFixture {
  noticeId: string;
  recordId: string;
  reference: string;
}

export async function liveNotice(
  s: Services,
  owner: Actor,
  opts: { type?: NoticeType; urgency?: Urgency; state?: NoticeState; name?: string } = {},
): Promise<NoticeFixture> {
  const name = opts.name ?? `Subject Number${++n}`;
  const rec = await s.records.create(owner, {
    kind: 'person',
    data: { names: [{ value: name, type: 'primary' }] } as never,
    legalBasisCode: 'interpol_rpd',
    legalBasis: 'Article 10 RPD',
  });
  const now = s.clock.now();
  const id = uuidv7(Date.UTC(2026, 0, 1) + n);
  const reference = `T-${Date.now().toString(36)}-${n}`;
  await s.conn.db
    .insertInto('notices')
    .values({
      id,
      reference,
      type: opts.type ?? 'red',
      state: opts.state ?? 'published',
      urgency: opts.urgency ?? 'normal',
      ownerAgencyId: owner.agencyId,
      tlp: 'AMBER',
      restrictedTo: '[]',
      content: JSON.stringify({ subject: { names: [{ value: name, type: 'primary' }] }, offence: {}, warrant: {} }),
      checks: '[]',
      subjectName: name,
      searchText: name.toLowerCase(),
      subjectRecordId: rec.id,
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
  return { noticeId: id, recordId: rec.id, reference };
}

export async function noticeState(s: Services, noticeId: string): Promise<string> {
  return (await s.conn.db.selectFrom('notices').select('state').where('id', '=', noticeId).executeTakeFirstOrThrow()).state;
}
