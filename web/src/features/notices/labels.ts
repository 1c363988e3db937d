/**
 * Notice values → their message keys. Keys are literal so a search for a key finds its use;
 * an unknown value (a newer server) falls back to showing the value itself.
 */
import type { CheckSeverity, NoticeAction, NoticeState, NoticeType, OffenceCategory, PublicField, Urgency } from '../../api/types.ts';
import type { BadgeTone } from '../../ui/Badge.tsx';

export const TYPE_KEYS: Record<NoticeType, string> = {
  red: 'notices.types.red.name',
  yellow: 'notices.types.yellow.name',
  blue: 'notices.types.blue.name',
  black: 'notices.types.black.name',
  green: 'notices.types.green.name',
  orange: 'notices.types.orange.name',
  purple: 'notices.types.purple.name',
  silver: 'notices.types.silver.name',
  un_special: 'notices.types.un_special.name',
  diffusion: 'notices.types.diffusion.name',
};

/** NOTICE_SPECS names the purpose keys too; these are the same, kept literal for the key check. */
export const PURPOSE_KEYS: Record<NoticeType, string> = {
  red: 'notices.types.red.purpose',
  yellow: 'notices.types.yellow.purpose',
  blue: 'notices.types.blue.purpose',
  black: 'notices.types.black.purpose',
  green: 'notices.types.green.purpose',
  orange: 'notices.types.orange.purpose',
  purple: 'notices.types.purple.purpose',
  silver: 'notices.types.silver.purpose',
  un_special: 'notices.types.un_special.purpose',
  diffusion: 'notices.types.diffusion.purpose',
};

export const STATE_KEYS: Record<NoticeState, string> = {
  draft: 'notices.state.draft',
  submitted: 'notices.state.submitted',
  under_review: 'notices.state.under_review',
  returned: 'notices.state.returned',
  refused: 'notices.state.refused',
  published: 'notices.state.published',
  hit_reported: 'notices.state.hit_reported',
  located: 'notices.state.located',
  cancelled: 'notices.state.cancelled',
  expired: 'notices.state.expired',
};

export const STATE_TONES: Record<NoticeState, BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  under_review: 'info',
  returned: 'warn',
  refused: 'danger',
  published: 'ok',
  hit_reported: 'danger',
  located: 'ok',
  cancelled: 'neutral',
  expired: 'neutral',
};

export const ACTION_KEYS: Record<NoticeAction, string> = {
  submit: 'notices.action.submit',
  withdraw: 'notices.action.withdraw',
  start_review: 'notices.action.start_review',
  publish: 'notices.action.publish',
  refuse: 'notices.action.refuse',
  return: 'notices.action.return',
  report_hit: 'notices.action.report_hit',
  clear_hits: 'notices.action.clear_hits',
  locate: 'notices.action.locate',
  cancel: 'notices.action.cancel',
  renew: 'notices.action.renew',
  expire: 'notices.action.expire',
};

export const URGENCY_KEYS: Record<Urgency, string> = {
  urgent: 'notices.urgency.urgent',
  normal: 'notices.urgency.normal',
};

/** Field paths of the content (and `recipients`) → their labels. */
export const FIELD_KEYS: Record<string, string> = {
  'subject.names': 'notices.field.names',
  'subject.birthDate': 'notices.field.birthDate',
  'subject.placeOfBirth': 'notices.field.placeOfBirth',
  'subject.nationalities': 'notices.field.nationalities',
  'subject.gender': 'notices.field.gender',
  'subject.description': 'notices.field.description',
  'subject.photoRef': 'notices.field.photoRef',
  'subject.identifiers': 'notices.field.identifiers',
  'offence.category': 'notices.field.category',
  'offence.description': 'notices.field.offenceDescription',
  'offence.lawArticle': 'notices.field.lawArticle',
  'offence.maximumPenaltyMonths': 'notices.field.maximumPenaltyMonths',
  'offence.sentenceRemainingMonths': 'notices.field.sentenceRemainingMonths',
  'warrant.reference': 'notices.field.warrantReference',
  'warrant.date': 'notices.field.warrantDate',
  'warrant.authority': 'notices.field.warrantAuthority',
  circumstances: 'notices.field.circumstances',
  requestedAction: 'notices.field.requestedAction',
  recipients: 'notices.field.recipients',
  publicExtract: 'notices.field.publicExtract',
};

export const CHECK_KEYS: Record<string, string> = {
  missing_mandatory: 'notices.checks.missing_mandatory',
  missing_recommended: 'notices.checks.missing_recommended',
  red_penalty_below_threshold: 'notices.checks.red_penalty_below_threshold',
  warrant_date_in_future: 'notices.checks.warrant_date_in_future',
  article3_risk: 'notices.checks.article3_risk',
  no_recipients: 'notices.checks.no_recipients',
  duplicate_notice: 'notices.checks.duplicate_notice',
  // the desk's own format checks (wizard-state.ts)
  invalid_date: 'notices.checks.invalid_date',
  invalid_full_date: 'notices.checks.invalid_full_date',
  invalid_nationality: 'notices.checks.invalid_nationality',
  invalid_months: 'notices.checks.invalid_months',
  public_extract_restricted: 'notices.checks.public_extract_restricted',
};

