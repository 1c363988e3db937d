import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorKey } from '../../ui/ErrorBox.tsx';

/** The warrant codes the shared error list does not know; every other code goes through it. */
const FACT_ERROR_KEYS: Readonly<Record<string, string>> = {
  executed_before_issued: 'facts.errors.executed_before_issued',
  warrant_not_owner: 'facts.errors.warrant_not_owner',
  warrant_already_executed: 'facts.errors.warrant_already_executed',
  warrant_not_found: 'facts.errors.warrant_not_found',
};

export function factErrorKey(error: unknown): string {
  return (error instanceof ApiError && FACT_ERROR_KEYS[error.code]) || errorKey(error);
}

export const hasCode = (error: unknown, code: string): boolean => error instanceof ApiError && error.code === code;

/**
 * The body fields a `validation_failed` answer names (`issues[].path` is `body/persons` or
 * `/persons`), so the form can mark them as well as show the alert.
 */
export function refusedFields(error: unknown): Set<string> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed' || !Array.isArray(error.issues)) return new Set();
  const names = error.issues.flatMap((i) => {
    const path = (i as { path?: unknown }).path;
    return typeof path === 'string' ? [path.split('/').filter(Boolean).pop() ?? ''] : [];
  });
  return new Set(names.filter(Boolean));
}

/** An API error as a translated alert, with the correlation id to quote to support. */
export function FactsError({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  const correlationId = error instanceof ApiError ? error.correlationId : undefined;
  return (
    <div className="error-box" role="alert" data-testid={testId} data-code={error instanceof ApiError ? error.code : undefined}>
      <p>{t(factErrorKey(error))}</p>
      {correlationId && (
        <p className="muted small">
          {t('errors.reference')} <bdi dir="ltr">{correlationId}</bdi>
        </p>
      )}
    </div>
  );
}
