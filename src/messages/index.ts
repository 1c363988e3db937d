/** Secure messages between agencies: the module's public surface. */
export { DEADLINE_HOURS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_BODY_CHARS, type NoticeHandling } from './message.ts';
export { MessagesRepo } from './messages.repo.ts';
export { messagesRoutes } from './messages.routes.ts';
export { MessagesService, type MessageLink, type SentMessage } from './messages.service.ts';
export { ForeignMessages, type ForeignAgencies, sharedMessageBody } from './foreign-messages.ts';
export type { AgencyCatalog, AgencyEntry, NoticeAccess } from './messages.views.ts';
