import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorKey } from '../../ui/ErrorBox.tsx';

/** The federation codes the shared error list does not know; every other code goes through it. */
const FEDERATION_ERROR_KEYS: Readonly<Record<string, string>> = {
  invalid_node_id: 'federation.errors.invalid_node_id',
  key_not_pinned: 'federation.errors.key_not_pinned',
  key_not_found: 'federation.errors.key_not_found',
  partner_exists: 'federation.errors.partner_exists',
  partner_not_found: 'federation.errors.partner_not_found',
  agreement_not_found: 'federation.errors.agreement_not_found',
  agreement_fixed_fields: 'federation.errors.agreement_fixed_fields',
  invalid_direction: 'federation.errors.invalid_direction',
  invalid_category: 'federation.errors.invalid_category',
  invalid_tlp: 'federation.errors.invalid_tlp',
  invalid_validity: 'federation.errors.invalid_validity',
  legal_basis_required: 'federation.errors.legal_basis_required',
  queue_item_not_found: 'federation.errors.queue_item_not_found',
  queue_item_not_retryable: 'federation.errors.queue_item_not_retryable',
};

export function federationErrorKey(error: unknown): string {
  return (error instanceof ApiError && FEDERATION_ERROR_KEYS[error.code]) || errorKey(error);
}

/** An API error as a translated alert, with the correlation id to quote to support. */
export function FederationError({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  const correlationId = error instanceof ApiError ? error.correlationId : undefined;
  return (
    <div className="error-box" role="alert" data-testid={testId} data-code={error instanceof ApiError ? error.code : undefined}>
      <p>{t(federationErrorKey(error))}</p>
      {correlationId && (
        <p className="muted small">
          {t('errors.reference')} <bdi dir="ltr">{correlationId}</bdi>
        </p>
      )}
    </div>
  );
}
