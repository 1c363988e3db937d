/**
 * The notices demo of a node's first start: the stories of src/seed/stories/notices.ts run through
 * this module's own services, as the officers, the hub's reviewer and the border officers they
 * name, on a story clock (src/seed/story-clock.ts): requests drafted, submitted, reviewed,
 * published, returned, refused, withdrawn and cancelled over the past weeks, hits from border
 * checks and their follow-up. Then the node's sweeps run once on the real clock: the notice
 * published five years ago expires, the one near its review date asks for renewal, follow-up
 * tasks past their deadline are escalated. Deterministic: the subjects are demo persons chosen
 * by rule (src/seed/demo-picks.ts).
 */
import type { Services } from '../app/module.ts';
import type { Actor } from '../auth/roles.ts';
import { DAY_MS } from '../core/clock.ts';
import { toIsoDate } from '../core/partial-date.ts';
import type { DemoScale } from '../seed/demo.ts';
import { type DemoPerson, pickDemoPersons } from '../seed/demo-picks.ts';
import { NOTICE_STORIES, type NoticeStep, type NoticeStory, REVIEWER } from '../seed/stories/notices.ts';
import { inStoryOrder, StoryClock } from '../seed/story-clock.ts';
import type { ScreeningKind } from './hit.ts';
import { HitsRepo } from './hits.repo.ts';
import { HitsService } from './hits.service.ts';
import { NoticesRepo, NoticesService, screenerOf } from './index.ts';
import type { NoticeContent, NoticeSubject } from './notice.ts';
import { NotificationsRepo } from './notifications.repo.ts';
import { NotificationsService } from './notifications.service.ts';

export interface NoticesDemoReport {
  /** notice id by story key */
  notices: Record<string, string>;
  hits: number;
  expired: number;
  renewalRequested: number;
  escalated: number;
}

const PURPOSE = 'demo: notice workflow';

/** Runs the notice stories (all of them, merged in time order) and the sweeps. */
export async function seedNoticesDemo(s: Services, scale: DemoScale): Promise<NoticesDemoReport> {
  const clock = new StoryClock(s.clock);
  const db = s.conn.db;
  const notices = new NoticesService(db, new NoticesRepo(), s.audit, s.bus, clock, s.ids, screenerOf(s.screening));
  const notifications = new NotificationsService(db, new NotificationsRepo(), s.audit, clock, s.ids);
  const hits = new HitsService(db, new HitsRepo(), notices, notifications, s.audit, s.bus, clock, s.ids);
  const persons = pickDemoPersons(scale, NOTICE_STORIES.flatMap((n) => (n.subject ? [{ ...n.subject, key: n.key }] : [])));
  const actors = new Map<string, Actor>();
  const actor = async (username: string) => actors.get(username) ?? actors.set(username, await s.seeder.demoActor(username)).get(username)!;

  const ids: Record<string, string> = {};
  const lastHit = new Map<string, { id: string; screener: string }>();
  let hitCount = 0;
  const run = async (st: NoticeStory, step: NoticeStep) => {
    const owner = await actor(st.owner);
    const id = ids[st.key];
    switch (step.do) {
      case 'create': {
        const recipients = await Promise.all((st.recipients ?? []).map(async (code) => (await s.directory.idOf(code))!));
        const n = await notices.create(
          owner,
          { type: st.type, urgency: st.urgency, content: contentOf(st, persons.get(st.key), clock.end), ...(recipients.length ? { recipients } : {}), ...(st.publicExtract ? { publicExtract: { fields: st.publicExtract } } : {}) },
          PURPOSE,
        );
        ids[st.key] = n.id;
        return;
      }
      case 'screen': {
        const n = await notices.get(owner, id, PURPOSE);
        const screener = await actor(step.by);
        const [alert] = await hits.recordFromScreening(screener, step.kind, queryOf(step.kind, persons.get(st.key)!), [{ recordId: n.subjectRecordId!, score: step.score, alert: true }]);
        lastHit.set(st.key, { id: alert.hitId, screener: step.by });
        hitCount++;
        return;
      }
      case 'task':
      case 'outcome': {
        const hit = lastHit.get(st.key)!;
        const who = await actor(step.side === 'owner' ? st.owner : hit.screener);
        const view = await hits.get(who, hit.id, PURPOSE);
        if (step.do === 'outcome') await hits.recordOutcome(who, hit.id, { status: step.status, note: step.note, version: view.version }, PURPOSE);
        else await hits.completeTask(who, hit.id, view.tasks.find((t) => t.side === step.side)!.id, PURPOSE);
        return;
      }
      default: {
        const who = step.do === 'start_review' || step.do === 'publish' || step.do === 'return' || step.do === 'refuse' ? await actor(REVIEWER) : owner;
        const { version } = await notices.get(who, id, PURPOSE);
        await notices.act(who, id, step.do, { version, ...('reason' in step ? { reason: step.reason } : {}) }, PURPOSE);
      }
    }
  };

  for (const { story: st, event: step } of inStoryOrder(NOTICE_STORIES.filter((st) => !st.subject || persons.has(st.key)), (st) => st.steps)) {
    clock.at(step.at);
    await run(st, step);
  }
  // the node's own sweeps, on the real clock, once the stories are told
  const swept = await s.notices.expireAndRemind();
  const { escalated } = await s.hits.escalateOverdue();
  return { notices: ids, hits: hitCount, expired: swept.expired, renewalRequested: swept.renewalRequested, escalated };
}

