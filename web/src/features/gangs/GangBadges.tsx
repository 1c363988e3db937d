import { useTranslation } from 'react-i18next';
import type { GangKind, GangStatus } from '../../api/cases-types.ts';
import { Badge } from '../../ui/Badge.tsx';
import { GANG_KIND_KEYS, GANG_STATUS_KEYS } from '../cases/labels.ts';

export function GangStatusBadge({ status }: { status: GangStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={status === 'dismantled' ? 'ok' : 'warn'} testId="gang-status">
      <span data-status={status}>{GANG_STATUS_KEYS[status] ? t(GANG_STATUS_KEYS[status]) : status}</span>
    </Badge>
  );
}

export function GangKindLabel({ kind }: { kind: GangKind }) {
  const { t } = useTranslation();
  return <>{GANG_KIND_KEYS[kind] ? t(GANG_KIND_KEYS[kind]) : kind}</>;
}
