/**
 * Screening: the shapes every matcher returns. Scores are in [0, 1]; a candidate is an
 * alert when its score reaches ALERT_THRESHOLD (one documented default, see docs/screening.md).
 */
import type { Actor } from '../auth/roles.ts';
import type { NoticeType } from '../notices/notice.ts';
export const ALERT_THRESHOLD = 0.8;

/** The screening kinds that can hit a notice. */
export type ScreenedKind = 'person' | 'document' | 'vehicle' | 'mrz' | 'batch';

/** What the notices module answers when alerting candidates are subjects of live notices. */
export interface NoticeHit {
  hitId: string;
  noticeId: string;
  noticeReference: string;
  noticeType: NoticeType;
  recordId: string;
  urgency: 'urgent' | 'normal';
  isNew: boolean;
}

/**
 * Opens hits for alerting matches (wired to the notices module's HitsService in main.ts).
 * It runs before the answer is sent, so an officer is told at once and no hit is lost.
 */
export type HitRecorder = (
  actor: Actor,
  kind: ScreenedKind,
  query: Record<string, unknown>,
  matches: Array<{ recordId: string; score: number; alert: boolean }>,
) => Promise<NoticeHit[]>;

export interface PersonQuery {
  name: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string;
  /** alpha-2, alpha-3 or an English country name; resolved to alpha-3 before matching. */
  nationality?: string;
  gender?: 'male' | 'female';
}

/** How one query name part lined up with a part of the record's name. */
export type TokenHow = 'exact' | 'variant' | 'phonetic' | 'typo' | 'joined' | 'particle' | 'missing';

export interface TokenAlignment {
  query: string;
  /** The record's name part it matched, or null when it matched nothing. */
  matched: string | null;
  how: TokenHow;
  score: number;
  /** How much this part weighs in the name score (rare parts weigh more). */
  weight: number;
}

export interface FactorEffect {
  query: string | null;
  record: string[];
  effect: 'agrees' | 'partly_agrees' | 'conflicts' | 'unknown';
  /** What it added to (or took from) the score. */
  delta: number;
}

export interface PersonExplanation {
  matchedName: { value: string; type: string; script: string };
  nameScore: number;
  /** Taken off when the matched name is so common that the list holds such people by chance. */
  commonNamePenalty: number;
  tokens: TokenAlignment[];
  /** Parts of the matched record name that no query part matched. */
  unmatchedRecordTokens: string[];
  birthDate: FactorEffect;
  nationality: FactorEffect;
  gender: FactorEffect;
}

export interface PersonMatch {
  id: string;
  score: number;
  alert: boolean;
  matchedName: string;
  explanation: PersonExplanation;
}

export type DocumentHow = 'exact' | 'ocr' | 'prefix';
export interface DocumentMatch {
  id: string;
  score: number;
  alert: boolean;
  number: string;
  how: DocumentHow;
  issuingCountry: string | null;
  status: string;
  type: string;
}

export type VehicleHow = 'plate_exact' | 'plate_confusable' | 'vin_exact' | 'vin_ocr';
export interface VehicleMatch {
  id: string;
  score: number;
  alert: boolean;
  plate: string;
  plateCountry: string;
  vin: string | null;
  how: VehicleHow;
  status: string;
}
