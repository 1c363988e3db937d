/**
 * The create wizard's working copy of a notice request, and what it sends. Text the officer is
 * still typing (nationalities as "MAR, ESP") is kept as typed and turned into the wire shape
 * on the way out; a value in a shape the server would refuse is held back and reported as a
 * local check on its field, so the live checks keep running while the officer types.
 */
import type {
  CheckResult,
  Notice,
  NoticeContent,
  NoticeDraft,
  NoticeType,
  PublicField,
  TlpLevel,
  Urgency,
} from '../../api/types.ts';
import { NOTICE_SPECS } from '../../../../src/notices/notice.ts';
import { restrictedToNamedAgencies } from '../../../../src/notices/public-extract.ts';

export const STEPS = ['type', 'subject', 'offence', 'circumstances', 'handling', 'review'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_KEYS: Record<Step, string> = {
  type: 'notices.wizard.steps.type',
  subject: 'notices.wizard.steps.subject',
  offence: 'notices.wizard.steps.offence',
  circumstances: 'notices.wizard.steps.circumstances',
  handling: 'notices.wizard.steps.handling',
  review: 'notices.wizard.steps.review',
};

/** The step that holds a field, for "go to the field" from the checks summary. */
export function stepOf(field: string): Step {
  if (field.startsWith('subject.')) return 'subject';
  if (field.startsWith('offence.') || field.startsWith('warrant.')) return 'offence';
  if (field === 'circumstances' || field === 'requestedAction') return 'circumstances';
  if (field === 'recipients' || field === 'publicExtract') return 'handling';
  return 'review';
}

export interface WizardDraft {
  id?: string;
  version?: number;
  reference?: string;
  type?: NoticeType;
  urgency: Urgency;
  content: NoticeContent;
  /** As typed: alpha-3 codes separated by commas or spaces. */
  nationalitiesText: string;
  tlp: TlpLevel;
  restrictedTo: string[];
  recipients: string[];
  publicExtract: boolean;
  publicFields: PublicField[];
}

export function emptyDraft(): WizardDraft {
  return {
    urgency: 'normal',
    content: { subject: { names: [{ value: '', type: 'primary' }] }, offence: {}, warrant: {} },
    nationalitiesText: '',
    tlp: 'AMBER',
    restrictedTo: [],
    recipients: [],
    publicExtract: false,
    publicFields: ['names', 'birthDate', 'nationalities', 'gender', 'charges'],
  };
}

export function draftFromNotice(n: Notice): WizardDraft {
  const content: NoticeContent = {
    subject: { ...n.content.subject, names: n.content.subject.names.length ? n.content.subject.names : [{ value: '', type: 'primary' }] },
    offence: { ...n.content.offence },
    warrant: { ...n.content.warrant },
    circumstances: n.content.circumstances,
    requestedAction: n.content.requestedAction,
  };
  return {
    id: n.id,
    version: n.version,
    reference: n.reference,
    type: n.type,
    urgency: n.urgency,
    content,
    nationalitiesText: (n.content.subject.nationalities ?? []).join(', '),
    tlp: n.tlp,
    // a diffusion's recipients are the agencies it is restricted to (the server keeps one list)
    restrictedTo: n.type === 'diffusion' ? [] : n.restrictedTo.map((a) => a.id),
    recipients: n.type === 'diffusion' ? n.restrictedTo.map((a) => a.id) : [],
    publicExtract: !!n.publicExtract?.fields.length,
    publicFields: n.publicExtract?.fields.length ? n.publicExtract.fields : emptyDraft().publicFields,
  };
}

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ALPHA3 = /^[A-Z]{3}$/;

const text = (s: string | undefined): string | undefined => (s?.trim() ? s.trim() : undefined);

export function parseNationalities(s: string): string[] {
  return s
    .split(/[\s,;]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);
}

/**
 * A public extract authorised on a notice restricted to named agencies, which the server
 * refuses (`public_extract_restricted`, src/notices/public-extract.ts, the same rule).
 */
export function extractConflictsWithHandling(d: WizardDraft): boolean {
  if (!d.type || !NOTICE_SPECS[d.type].publicExtract || !d.publicExtract || d.publicFields.length === 0) return false;
  return restrictedToNamedAgencies({ tlp: d.tlp, restrictedTo: d.type === 'diffusion' ? d.recipients : d.restrictedTo });
}

/** Problems the desk sees before asking the server: formats, and the one handling rule the server would refuse a save for. */
export function localChecks(d: WizardDraft): CheckResult[] {
  const out: CheckResult[] = [];
  if (extractConflictsWithHandling(d)) out.push({ code: 'public_extract_restricted', severity: 'error', field: 'publicExtract' });
  const birth = text(d.content.subject.birthDate);
  if (birth && !PARTIAL_DATE.test(birth)) out.push({ code: 'invalid_date', severity: 'error', field: 'subject.birthDate' });
  const wdate = text(d.content.warrant.date);
  if (wdate && !FULL_DATE.test(wdate)) out.push({ code: 'invalid_full_date', severity: 'error', field: 'warrant.date' });
  if (parseNationalities(d.nationalitiesText).some((c) => !ALPHA3.test(c))) {
    out.push({ code: 'invalid_nationality', severity: 'error', field: 'subject.nationalities' });
  }
  for (const f of ['maximumPenaltyMonths', 'sentenceRemainingMonths'] as const) {
    const v = d.content.offence[f];
    if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > 1200)) out.push({ code: 'invalid_months', severity: 'error', field: `offence.${f}` });
  }
  return out;
}

