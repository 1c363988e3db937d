import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { Ident } from '../../ui/Ident.tsx';

/**
 * The node an item came from, for items received from another national node (the API's
 * `originNode`, null for this node's own). Read from any object: lists and views that do not
 * carry the field yet simply show nothing.
 */
export const originNodeOf = (item: object): string | null => {
  const v = (item as { originNode?: unknown }).originNode;
  return typeof v === 'string' && v !== '' ? v : null;
};

/** A badge naming the node a foreign record or notice came from; nothing for this node's own. */
export function OriginNode({ item }: { item: object }) {
  const { t } = useTranslation();
  const node = originNodeOf(item);
  if (!node) return null;
  return (
    <Badge tone="info" title={t('federation.origin.title')} testId="origin-node">
      {t('federation.origin.label')} <Ident className="code">{node}</Ident>
    </Badge>
  );
}
