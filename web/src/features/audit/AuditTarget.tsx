import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { ShortId } from '../../ui/ShortId.tsx';
import { TYPE_KEYS } from '../notices/labels.ts';
import { KIND_KEYS } from '../records/labels.ts';

/** Audit target types that name a record (reads use the record's kind). */
const RECORD_TARGETS: ReadonlySet<string> = new Set(['record', ...Object.keys(KIND_KEYS)]);

/** Where a labelled target opens, for a reader who may open it. */
function pathOf(e: AuditEntry, permissions: (p: string) => boolean): string | null {
  if (!e.targetId) return null;
  if (RECORD_TARGETS.has(e.targetType)) return permissions('record.read') ? pathFor(['records', e.targetId]) : null;
  if (e.targetType === 'notice') return permissions('notice.read') ? pathFor(['notices', e.targetId]) : null;
  if (e.targetType === 'case') return permissions('case.read') ? pathFor(['cases', e.targetId]) : null;
  if (e.targetType === 'gang') return permissions('case.read') ? pathFor(['gangs', e.targetId]) : null;
  return null;
}

const Code = ({ children }: { children: string }) => (
  <bdi dir="ltr" className="code">
    {children}
  </bdi>
);

/**
 * What an audit entry touched, by its label from the server (a person's name, a notice's
 * reference and type, a case number, a username …); the full id is its tooltip and is copied
 * by the button beside it. A target without a label keeps its type and shortened id.
 */
export function AuditTarget({ entry: e }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const me = useMe();
  const [copied, setCopied] = useState(false);
  const l = e.targetLabel;
  const what = l?.recordKind ? t(KIND_KEYS[l.recordKind]) : l?.noticeType && e.targetType === 'notice' ? t(TYPE_KEYS[l.noticeType]) : null;
  const path = pathOf(e, (p) => can(me, p));
  const copy = () => {
    if (!e.targetId) return;
    void navigator.clipboard?.writeText(e.targetId).then(() => setCopied(true), () => setCopied(false));
  };
  if (!e.targetId) return <Code>{e.targetType}</Code>;
  const text = l ? (
    <span className="audit-target-label" title={e.targetId} data-testid="target-label">
      {/* a name is in its own script; references, codes and usernames read left to right */}
      <bdi dir={l.recordKind ? 'auto' : 'ltr'}>{l.text}</bdi>
    </span>
  ) : (
    <ShortId id={e.targetId} />
  );
  return (
    <span className="audit-target" data-testid="audit-target">
      {what ? <span className="muted">{what}</span> : <Code>{e.targetType}</Code>}{' '}
      {path ? <Link to={path}>{text}</Link> : text}
      {l && (
        <>
          {' '}
          <button type="button" className="button-small button-inline" onClick={copy} title={e.targetId} data-testid="copy-target-id">
            {copied ? t('audit.target.copied') : t('audit.target.copyId')}
          </button>
        </>
      )}
    </span>
  );
}
