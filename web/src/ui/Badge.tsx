import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger';

/** A short label. Codes (agency, TLP, H-codes) are Latin: wrap them in <bdi> so they keep their order in Arabic. */
export function Badge({
  tone = 'neutral',
  title,
  testId,
  children,
}: {
  tone?: BadgeTone;
  title?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <span className={`badge badge-${tone}`} title={title} data-testid={testId}>
      {children}
    </span>
  );
}
