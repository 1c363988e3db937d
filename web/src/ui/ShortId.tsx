/**
 * A long identifier (UUIDv7) shown by its tail: the head of a v7 id is a timestamp and
 * repeats across rows. The whole id stays in the tooltip and for assistive technology.
 */
export function ShortId({ id }: { id: string }) {
  if (id.length <= 16) {
    return (
      <bdi dir="ltr" className="code">
        {id}
      </bdi>
    );
  }
  return (
    <bdi dir="ltr" className="code short-id" title={id}>
      <span aria-hidden="true">…{id.slice(-12)}</span>
      <span className="visually-hidden">{id}</span>
    </bdi>
  );
}