export const ARTICLE3_KIND_KEYS: Record<string, string> = {
  political: 'notices.checks.kind.political',
  military: 'notices.checks.kind.military',
  religious: 'notices.checks.kind.religious',
  racial: 'notices.checks.kind.racial',
};

export const SEVERITY_KEYS: Record<CheckSeverity, string> = {
  error: 'notices.checks.severity.error',
  warning: 'notices.checks.severity.warning',
  info: 'notices.checks.severity.info',
};

export const SEVERITY_TONES: Record<CheckSeverity, BadgeTone> = { error: 'danger', warning: 'warn', info: 'info' };

export const LANGUAGE_KEYS: Record<string, string> = {
  ar: 'language.ar',
  fr: 'language.fr',
  en: 'language.en',
  es: 'language.es',
};

export const CATEGORY_KEYS: Record<OffenceCategory, string> = {
  murder: 'notices.category.murder',
  violent_crime: 'notices.category.violent_crime',
  sexual_offence: 'notices.category.sexual_offence',
  child_abuse: 'notices.category.child_abuse',
  drug_trafficking: 'notices.category.drug_trafficking',
  migrant_smuggling: 'notices.category.migrant_smuggling',
  human_trafficking: 'notices.category.human_trafficking',
  terrorism: 'notices.category.terrorism',
  organised_crime: 'notices.category.organised_crime',
  money_laundering: 'notices.category.money_laundering',
  fraud: 'notices.category.fraud',
  cybercrime: 'notices.category.cybercrime',
  theft: 'notices.category.theft',
  firearms_trafficking: 'notices.category.firearms_trafficking',
  corruption: 'notices.category.corruption',
  kidnapping: 'notices.category.kidnapping',
  environmental_crime: 'notices.category.environmental_crime',
  cultural_property: 'notices.category.cultural_property',
  political_offence: 'notices.category.political_offence',
  military_offence: 'notices.category.military_offence',
  religious_offence: 'notices.category.religious_offence',
  other: 'notices.category.other',
};

export const PUBLIC_FIELD_KEYS: Record<PublicField, string> = {
  names: 'notices.field.names',
  birthDate: 'notices.field.birthDate',
  nationalities: 'notices.field.nationalities',
  gender: 'notices.field.gender',
  placeOfBirth: 'notices.field.placeOfBirth',
  description: 'notices.field.description',
  charges: 'notices.field.charges',
};

export const HIT_STATUS_KEYS: Record<string, string> = {
  open: 'notices.hits.status.open',
  confirmed: 'notices.hits.status.confirmed',
  not_same_person: 'notices.hits.status.not_same_person',
  located: 'notices.hits.status.located',
  arrested: 'notices.hits.status.arrested',
};

export const HIT_STATUS_TONES: Record<string, BadgeTone> = {
  open: 'danger',
  confirmed: 'warn',
  not_same_person: 'neutral',
  located: 'ok',
  arrested: 'ok',
};

export const SCREENING_KIND_KEYS: Record<string, string> = {
  person: 'notices.hits.kind.person',
  batch: 'notices.hits.kind.batch',
  mrz: 'notices.hits.kind.mrz',
  document: 'notices.hits.kind.document',
  vehicle: 'notices.hits.kind.vehicle',
  plate: 'notices.hits.kind.vehicle',
};

export const TASK_STATUS_KEYS: Record<string, string> = {
  open: 'notices.hits.taskStatus.open',
  done: 'notices.hits.taskStatus.done',
  overdue: 'notices.hits.taskStatus.overdue',
  escalated: 'notices.hits.taskStatus.escalated',
};

export const SIDE_KEYS: Record<string, string> = {
  owner: 'notices.hits.side.owner',
  screening: 'notices.hits.side.screening',
};

/** Follow-up task codes (src/notices/hit.ts TASKS). */
export const TASK_KEYS: Record<string, string> = {
  confirm_identity_send_judicial_documents: 'notices.hits.tasks.confirm_identity_send_judicial_documents',
  hold_verify_and_report: 'notices.hits.tasks.hold_verify_and_report',
};

export const HIT_OUTCOME_KEYS: Record<string, string> = {
  confirmed: 'notices.hits.outcome.confirmed',
  not_same_person: 'notices.hits.outcome.not_same_person',
  located: 'notices.hits.outcome.located',
  arrested: 'notices.hits.outcome.arrested',
};

/** Timeline actions that are not lifecycle actions. */
export const TIMELINE_ACTION_KEYS: Record<string, string> = {
  create: 'notices.timeline.action.create',
  update: 'notices.timeline.action.update',
  renewal_requested: 'notices.timeline.action.renewal_requested',
  message: 'notices.timeline.action.message',
  message_sent: 'notices.timeline.action.message',
  hit: 'notices.timeline.action.hit',
  hit_outcome: 'notices.timeline.action.hit_outcome',
};

export const TIMELINE_KIND_KEYS: Record<string, string> = {
  state: 'notices.timeline.kind.state',
  hit: 'notices.timeline.kind.hit',
  message: 'notices.timeline.kind.message',
};

export const GENDER_KEYS: Record<string, string> = {
  male: 'records.gender.male',
  female: 'records.gender.female',
  unknown: 'records.gender.unknown',
};
