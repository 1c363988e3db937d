import type {
  Agency,
  AppNotification,
  CheckResult,
  Hit,
  HitOutcome,
  MessageRecipient,
  MessageSearchHit,
  MessageThread,
  NewMessage,
  NewThread,
  Notice,
  NoticeAction,
  NoticeDraft,
  NoticeScreening,
  NoticeState,
  NoticeSummary,
  NoticeType,
  PublicExtract,
  PublicNotice,
  PublicNoticeSummary,
  QueueItem,
  ThreadView,
  TimelineEvent,
  AuditEntry,
  AuditVerifyResult,
  BatchRow,
  BatchScreeningResult,
  DocumentScreeningQuery,
  DocumentScreeningResult,
  Locale,
  MrzScreeningResult,
  NewUser,
  Page,
  PersonScreeningQuery,
  PersonScreeningResult,
  RecordKind,
  RecordLink,
  RecordSummary,
  RecordView,
  SessionResponse,
  Stats,
  User,
  VehicleScreeningQuery,
  VehicleScreeningResult,
} from './types.ts';

/** Sent as `x-purpose` with every read of personal data: the audit log records why. */
export const PURPOSE = 'web desk consultation';

/**
 * A purpose the user typed, as an `x-purpose` value. Header values are bytes (Latin-1):
 * text beyond that (Arabic) is sent as an RFC 8187 ext-value, `UTF-8''` + percent-encoding;
 * control characters are dropped. Empty → the desk's constant purpose.
 */
export function purposeHeader(purpose: string | undefined): string {
  const p = (purpose ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (!p) return PURPOSE;
  return /^[\u0020-\u00ff]*$/.test(p) ? p : `UTF-8''${encodeURIComponent(p)}`;
}

const BASE = '/api/v1';
const CSRF_COOKIE = 'ribat_csrf';

/** An `application/problem+json` answer, or a network failure (`status` 0, code `network_error`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly correlationId?: string,
    readonly issues?: unknown[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let sessionLost: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an API call answers 401 outside the auth endpoints (the session expired). */
export function onSessionLost(listener: (() => void) | null): void {
  sessionLost = listener;
}

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** The call reads personal data: send the purpose header. */
  personal?: boolean;
  /** The purpose the user stated for this call, instead of the constant. Implies `personal`. */
  purpose?: string;
  signal?: AbortSignal;
}

function urlFor(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** A path segment from an id: ids come from the server but are still encoded. */
const seg = encodeURIComponent;

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    // The cookie is the freshest copy (the server may rotate it); the login answer is the fallback.
    const token = readCookie(CSRF_COOKIE) ?? csrfToken;
    if (token) headers['x-csrf-token'] = token;
  }
  // every read states why (the server refuses a read of personal data without it: 400 purpose_required)
  if (method === 'GET' || opts.personal || opts.purpose !== undefined) headers['x-purpose'] = purposeHeader(opts.purpose);

  let res: Response;
  try {
    res = await fetch(urlFor(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null; // not JSON: handled below as a generic error
    }
  }
  if (!res.ok) {
    const p = (payload ?? {}) as { code?: string; title?: string; detail?: string; correlationId?: string; issues?: unknown[] };
    if (res.status === 401 && !path.startsWith('/auth/')) sessionLost?.();
    throw new ApiError(res.status, p.code ?? 'generic', p.detail ?? p.title ?? res.statusText, p.correlationId, p.issues);
  }
  return payload as T;
}

