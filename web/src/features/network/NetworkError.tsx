import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorKey } from '../../ui/ErrorBox.tsx';

/** The network routes' own stable codes (src/network) → their messages; other codes as everywhere else. */
export const NETWORK_ERROR_KEYS: Readonly<Record<string, string>> = {
  scope_required: 'network.errors.scope_required',
  scope_ambiguous: 'network.errors.scope_ambiguous',
  job_not_found: 'network.errors.job_not_found',
  job_not_finished: 'network.errors.job_not_finished',
  community_not_found: 'network.errors.community_not_found',
  community_needs_job: 'network.errors.community_needs_job',
  invalid_depth: 'network.errors.invalid_depth',
  analysis_failed: 'network.errors.analysis_failed',
};

/** A failed communities job carries its stable code (`analysis_failed`), not an HTTP problem. */
export class JobFailed extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'JobFailed';
  }
}

export function networkErrorKey(error: unknown): string {
  const code = error instanceof ApiError || error instanceof JobFailed ? error.code : undefined;
  return (code && NETWORK_ERROR_KEYS[code]) || errorKey(error);
}

export function NetworkError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const correlationId = error instanceof ApiError ? error.correlationId : undefined;
  return (
    <div className="error-box" role="alert">
      <p>{t(networkErrorKey(error))}</p>
      {correlationId && (
        <p className="muted small">
          {t('errors.reference')} <bdi dir="ltr">{correlationId}</bdi>
        </p>
      )}
    </div>
  );
}
