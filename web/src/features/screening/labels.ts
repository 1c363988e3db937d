/**
 * Screening values → their message keys. Keys are literal so a search for a key finds its
 * use; an unknown value (a newer server) falls back to showing the value itself.
 */
import type { DocumentHow, FactorEffect, TokenHow, VehicleHow } from '../../api/types.ts';
import type { BadgeTone } from '../../ui/Badge.tsx';
import type { ManifestProblemCode } from './manifest.ts';

export const MODES = ['person', 'document', 'vehicle'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_KEYS: Record<Mode, string> = {
  person: 'screening.check.modes.person',
  document: 'screening.check.modes.document',
  vehicle: 'screening.check.modes.vehicle',
};

/** How a query name part lined up with a record name part. */
export const HOW_KEYS: Record<TokenHow, string> = {
  exact: 'screening.explanation.how.exact',
  variant: 'screening.explanation.how.variant',
  phonetic: 'screening.explanation.how.phonetic',
  typo: 'screening.explanation.how.typo',
  joined: 'screening.explanation.how.joined',
  particle: 'screening.explanation.how.particle',
  missing: 'screening.explanation.how.missing',
};

export const HOW_TONES: Record<TokenHow, BadgeTone> = {
  exact: 'ok',
  variant: 'info',
  phonetic: 'info',
  typo: 'warn',
  joined: 'info',
  particle: 'neutral',
  missing: 'danger',
};

export const EFFECT_KEYS: Record<FactorEffect, string> = {
  agrees: 'screening.explanation.effect.agrees',
  partly_agrees: 'screening.explanation.effect.partly_agrees',
  conflicts: 'screening.explanation.effect.conflicts',
  unknown: 'screening.explanation.effect.unknown',
};

export const EFFECT_TONES: Record<FactorEffect, BadgeTone> = {
  agrees: 'ok',
  partly_agrees: 'info',
  conflicts: 'danger',
  unknown: 'neutral',
};

export const FACTORS = ['birthDate', 'nationality', 'gender'] as const;
export type FactorName = (typeof FACTORS)[number];

export const FACTOR_KEYS: Record<FactorName, string> = {
  birthDate: 'screening.explanation.factors.birthDate',
  nationality: 'screening.explanation.factors.nationality',
  gender: 'screening.explanation.factors.gender',
};

export const DOCUMENT_HOW_KEYS: Record<DocumentHow, string> = {
  exact: 'screening.documents.how.exact',
  ocr: 'screening.documents.how.ocr',
  prefix: 'screening.documents.how.prefix',
};

export const VEHICLE_HOW_KEYS: Record<VehicleHow, string> = {
  plate_exact: 'screening.vehicles.how.plate_exact',
  plate_confusable: 'screening.vehicles.how.plate_confusable',
  vin_exact: 'screening.vehicles.how.vin_exact',
  vin_ocr: 'screening.vehicles.how.vin_ocr',
};

export const VIN_CHECK_KEYS: Record<string, string> = {
  valid: 'screening.vehicles.vinCheck.valid',
  invalid: 'screening.vehicles.vinCheck.invalid',
  not_applicable: 'screening.vehicles.vinCheck.not_applicable',
};

export const VIN_CHECK_TONES: Record<string, BadgeTone> = { valid: 'ok', invalid: 'danger', not_applicable: 'neutral' };

/**
 * MRZ fields, under the names the `mrz` package and the API use. A check-digit field
 * (`birthDateCheckDigit`) is shown under the field it protects.
 */
export const MRZ_FIELD_KEYS: Record<string, string> = {
  documentCode: 'screening.mrz.field.documentCode',
  documentType: 'screening.mrz.field.documentCode',
  type: 'screening.mrz.field.documentCode',
  issuingState: 'screening.mrz.field.issuingCountry',
  issuingCountry: 'screening.mrz.field.issuingCountry',
  lastName: 'screening.mrz.field.surname',
  surname: 'screening.mrz.field.surname',
  firstName: 'screening.mrz.field.givenNames',
  givenNames: 'screening.mrz.field.givenNames',
  name: 'screening.mrz.field.name',
  documentNumber: 'screening.mrz.field.documentNumber',
  number: 'screening.mrz.field.documentNumber',
  nationality: 'screening.mrz.field.nationality',
  birthDate: 'screening.mrz.field.birthDate',
  sex: 'screening.mrz.field.sex',
  expirationDate: 'screening.mrz.field.expiryDate',
  expiryDate: 'screening.mrz.field.expiryDate',
  personalNumber: 'screening.mrz.field.personalNumber',
  optional: 'screening.mrz.field.optional',
  optional1: 'screening.mrz.field.optional',
  optional2: 'screening.mrz.field.optional',
  compositeCheckDigit: 'screening.mrz.field.composite',
  composite: 'screening.mrz.field.composite',
  issueDate: 'screening.mrz.field.issueDate',
  mrz: 'screening.mrz.field.mrz',
};

/** The field a problem is about, as a message key (check digits named after their field). */
export function mrzFieldKey(field: string): string | undefined {
  return MRZ_FIELD_KEYS[field] ?? MRZ_FIELD_KEYS[field.replace(/CheckDigit$/, '')];
}

/** The document code of an MRZ (its first letter, ICAO 9303): P passport, V visa, I/A/C identity cards. */
export function mrzDocumentTypeKey(code: string): string | undefined {
  const first = code.trim().charAt(0).toUpperCase();
  if (first === 'P') return 'records.document.type.passport';
  if (first === 'V') return 'records.document.type.visa';
  if (first === 'I' || first === 'A' || first === 'C') return 'records.document.type.national_id';
  return undefined;
}

/** Problem codes the MRZ reading reports (src/screening/mrz.ts). Anything else shows the server's own message. */
export const MRZ_PROBLEM_KEYS: Record<string, string> = {
  check_digit_failed: 'screening.mrz.problem.check_digit_failed',
  unknown_country: 'screening.mrz.problem.unknown_country',
  invalid_date: 'screening.mrz.problem.invalid_date',
  invalid_field: 'screening.mrz.problem.invalid_field',
  mrz_malformed: 'screening.mrz.problem.mrz_malformed',
};

export const MANIFEST_PROBLEM_KEYS: Record<ManifestProblemCode, string> = {
  missing_id: 'screening.batch.problems.missing_id',
  missing_name: 'screening.batch.problems.missing_name',
  duplicate_id: 'screening.batch.problems.duplicate_id',
  too_long: 'screening.batch.problems.too_long',
  invalid_gender: 'screening.batch.problems.invalid_gender',
  invalid_birth_date: 'screening.batch.problems.invalid_birth_date',
  invalid_nationality: 'screening.batch.problems.invalid_nationality',
};

/** Codes the batch endpoint gives for one row it could not screen as it was. */
export const BATCH_ROW_PROBLEM_KEYS: Record<string, string> = {
  invalid_date: 'errors.invalid_date',
  invalid_nationality: 'errors.invalid_nationality',
  invalid_country: 'errors.invalid_nationality',
  name_required: 'errors.name_required',
  validation_failed: 'errors.validation_failed',
};

/** Fields the batch endpoint may report as not understood, named as the screening form names them. */
export const NOT_UNDERSTOOD_FIELD_KEYS: Record<string, string> = {
  birthDate: 'screening.check.person.birthDate',
  nationality: 'screening.check.person.nationality',
  gender: 'screening.check.person.gender',
};

/**
 * The warning code the batch endpoint gives with a field not understood
 * (PROBLEM_CODES in src/screening/screening.service.ts): the note under the result says it already.
 */
export const NOT_UNDERSTOOD_PROBLEM_CODES: Record<string, string> = {
  birthDate: 'invalid_date',
  nationality: 'invalid_nationality',
  gender: 'invalid_gender',
};