/** The content as the API takes it: trimmed, empty values left out, bad formats held back. */
export function wireContent(d: WizardDraft): NoticeContent {
  const local = new Set(localChecks(d).map((c) => c.field));
  const s = d.content.subject;
  const names = s.names.map((n) => ({ ...n, value: n.value.trim() })).filter((n) => n.value);
  const nationalities = local.has('subject.nationalities') ? [] : parseNationalities(d.nationalitiesText);
  const identifiers = (s.identifiers ?? []).map((i) => ({ ...i, value: i.value.trim(), type: i.type.trim() })).filter((i) => i.value && i.type);
  const o = d.content.offence;
  const w = d.content.warrant;
  return {
    subject: {
      names,
      birthDate: local.has('subject.birthDate') ? undefined : text(s.birthDate),
      placeOfBirth: text(s.placeOfBirth),
      nationalities: nationalities.length ? nationalities : undefined,
      gender: s.gender,
      identifiers: identifiers.length ? identifiers : undefined,
      description: text(s.description),
      photoRef: text(s.photoRef),
    },
    offence: {
      category: o.category,
      description: text(o.description),
      lawArticle: text(o.lawArticle),
      maximumPenaltyMonths: local.has('offence.maximumPenaltyMonths') ? undefined : o.maximumPenaltyMonths,
      sentenceRemainingMonths: local.has('offence.sentenceRemainingMonths') ? undefined : o.sentenceRemainingMonths,
    },
    warrant: {
      reference: text(w.reference),
      date: local.has('warrant.date') ? undefined : text(w.date),
      authority: text(w.authority),
    },
    circumstances: text(d.content.circumstances),
    requestedAction: text(d.content.requestedAction),
  };
}

/** Drops `undefined` members so the JSON sent is exactly what was filled in. */
function compact<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function toCheckRequest(d: WizardDraft & { type: NoticeType }) {
  return compact({ type: d.type, content: wireContent(d), recipients: d.type === 'diffusion' ? d.recipients : undefined });
}

export function toRequest(d: WizardDraft & { type: NoticeType }): NoticeDraft {
  const spec = NOTICE_SPECS[d.type];
  return compact({
    type: d.type,
    urgency: d.urgency,
    content: wireContent(d),
    handling: { tlp: d.tlp, restrictedTo: d.restrictedTo },
    recipients: d.type === 'diffusion' ? d.recipients : undefined,
    // held back while it conflicts with the handling (flagged by localChecks): the draft still saves
    publicExtract: spec.publicExtract && d.publicExtract && !extractConflictsWithHandling(d) ? { fields: d.publicFields } : undefined,
  });
}
