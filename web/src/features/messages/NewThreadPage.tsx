import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Link, navigate, pathFor } from '../../app/router.tsx';
import { useLocale } from '../../i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Ident } from '../../ui/Ident.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Composed, ComposeExtras, wireAttachments } from './compose.tsx';
import { recipientName, useRecipients } from './use-recipients.ts';

type Problem = 'subject' | 'recipients' | 'body';

/** A new thread: only the agencies the handling allows are offered as recipients. */
export function NewThreadPage({ noticeId }: { noticeId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const recipients = useRecipients(noticeId);
  const [subject, setSubject] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [body, setBody] = useState('');
  const [extras, setExtras] = useState<Composed>({ tlp: 'AMBER', urgency: 'normal', attachments: [] });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: Problem[] = [];
    if (!subject.trim()) p.push('subject');
    if (chosen.length === 0) p.push('recipients');
    if (!body.trim()) p.push('body');
    setProblems(p);
    if (p.length) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.createThread({
        subject: subject.trim(),
        noticeId,
        recipients: chosen,
        body: body.trim(),
        tlp: extras.tlp,
        urgency: extras.urgency,
        attachments: wireAttachments(extras),
      });
      navigate(pathFor(['messages', res.thread.id]));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/messages">{t('messages.thread.back')}</Link>
        {noticeId && (
          <>
            {' · '}
            <Link to={pathFor(['notices', noticeId])}>{t('messages.thread.openNotice')}</Link>
          </>
        )}
      </p>
      <PageHeader title={t('messages.new.title')} />
      <form className="panel stack" onSubmit={submit} data-testid="new-thread-form" noValidate>
        {noticeId && <p className="notice">{t('messages.new.aboutNotice')}</p>}
        <Field label={t('messages.new.subject')} error={problems.includes('subject') ? t('messages.new.subjectRequired') : undefined}>
          <input name="subject" dir="auto" maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </Field>
        <fieldset className="notice-fieldset" aria-describedby={problems.includes('recipients') ? 'recipients-missing' : undefined}>
          <legend>{t('messages.new.recipients')}</legend>
          <p className="hint">{t('messages.new.recipientsHint')}</p>
          {recipients.error != null && <ErrorBox error={recipients.error} />}
          {recipients.loading && !recipients.data && <Loading />}
          {recipients.data && (
            <ul className="agency-choices" data-testid="recipient-choices">
              {recipients.data.map((a) => (
                <li key={a.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      name="recipients"
                      value={a.code}
                      checked={chosen.includes(a.id)}
                      onChange={(e) => setChosen((c) => (e.target.checked ? [...c, a.id] : c.filter((x) => x !== a.id)))}
                    />
                    <bdi dir="ltr" className="code">
                      {a.code}
                    </bdi>{' '}
                    <bdi dir="auto">{recipientName(a, locale)}</bdi>
                    {a.originNode && (
                      <>
                        {' '}
                        <Badge tone="info" testId="recipient-node">
                          {t('messages.new.atNode')} <Ident className="code">{a.originNode}</Ident>
                        </Badge>
                      </>
                    )}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {problems.includes('recipients') && (
            <p id="recipients-missing" className="field-error">
              {t('messages.new.recipientsRequired')}
            </p>
          )}
        </fieldset>
        <Field label={t('messages.compose.body')} error={problems.includes('body') ? t('messages.compose.bodyRequired') : undefined}>
          <textarea name="body" dir="auto" rows={6} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <ComposeExtras value={extras} onChange={setExtras} />
        {error != null && <ErrorBox error={error} />}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy} data-testid="send-thread">
            {busy ? t('messages.compose.sending') : t('messages.compose.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
