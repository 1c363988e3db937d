import type { ReactNode } from 'react';

/**
 * An identifier read as it is written on the object: a plate, a document number, an MRZ line,
 * a VIN, any code that mixes scripts. Always left to right in logical order, whatever the page
 * direction: `80624-و-11` stays `80624-و-11` (the Unicode algorithm would otherwise turn a
 * Moroccan plate round to `11-و-80624` around its Arabic letter, in every language).
 * `<bdo dir="ltr">` overrides the order; the `ident` class isolates it from the sentence around it.
 */
export function Ident({ children, className, title, testId }: { children: string; className?: string; title?: string; testId?: string }) {
  return (
    <bdo dir="ltr" className={className ? `ident ${className}` : 'ident'} title={title} data-testid={testId}>
      {children}
    </bdo>
  );
}

/** The record kinds whose display name is an identifier (a document number, a plate). */
const IDENT_KINDS: ReadonlySet<string> = new Set(['document', 'vehicle']);
export const isIdentKind = (kind: string): boolean => IDENT_KINDS.has(kind);

/**
 * A record's display name: an identifier for documents and vehicles, a name (any script, its own
 * direction) for the others.
 */
export function DisplayName({ kind, children }: { kind: string; children: string }) {
  return isIdentKind(kind) ? <Ident>{children}</Ident> : <bdi dir="auto">{children}</bdi>;
}

/**
 * The same for text that cannot hold markup (a canvas label, a tooltip): left-to-right isolate
 * and override (LRI LRO … PDF PDI).
 */
export const identText = (s: string): string => `\u2066\u202D${s}\u202C\u2069`;

/** Stands for the identifier in a translated sentence, so that it can be set in an <Ident>. */
export const IDENT_MARK = '\uE001';

/** A translated sentence made with `IDENT_MARK` in place of the identifier, the identifier set in an <Ident>. */
export function WithIdent({ text, value, className }: { text: string; value: string; className?: string }): ReactNode {
  const [before, ...rest] = text.split(IDENT_MARK);
  if (rest.length === 0) return text;
  return (
    <>
      {before}
      <Ident className={className}>{value}</Ident>
      {rest.join(value)}
    </>
  );
}
