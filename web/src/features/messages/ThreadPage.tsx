import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Attachment, Message } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { Link, pathFor } from '../../app/router.tsx';
import { can, useMe } from '../../app/session.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Ident } from '../../ui/Ident.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TlpBadge } from '../../ui/TlpBadge.tsx';
import { OriginNode } from '../federation/OriginNode.tsx';
import { UrgencyBadge } from '../notices/NoticeBadges.tsx';
import { type Composed, ComposeExtras, wireAttachments } from './compose.tsx';
import { formatSize } from './format-size.ts';

function AttachmentLine({ a }: { a: Attachment }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  if (a.heldAtNode !== undefined) {
    // a message from another node: its files stayed there; the sender sends one on request
    return (
      <li data-testid="attachment-held">
        <bdi dir="auto">{a.filename}</bdi>{' '}
        <span className="muted small">
          {formatSize(a.size)} · {t('messages.thread.heldAt')} <Ident className="code">{a.heldAtNode}</Ident>
        </span>
      </li>
    );
  }
  const download = async () => {
    setError(null);
    try {
      const blob = await api.attachment(a.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = a.filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li data-testid="attachment">
      <button type="button" className="button-small" onClick={() => void download()}>
        {t('messages.thread.download')} <bdi dir="auto">{a.filename}</bdi>
      </button>{' '}
      <span className="muted small">
        {formatSize(a.size)} · {t('messages.thread.checksum')}{' '}
        <bdi dir="ltr" className="code" title={a.sha256}>
          {a.sha256.slice(0, 16)}…
        </bdi>
      </span>
      {error != null && <ErrorBox error={error} />}
    </li>
  );
}

function MessageCard({ m }: { m: Message }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className={`panel message ${m.urgency === 'urgent' ? 'message-urgent' : ''}`} data-testid="message">
      <div className="message-head">
        <strong>
          <bdi dir="auto">{m.senderName ?? t('messages.thread.system')}</bdi>
        </strong>{' '}
        <Badge>
          <bdi dir="ltr">{m.senderAgencyCode}</bdi>
        </Badge>
        <OriginNode item={m} />
        <TlpBadge level={m.tlp} />
        <UrgencyBadge urgency={m.urgency} />
        <time className="muted small" dateTime={m.createdAt}>
          {formatDateTime(locale, m.createdAt)}
        </time>
      </div>
      {m.deadlineAt && (
        <p className={`small ${new Date(m.deadlineAt).getTime() < Date.now() ? 'age-late' : 'muted'}`}>
          {t('messages.thread.deadline', { date: formatDateTime(locale, m.deadlineAt) })}
        </p>
      )}
      <p className="message-body prewrap">
        <bdi dir="auto">{m.body}</bdi>
      </p>
      {m.attachments.length > 0 && <ul className="attachments">{m.attachments.map((a) => <AttachmentLine key={a.id} a={a} />)}</ul>}
      {m.receipts.length > 0 && (
        <table className="table compact receipts" data-testid="receipts">
          <caption>{t('messages.thread.receipts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('messages.thread.agency')}</th>
              <th scope="col">{t('messages.thread.delivered')}</th>
              <th scope="col">{t('messages.thread.read')}</th>
            </tr>
          </thead>
          <tbody>
            {m.receipts.map((r) => (
              <tr key={r.agencyCode}>
                <td>
                  <bdi dir="ltr" className="code">
                    {r.agencyCode}
                  </bdi>
                </td>
                <td>{r.deliveredAt ? formatDateTime(locale, r.deliveredAt) : <span className="muted">{t('ui.none')}</span>}</td>
                <td data-testid="receipt-read">{r.readAt ? formatDateTime(locale, r.readAt) : <span className="muted">{t('messages.thread.notRead')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

function ReplyForm({ threadId, onSent }: { threadId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [extras, setExtras] = useState<Composed>({ tlp: 'AMBER', urgency: 'normal', attachments: [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return setMissing(true);
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      await api.reply(threadId, { body: body.trim(), tlp: extras.tlp, urgency: extras.urgency, attachments: wireAttachments(extras) });
      setBody('');
      setExtras({ ...extras, attachments: [] });
      onSent();
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  return (
    <form className="panel stack" onSubmit={submit} data-testid="reply-form" noValidate>
      <h2>{t('messages.thread.reply')}</h2>
      <div className="field">
        <label htmlFor="reply-body">{t('messages.compose.body')}</label>
        <textarea
          id="reply-body"
          name="body"
          dir="auto"
          rows={5}
          value={body}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? 'reply-missing' : undefined}
          onChange={(e) => setBody(e.target.value)}
        />
        {missing && (
          <span id="reply-missing" className="field-error">
            {t('messages.compose.bodyRequired')}
          </span>
        )}
      </div>
      <ComposeExtras value={extras} onChange={setExtras} />
      {error != null && <ErrorBox error={error} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('messages.compose.sending') : t('messages.compose.send')}
        </button>
      </div>
    </form>
  );
}

/** A thread with its messages, receipts and attachments; opening it records the read receipt. */
export function ThreadPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const res = useLoad(() => api.thread(id), [id]);
  const v = res.data?.thread.id === id ? res.data : undefined;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/messages">{t('messages.thread.back')}</Link>
      </p>
      {res.error != null && (
        <>
          <PageHeader title={t('messages.thread.title')} />
          <ErrorBox error={res.error} />
        </>
      )}
      {res.loading && !v && <Loading />}
      {v && (
        <>
          <PageHeader title={v.thread.subject} isolate>
            <OriginNode item={v.thread} />
            {v.thread.noticeId && (
              <Link to={pathFor(['notices', v.thread.noticeId])} className="button-link">
                {t('messages.thread.openNotice')}
              </Link>
            )}
          </PageHeader>
          <p className="muted">
            {t('messages.thread.participants')} <bdi dir="ltr">{v.thread.participants.join(t('notices.wizard.listSeparator'))}</bdi>
          </p>
          <ol className="messages">
            {v.messages.map((m) => (
              <MessageCard key={m.id} m={m} />
            ))}
          </ol>
          {can(me, 'message.send') && <ReplyForm threadId={id} onSent={res.reload} />}
        </>
      )}
    </section>
  );
}
