import { api } from '../../api/client.ts';
import type { RecordView } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { can, useMaybeMe } from '../../app/session.tsx';
import { originNodeOf } from './OriginNode.tsx';
import { WhoReceives } from './WhoReceives.tsx';

/**
 * "Who will receive this" for a record: its kind is its category; the agencies it is restricted
 * to are ids on the record and codes at the boundary (the directory is asked only when needed).
 * Not for a record received from another node: the preview answers for this node's own items.
 */
export function RecordWhoReceives({ record }: { record: RecordView }) {
  const me = useMaybeMe();
  const allowed = !!me && can(me, 'federation.read') && originNodeOf(record.provenance) === null;
  const ids = record.provenance.handling.restrictedTo.join(',');
  const codes = useLoad(async () => {
    if (!allowed || !ids) return [];
    const wanted = new Set(ids.split(','));
    return (await api.agencies({ limit: 200 })).items.filter((a) => wanted.has(a.id)).map((a) => a.code);
  }, [allowed, ids]);
  if (!allowed || !codes.data) return null;
  return <WhoReceives category={record.kind} tlp={record.provenance.handling.tlp} restrictedTo={codes.data} />;
}
