/**
 * Messages across the boundary: a message written here with a recipient at a partner node goes
 * to the outbox in the message's transaction (the policy filter decides which partners get it:
 * those hosting a recipient, within their agreements and its handling); a message received
 * from a partner is held with its thread, its sender as an agency of that node and its
 * recipients mapped to agencies here, and a reply to it goes back the same way.
 */
import type { Services } from '../app/module.ts';
import type { Db } from '../db/connect.ts';
import { ForeignMessages, MessagesRepo, type SentMessage, sharedMessageBody } from '../messages/index.ts';
import { FOREIGN_AGENCY_KIND, ForeignRecords } from '../records/foreign-records.ts';
import { RecordsRepo } from '../records/records.repo.ts';
import type { ShareItem } from './federation.service.ts';
import { ensurePartnerAgencies, partnerAgencyNodes } from './partner-agencies.ts';
import { travellingAgency } from './shared-records.ts';

/** The share item of a message, or nothing when every recipient is an agency of this node. */
export async function messageShareItem(s: Services, trx: Db, sent: SentMessage): Promise<ShareItem | undefined> {
  const recipients = (await Promise.all(sent.recipients.map((id) => s.authRepo.agencyById(trx, id)))).filter((a) => a !== undefined);
  if (!recipients.some((a) => a.kind === FOREIGN_AGENCY_KIND)) return undefined;
  const codes = recipients.map((a) => a.code);
  const sender = await s.authRepo.userById(trx, sent.message.senderUserId);
  return {
    type: 'item.upsert',
    category: 'message',
    itemId: sent.message.id,
    tlp: sent.message.tlp,
    // the recipients are the only audience: only a partner hosting one of them gets it
    restrictedTo: codes,
    // a message is never changed once sent
    version: 1,
    data: {
      ...sharedMessageBody(sent, {
        thisNode: s.federation.nodeId,
        threadAgency: await travellingAgency(s, trx, sent.thread.createdByAgencyId),
        senderAgency: await travellingAgency(s, trx, sent.message.senderAgencyId),
        senderName: sender?.displayName ?? null,
        recipients: codes,
      }),
    },
  };
}

export function wireMessages(s: Services): void {
  const foreign = new ForeignRecords(new RecordsRepo(), s.authRepo, s.ids);
  s.federation.onPartnerEnrolled((trx, partner) => ensurePartnerAgencies(foreign, trx, partner, s.clock.now()));
  s.messages.shareThrough({
    remoteAgencies: () => partnerAgencyNodes(s, foreign),
    share: async (trx, sent) => {
      const item = await messageShareItem(s, trx, sent);
      if (item) await s.federation.share(trx, item);
    },
  });
  const inbound = new ForeignMessages(
    new MessagesRepo(),
    { byCode: (trx, code) => s.authRepo.agencyByCode(trx, code), foreignId: (trx, a, at) => foreign.agencyId(trx, a, at), foreignKind: FOREIGN_AGENCY_KIND },
    s.federation.nodeId,
  );
  s.federation.onReceive('message', async (trx, item, withdrawn) => {
    if (withdrawn) return { reason: 'schema_invalid', detail: 'a message is not withdrawn: its sender writes another one' };
    const r = await inbound.apply(trx, { ownerNode: item.ownerNode, itemId: item.itemId, tlp: item.tlp, body: item.body }, s.clock.now());
    if ('refused' in r) return { reason: r.reason, detail: r.refused };
    if (r.applied === 'unchanged') return;
    return { after: () => s.bus.publish('messages.received', { id: r.id, threadId: r.threadId, from: item.ownerNode }) };
  });
}
