import { useTranslation } from 'react-i18next';
import { reasonKey } from './labels.ts';

/** A refusal's reason in the desk's language; its stable code (what partners switch on) beside it for support. */
export function Reason({ code }: { code: string }) {
  const { t } = useTranslation();
  const key = reasonKey(code);
  return (
    <span className="federation-reason" data-testid="reason" data-reason={code}>
      {key ? t(key) : <bdi dir="ltr">{code}</bdi>}{' '}
      {key && (
        <bdi dir="ltr" className="code small muted">
          {code}
        </bdi>
      )}
    </span>
  );
}
