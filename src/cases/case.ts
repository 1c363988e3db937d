/** Cases and the facts recorded in them: the domain's types and rules, no I/O. */
import { invalid } from '../core/errors.ts';
import { isPartialDate } from '../core/partial-date.ts';
import { normalizeRegion } from '../core/regions.ts';

export const CASE_STATUSES = ['open', 'solved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const RECORD_PARTY_KINDS = ['person', 'group', 'vehicle', 'document'] as const;
export const VALUE_PARTY_KINDS = ['phone', 'address'] as const;
export const PARTY_KINDS = [...RECORD_PARTY_KINDS, ...VALUE_PARTY_KINDS] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const isRecordPartyKind = (k: string): k is (typeof RECORD_PARTY_KINDS)[number] => (RECORD_PARTY_KINDS as readonly string[]).includes(k);

export const GANG_KINDS = ['criminal_gang', 'smuggling_network', 'trafficking_network', 'terrorist_cell', 'other'] as const;
export const GANG_STATUSES = ['active', 'dismantled'] as const;
export const MIGRATION_EVENT_KINDS = ['departure_prevented', 'migrants_rescued', 'irregular_entry_prevented'] as const;
export const WARRANT_SCOPES = ['national', 'international'] as const;
export const COMPLAINT_CHANNELS = ['e_blagh', 'web', 'phone'] as const;
export const COMPLAINT_STATUSES = ['received', 'triaged', 'referred', 'closed'] as const;
export type GangKind = (typeof GANG_KINDS)[number];
export type GangStatus = (typeof GANG_STATUSES)[number];
export type MigrationEventKind = (typeof MIGRATION_EVENT_KINDS)[number];
export type WarrantScope = (typeof WARRANT_SCOPES)[number];
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** A calendar date YYYY-MM-DD that exists. */
export function assertDay(s: string, field: string): string {
  if (s.length !== 10 || !isPartialDate(s)) throw invalid('invalid_date', `${field} must be a real date written YYYY-MM-DD`, { field, value: s });
  return s;
}

/** Facts are recorded when they happen or after, never ahead of today. */
export function assertNotFuture(day: string, today: string, field: string): string {
  assertDay(day, field);
  if (day > today) throw invalid('date_in_future', `${field} cannot be after today`, { field, value: day });
  return day;
}

/**
 * The status and closing date go together: an open case has no closing date; a solved or
 * closed case has one, on or after the opening date.
 */
export function checkClosing(status: CaseStatus, openedOn: string, closedOn: string | null): string | null {
  if (status === 'open') {
    if (closedOn) throw invalid('closed_on_open_case', 'An open case has no closing date', { closedOn });
    return null;
  }
  if (!closedOn) throw invalid('closed_on_required', 'A solved or closed case needs its closing date');
  if (closedOn < openedOn) throw invalid('closed_before_opened', 'A case cannot close before it opened', { openedOn, closedOn });
  return closedOn;
}

/** An arrest of someone whose nationality is not the node's country is an arrest of a foreign national. */
export const isForeignNational = (nationality: string | null, nodeCountry: string) => nationality !== null && nationality !== nodeCountry;

/** A year as the date range of its facts. */
export function yearRange(year: number): { from: string; to: string } {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw invalid('invalid_year', 'year is a four-digit year', { year });
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * A list's region filter as stored values are: a name or code typed in the filter finds the
 * region's code (`Tanger` finds MA-01), other text finds that text as typed.
 */
export const regionFilter = (typed: string | undefined) => (typed?.trim() ? normalizeRegion(typed).value : undefined);

/** Case references read C-YYYY-NNNNNN: the opening year and a node-wide sequence number. */
export const caseReference = (openedOn: string, n: number) => `C-${openedOn.slice(0, 4)}-${String(n).padStart(6, '0')}`;

/** A phone number as stored for matching across cases: digits and a leading +. */
export function normalizePhone(v: string): string {
  const s = v.trim().replace(/[\s().-]/g, '');
  if (!/^\+?\d{4,20}$/.test(s)) throw invalid('invalid_phone', 'A phone number has 4 to 20 digits, optionally after +', { field: 'value' });
  return s;
}

export const normalizeAddress = (v: string) => v.trim().replace(/\s+/g, ' ');