/** The bytes of a download (an attachment), with the purpose header; errors as for `request`. */
async function download(path: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(urlFor(path), { headers: { 'x-purpose': PURPOSE }, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network_error', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string; correlationId?: string };
    if (res.status === 401) sessionLost?.();
    throw new ApiError(res.status, p.code ?? 'generic', p.detail ?? p.title ?? res.statusText, p.correlationId);
  }
  return res.blob();
}

export interface NoticeListQuery {
  type?: NoticeType;
  state?: NoticeState;
  mine?: boolean;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface PublicNoticeQuery {
  type?: 'red' | 'yellow';
  nationality?: string;
  sex?: string;
  ageMin?: number;
  ageMax?: number;
  name?: string;
  limit?: number;
  cursor?: string;
}

export const api = {
  login: (username: string, password: string) =>
    request<SessionResponse>('POST', '/auth/login', { body: { username, password } }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<SessionResponse>('GET', '/auth/me'),
  setLocale: (locale: Locale) => request<SessionResponse>('PUT', '/auth/me/locale', { body: { locale } }),

  stats: () => request<Stats>('GET', '/stats'),

  records: (q: { kind?: RecordKind; q?: string; limit?: number; cursor?: string }) =>
    request<Page<RecordSummary>>('GET', '/records', { query: q, personal: true }),
  record: (id: string) => request<RecordView>('GET', `/records/${encodeURIComponent(id)}`, { personal: true }),
  recordLinks: (id: string) =>
    request<{ items: RecordLink[] }>('GET', `/records/${encodeURIComponent(id)}/links`, { personal: true }),

  audit: (q: { subjectId?: string; actorUserId?: string; action?: string; limit?: number; cursor?: string }) =>
    request<Page<AuditEntry>>('GET', '/audit', { query: q, personal: true }),
  verifyAudit: () => request<AuditVerifyResult>('GET', '/audit/verify'),

  agencies: (q: { limit?: number; cursor?: string } = {}) => request<Page<Agency>>('GET', '/agencies', { query: q }),
  users: (q: { limit?: number; cursor?: string } = {}) => request<Page<User>>('GET', '/users', { query: q, personal: true }),
  createUser: (user: NewUser) => request<User>('POST', '/users', { body: user }),

  /** Screening: every call states the purpose the officer gave (audited with the search). */
  screenPerson: (q: PersonScreeningQuery, purpose: string) =>
    request<PersonScreeningResult>('POST', '/screening/persons', { body: q, purpose }),
  screenDocument: (q: DocumentScreeningQuery, purpose: string) =>
    request<DocumentScreeningResult>('POST', '/screening/documents', { body: q, purpose }),
  screenVehicle: (q: VehicleScreeningQuery, purpose: string) =>
    request<VehicleScreeningResult>('POST', '/screening/vehicles', { body: q, purpose }),
  screenMrz: (mrz: string, purpose: string) => request<MrzScreeningResult>('POST', '/screening/mrz', { body: { mrz }, purpose }),
  screenBatch: (rows: BatchRow[], purpose: string, opts: { limit?: number; signal?: AbortSignal } = {}) =>
    request<BatchScreeningResult>('POST', '/screening/batch', {
      body: opts.limit === undefined ? { rows } : { rows, limit: opts.limit },
      purpose,
      signal: opts.signal,
    }),

  /* notices (docs/notices-api.md) */
  notices: ({ mine, ...q }: NoticeListQuery) =>
    request<Page<NoticeSummary>>('GET', '/notices', { query: { ...q, mine: mine ? 'true' : undefined }, personal: true }),
  notice: (id: string) => request<Notice>('GET', `/notices/${seg(id)}`, { personal: true }),
  checkNotice: (draft: Pick<NoticeDraft, 'type' | 'content' | 'recipients'>, signal?: AbortSignal) =>
    request<{ checks: CheckResult[] }>('POST', '/notices/check', { body: draft, personal: true, signal }),
  createNotice: (draft: NoticeDraft) => request<Notice>('POST', '/notices', { body: draft, personal: true }),
  updateNotice: (id: string, patch: Partial<Omit<NoticeDraft, 'type'>> & { version: number }) =>
    request<Notice>('PATCH', `/notices/${seg(id)}`, { body: patch, personal: true }),
  noticeAction: (id: string, action: NoticeAction, body: { version: number; reason?: string; publicExtract?: PublicExtract }) =>
    request<Notice>('POST', `/notices/${seg(id)}/actions/${seg(action)}`, { body, personal: true }),
  noticeTimeline: (id: string) => request<{ events: TimelineEvent[] }>('GET', `/notices/${seg(id)}/timeline`, { personal: true }),
  noticeScreening: (id: string) => request<NoticeScreening>('GET', `/notices/${seg(id)}/screening`, { personal: true }),
  reviewQueue: (q: { limit?: number; cursor?: string } = {}) =>
    request<Page<QueueItem>>('GET', '/notices/review-queue', { query: q, personal: true }),

  /* public extracts: no session needed */
  publicNotices: (q: PublicNoticeQuery) => request<Page<PublicNoticeSummary>>('GET', '/public/notices', { query: { ...q } }),
  publicNotice: (id: string) => request<PublicNotice>('GET', `/public/notices/${seg(id)}`),

  /* hits and notifications */
  hits: (q: { status?: string; noticeId?: string; limit?: number; cursor?: string }) =>
    request<Page<Hit>>('GET', '/hits', { query: q, personal: true }),
  hitOutcome: (id: string, body: { status: HitOutcome; note: string; version: number }) =>
    request<Hit>('POST', `/hits/${seg(id)}/outcome`, { body, personal: true }),
  hitTaskDone: (hitId: string, taskId: string) =>
    request<Hit>('POST', `/hits/${seg(hitId)}/tasks/${seg(taskId)}/done`, { body: {}, personal: true }),
  notifications: ({ unread, ...q }: { unread?: boolean; limit?: number; cursor?: string } = {}) =>
    request<Page<AppNotification> & { unreadCount: number }>('GET', '/notifications', { query: { ...q, unread: unread ? 'true' : undefined } }),
  readNotification: (id: string) => request<void>('POST', `/notifications/${seg(id)}/read`, { body: {} }),

  /* messages */
  threads: (q: { q?: string; noticeId?: string; limit?: number; cursor?: string }) =>
    request<Page<MessageThread>>('GET', '/messages/threads', { query: q, personal: true }),
  thread: (id: string) => request<ThreadView>('GET', `/messages/threads/${seg(id)}`, { personal: true }),
  createThread: (t: NewThread) => request<{ thread: { id: string } }>('POST', '/messages/threads', { body: t, personal: true }),
  reply: (threadId: string, m: NewMessage) =>
    request<unknown>('POST', `/messages/threads/${seg(threadId)}/messages`, { body: m, personal: true }),
  searchMessages: (q: string, limit = 50) =>
    request<{ items: MessageSearchHit[] }>('GET', '/messages/search', { query: { q, limit }, personal: true }),
  messageRecipients: (noticeId?: string) =>
    request<{ items: MessageRecipient[] } | MessageRecipient[]>('GET', '/messages/recipients', { query: { noticeId } }),
  attachment: (id: string) => download(`/messages/attachments/${seg(id)}`),
};
