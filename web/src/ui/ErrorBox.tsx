import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Stable API error codes → their message keys. Anything else is `errors.generic`. */
export const ERROR_KEYS: Readonly<Record<string, string>> = {
  unauthenticated: 'errors.unauthenticated',
  forbidden: 'errors.forbidden',
  member_not_found: 'errors.member_not_found',
  closed_on_required: 'errors.closed_on_required',
  closed_on_open_case: 'errors.closed_on_open_case',
  unknown_agency: 'errors.unknown_agency',
  invalid_party: 'errors.invalid_party',
  arrest_not_found: 'errors.arrest_not_found',
  arrest_of_another_person: 'errors.arrest_of_another_person',
  forbidden_role: 'errors.forbidden_role',
  forbidden_handling: 'errors.forbidden_handling',
  record_not_owner: 'errors.record_not_owner',
  not_found: 'errors.not_found',
  record_not_found: 'errors.record_not_found',
  validation_failed: 'errors.validation_failed',
  invalid_credentials: 'errors.invalid_credentials',
  account_locked: 'errors.account_locked',
  rate_limited: 'errors.rate_limited',
  version_conflict: 'errors.version_conflict',
  csrf_invalid: 'errors.csrf_invalid',
  internal_error: 'errors.internal_error',
  network_error: 'errors.network_error',
  username_taken: 'errors.username_taken',
  session_expired: 'errors.session_expired',
  session_invalid: 'errors.session_expired',
  user_disabled: 'errors.user_disabled',
  invalid_username: 'errors.invalid_username',
  password_too_short: 'errors.password_too_short',
  invalid_roles: 'errors.invalid_roles',
  agency_not_found: 'errors.agency_not_found',
  user_not_found: 'errors.user_not_found',
  invalid_cursor: 'errors.invalid_cursor',
  invalid_date: 'errors.invalid_date',
  invalid_nationality: 'errors.invalid_nationality',
  invalid_country: 'errors.invalid_country',
  invalid_vin: 'errors.invalid_vin',
  invalid_purpose: 'errors.invalid_purpose',
  invalid_limit: 'errors.invalid_limit',
  name_required: 'errors.name_required',
  document_number_required: 'errors.document_number_required',
  plate_required: 'errors.plate_required',
  mrz_malformed: 'errors.mrz_malformed',
  batch_too_large: 'errors.batch_too_large',
  screening_not_ready: 'errors.screening_not_ready',
  payload_too_large: 'errors.payload_too_large',
  // cases, gangs, network, report
  unit_mismatch: 'errors.unit_mismatch',
  invalid_quantity: 'errors.invalid_quantity',
  quantity_not_exact: 'errors.quantity_not_exact',
  quantity_too_large: 'errors.quantity_too_large',
  date_in_future: 'errors.date_in_future',
  invalid_phone: 'errors.invalid_phone',
  unknown_category: 'errors.unknown_category',
  unknown_substance: 'errors.unknown_substance',
  party_exists: 'errors.party_exists',
  party_kind_mismatch: 'errors.party_kind_mismatch',
  gang_already_dismantled: 'errors.gang_already_dismantled',
  case_not_found: 'errors.case_not_found',
  gang_not_found: 'errors.gang_not_found',
  case_not_owner: 'errors.case_not_owner',
  gang_not_owner: 'errors.gang_not_owner',
  node_not_found: 'errors.node_not_found',
  invalid_year: 'errors.invalid_year',
  closed_before_opened: 'errors.closed_before_opened',
};

export function errorKey(error: unknown): string {
  return (error instanceof ApiError && ERROR_KEYS[error.code]) || 'errors.generic';
}

export function ErrorBox({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const correlationId = error instanceof ApiError ? error.correlationId : undefined;
  return (
    <div className="error-box" role="alert">
      <p>{t(errorKey(error))}</p>
      {correlationId && (
        <p className="muted small">
          {t('errors.reference')} <bdi dir="ltr">{correlationId}</bdi>
        </p>
      )}
    </div>
  );
}
