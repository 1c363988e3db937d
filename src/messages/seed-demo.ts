/**
 * The messages demo of a node's first start: the threads of src/seed/stories/messages.ts sent,
 * read and answered through this module's own service, as the bureau officers they name, on a
 * story clock (src/seed/story-clock.ts), about the notices and the cases the steps before seeded.
 * Then the node's deadline alarm runs once on the real clock: recipients who left a message
 * unread past its deadline are notified.
 */
import type { Services } from '../app/module.ts';
import type { Actor } from '../auth/roles.ts';
import type { TlpLevel } from '../core/handling.ts';
import { demoPdf } from '../seed/demo-pdf.ts';
import { type Attachment, THREAD_STORIES, type ThreadEvent } from '../seed/stories/messages.ts';
import { inStoryOrder, StoryClock } from '../seed/story-clock.ts';
import { MessagesRepo, MessagesService } from './index.ts';

export interface MessagesDemoRefs {
  /** notice id by notice story key */
  notices: Record<string, string>;
  /** case reference by category */
  cases: Record<string, string>;
}

export interface MessagesDemoReport {
  threads: number;
  messages: number;
  alarmed: number;
}

const PURPOSE = 'demo: cooperation messages';
const HOUR_MS = 3_600_000;

/** Runs the thread stories whose notice or case exists (all of them, merged in time order) and the alarms. */
export async function seedMessagesDemo(s: Services, refs: MessagesDemoRefs): Promise<MessagesDemoReport> {
  const db = s.conn.db;
  const clock = new StoryClock(s.clock);
  const messages = new MessagesService(db, new MessagesRepo(), s.audit, s.bus, clock, s.ids, { all: () => s.authRepo.allAgencies(db), codesOf: (a) => s.directory.codesOf(a) }, s.notices);
  const actors = new Map<string, Actor>();
  const actor = async (username: string) => actors.get(username) ?? actors.set(username, await s.seeder.demoActor(username)).get(username)!;
  const agencyIds = (codes: string[] | undefined) => (codes ? Promise.all(codes.map(async (c) => (await s.directory.idOf(c))!)) : Promise.resolve(undefined));

  // what the placeholders stand for, per thread; a thread whose notice or case is missing is left out
  const about = new Map<string, { noticeId?: string; caseRef?: string; fill: (text: string) => string }>();
  for (const t of THREAD_STORIES) {
    const first = t.events.find((e): e is Extract<ThreadEvent, { send: unknown }> => 'send' in e)!;
    if (t.about && 'notice' in t.about) {
      const id = refs.notices[t.about.notice];
      if (!id) continue;
      const n = await s.notices.get(await actor(first.send.from), id, PURPOSE);
      about.set(t.key, { noticeId: id, fill: (x) => x.replaceAll('{ref}', n.reference).replaceAll('{name}', n.subjectName) });
    } else if (t.about && 'case' in t.about) {
      const ref = refs.cases[t.about.case];
      if (!ref) continue;
      about.set(t.key, { caseRef: ref, fill: (x) => x.replaceAll('{case}', ref) });
    } else about.set(t.key, { fill: (x) => x });
  }

  const threads = new Map<string, string>();
  let sent = 0;
  for (const { story: t, event: e } of inStoryOrder(THREAD_STORIES.filter((t) => about.has(t.key)), (t) => t.events)) {
    clock.at(e.at);
    const { noticeId, caseRef, fill } = about.get(t.key)!;
    if ('read' in e) {
      await messages.readThread(await actor(e.read), threads.get(t.key)!, {}, PURPOSE);
      continue;
    }
    const m = e.send;
    const body = {
      body: fill(m.body),
      tlp: m.tlp ?? ('AMBER' as TlpLevel),
      urgency: m.urgency ?? 'normal',
      ...(m.deadlineHours ? { deadlineAt: new Date(clock.now().getTime() + m.deadlineHours * HOUR_MS).toISOString() } : {}),
      ...(m.attachment ? { attachments: [await pdfOf(m.attachment, fill, clock.now())] } : {}),
    };
    const from = await actor(m.from);
    const to = await agencyIds(m.to);
    const threadId = threads.get(t.key);
    if (threadId) await messages.reply(from, threadId, { ...body, ...(to ? { recipients: to } : {}) }, PURPOSE);
    else {
      const r = await messages.startThread(from, { subject: fill(t.subject), ...(noticeId ? { noticeId } : {}), ...(caseRef ? { caseRef } : {}), recipients: to!, ...body }, PURPOSE);
      threads.set(t.key, r.thread.id);
    }
    sent++;
  }
  const { alarmed } = await s.messages.alarmOverdue();
  return { threads: threads.size, messages: sent, alarmed };
}

async function pdfOf(a: Attachment, fill: (text: string) => string, at: Date) {
  const bytes = await demoPdf(fill(a.title), a.lines.map(fill), at);
  return { filename: a.filename, mediaType: 'application/pdf', contentBase64: bytes.toString('base64') };
}