function subjectOf(p: DemoPerson, description: string | undefined): NoticeSubject {
  const d = p.data;
  return {
    names: d.names.map(({ value, script, lang, type }) => ({ value, type, ...(script ? { script } : {}), ...(lang ? { lang } : {}) })),
    ...(d.birthDates?.[0] ? { birthDate: d.birthDates[0] } : {}),
    ...(d.placesOfBirth?.[0] ? { placeOfBirth: d.placesOfBirth[0] } : {}),
    ...(d.nationalities ? { nationalities: d.nationalities } : {}),
    ...(d.gender ? { gender: d.gender } : {}),
    ...(p.passport ? { identifiers: [{ type: 'passport', value: p.passport.number, ...(p.passport.issuingCountry ? { country: p.passport.issuingCountry } : {}) }] } : {}),
    ...(description ? { description } : {}),
  };
}

/** The request as the bureau writes it: the subject from its record, the warrant dated back from `end`. */
function contentOf(st: NoticeStory, person: DemoPerson | undefined, end: Date): NoticeContent {
  const subject: NoticeSubject = person ? subjectOf(person, st.subject?.description) : { names: [], ...(st.unnamed ?? {}) };
  let warrant = {};
  if (st.warrant) {
    const date = toIsoDate(new Date(end.getTime() - st.warrant.daysAgo * DAY_MS));
    warrant = { reference: st.warrant.reference.replace('{Y}', date.slice(0, 4)), date, authority: st.warrant.authority };
  }
  return {
    subject,
    offence: st.offence ?? {},
    warrant,
    ...(st.circumstances ? { circumstances: st.circumstances } : {}),
    ...(st.requestedAction ? { requestedAction: st.requestedAction } : {}),
  };
}

/** What the border officer screened: a passport's zone or number, or the name as the traveller gave it. */
function queryOf(kind: ScreeningKind, p: DemoPerson): Record<string, unknown> {
  const d = p.data;
  const latin = d.names.filter((n) => n.script === 'Latn');
  const birthDate = d.birthDates?.[0] ?? null;
  const nationality = d.nationalities?.[0] ?? null;
  if (kind === 'document') return { number: p.passport!.number, issuingCountry: p.passport!.issuingCountry ?? null };
  if (kind === 'mrz') return { name: (latin[0] ?? d.names[0]).value.toLocaleUpperCase('en'), birthDate, nationality, gender: d.gender ?? null, documentNumber: p.passport?.number ?? null };
  // a traveller's own spelling: an alias when the record has one
  const name = (latin.find((n) => n.type === 'alias') ?? latin[0] ?? d.names[0]).value;
  return { name, birthDate, nationality, ...(d.gender ? { gender: d.gender } : {}) };
}
