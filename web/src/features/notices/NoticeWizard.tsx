import { type FocusEvent, type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CheckResult, Notice, NoticeType } from '../../api/types.ts';
import { Link, navigate, pathFor } from '../../app/router.tsx';
import { isolate } from '../../i18n/format.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ChecksSummary, errorsOf } from './checks.tsx';
import { CircumstancesStep } from './CircumstancesStep.tsx';
import { HandlingStep } from './HandlingStep.tsx';
import { OffenceStep } from './OffenceStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { SubjectStep } from './SubjectStep.tsx';
import { type StepProps, TypeStep } from './TypeStep.tsx';
import { useLiveChecks } from './use-live-checks.ts';
import { draftFromNotice, emptyDraft, STEP_KEYS, STEPS, type Step, stepOf, toRequest, type WizardDraft } from './wizard-state.ts';

const STEP_VIEWS: Record<Step, (p: StepProps) => ReactNode> = {
  type: TypeStep,
  subject: SubjectStep,
  offence: OffenceStep,
  circumstances: CircumstancesStep,
  handling: HandlingStep,
  review: ReviewStep,
};

/** The create wizard, or the same form for a draft or a returned request (`id`). */
export function NoticeWizard({ id }: { id?: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ key: string; draft: WizardDraft } | null>(id ? null : { key: 'new', draft: emptyDraft() });
  const [loadError, setLoadError] = useState<unknown>(null);
  // the id this form already holds: saving a new draft puts its id in the address, which must not reload it
  const known = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (id === known.current) return;
    known.current = id;
    setLoadError(null);
    if (!id) return setLoaded({ key: `new-${Date.now()}`, draft: emptyDraft() });
    setLoaded(null);
    api.notice(id).then((n) => setLoaded({ key: n.id, draft: draftFromNotice(n) }), setLoadError);
  }, [id]);

  if (loadError != null) {
    return (
      <section>
        <PageHeader title={t('notices.wizard.editTitle')} />
        <ErrorBox error={loadError} />
      </section>
    );
  }
  if (!loaded) return <Loading />;
  return <Wizard key={loaded.key} initial={loaded.draft} onSaved={(nid) => (known.current = nid)} />;
}

function Wizard({ initial, onSaved }: { initial: WizardDraft; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [step, setStep] = useState<Step>(initial.type ? 'subject' : 'type');
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [focusField, setFocusField] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const live = useLiveChecks(draft);
  const errors = errorsOf(live.checks);
  const index = STEPS.indexOf(step);
  // A mandatory field left empty is an error only once the officer has been in it and left, or
  // has tried to go past its step: a blank form does not open on a wall of red. The review step
  // shows them all (submission waits on them), and they always block submission.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [passed, setPassed] = useState<ReadonlySet<Step>>(() => new Set());
  const shown = (c: CheckResult) => c.code !== 'missing_mandatory' || !c.field || step === 'review' || touched.has(c.field) || passed.has(stepOf(c.field));
  const visible = live.checks.filter(shown);
  const toFill = live.checks.length - visible.length;
  const onLeaveField = (e: FocusEvent<HTMLFormElement>) => {
    const el = e.target as HTMLElement;
    const field = el.getAttribute('data-field') ?? el.closest('[data-fieldset]')?.getAttribute('data-fieldset');
    if (field && !touched.has(field)) setTouched((s) => new Set(s).add(field));
  };
  const leaveStep = (to: Step) => {
    if (STEPS.indexOf(to) > index) setPassed((s) => new Set(s).add(step));
    setStep(to);
  };
  const update = (fn: (d: WizardDraft) => WizardDraft) => {
    setSaved(null);
    setDraft(fn);
  };

  // a new step: the cursor goes to the field asked for, else to the step's title
  useEffect(() => {
    if (focusField) {
      const el = document.querySelector<HTMLElement>(`[data-field="${focusField}"], [data-fieldset="${focusField}"] input`);
      el?.focus();
      setFocusField(null);
      if (el) return;
    }
    headingRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on step change only
  }, [step]);

  const goTo = (field: string) => {
    const target = stepOf(field);
    if (target === step) document.querySelector<HTMLElement>(`[data-field="${field}"], [data-fieldset="${field}"] input`)?.focus();
    else {
      setFocusField(field);
      setStep(target);
    }
  };

  const save = async (): Promise<Notice> => {
    const req = toRequest({ ...draft, type: draft.type as NoticeType });
    const n = draft.id
      ? await api.updateNotice(draft.id, {
          version: draft.version ?? 1,
          urgency: req.urgency,
          content: req.content,
          handling: req.handling,
          recipients: req.recipients,
          publicExtract: req.publicExtract ?? (initial.publicExtract ? { fields: [] } : undefined),
        })
      : await api.createNotice(req);
    setDraft((d) => ({ ...d, id: n.id, version: n.version, reference: n.reference }));
    onSaved(n.id);
    // the address now names the draft (a reload reopens it) without leaving the form
    window.history.replaceState(null, '', `#${pathFor(['notices', n.id, 'edit'])}`);
    return n;
  };

  const run = async (kind: 'save' | 'submit') => {
    setBusy(kind);
    setError(null);
    try {
      const n = await save();
      if (kind === 'save') {
        setSaved(n.reference);
        setBusy(null);
        return;
      }
      const submitted = await api.noticeAction(n.id, 'submit', { version: n.version });
      navigate(pathFor(['notices', submitted.id]));
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (step !== 'review') leaveStep(STEPS[index + 1]);
    else if (errors.length === 0 && !live.pending) void run('submit');
  };

  const View = STEP_VIEWS[step];
  const title = draft.reference ? t('notices.wizard.editTitleRef', { reference: isolate(draft.reference) }) : t('notices.wizard.title');
  return (
    <section className="wizard">
      <p className="breadcrumb">
        <Link to="/notices">{t('notices.list.back')}</Link>
      </p>
      <PageHeader title={title} />
      <nav aria-label={t('notices.wizard.stepsLabel')}>
        <ol className="wizard-steps">
          {STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className="wizard-step"
                aria-current={s === step ? 'step' : undefined}
                disabled={!draft.type && s !== 'type'}
                data-step={s}
                onClick={() => leaveStep(s)}
              >
                <span className="wizard-step-n" aria-hidden="true">
                  {i + 1}
                </span>
                {t(STEP_KEYS[s])}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="wizard-grid">
        <form className="panel wizard-form" onSubmit={onSubmit} onBlur={onLeaveField} data-testid="notice-wizard" noValidate>
          <h2 ref={headingRef} tabIndex={-1} className="wizard-step-title">
            {t(STEP_KEYS[step])}
          </h2>
          <View draft={draft} update={update} checks={visible} />
          {error != null && <ErrorBox error={error} />}
          {saved && (
            <p className="notice" role="status" data-testid="draft-saved">
              {t('notices.wizard.saved', { reference: isolate(saved) })}
            </p>
          )}
          <div className="form-actions wizard-actions">
            {index > 0 && (
              <button type="button" onClick={() => setStep(STEPS[index - 1])}>
                {t('notices.wizard.back')}
              </button>
            )}
            {step !== 'review' && (
              <button type="submit" className="button-primary" disabled={!draft.type} data-testid="wizard-next">
                {t('notices.wizard.next')}
              </button>
            )}
            <button type="button" disabled={!draft.type || busy !== null} onClick={() => void run('save')} data-testid="save-draft">
              {busy === 'save' ? t('notices.wizard.saving') : t('notices.wizard.saveDraft')}
            </button>
            {step === 'review' && (
              <button type="submit" className="button-primary" disabled={errors.length > 0 || live.pending || busy !== null} data-testid="submit-notice">
                {busy === 'submit' ? t('notices.wizard.submitting') : t('notices.wizard.submit')}
              </button>
            )}
          </div>
          {step === 'review' && errors.length > 0 && (
            <p className="field-error" data-testid="submit-blocked">
              {t('notices.wizard.blocked', { count: errors.length })}
            </p>
          )}
        </form>
        <aside className="wizard-aside">
          {draft.type ? (
            <>
              {live.error != null && <ErrorBox error={live.error} />}
              <ChecksSummary checks={visible} pending={live.pending} onGoTo={goTo} toFill={toFill} />
            </>
          ) : (
            <p className="muted">{t('notices.wizard.chooseTypeFirst')}</p>
          )}
        </aside>
      </div>
    </section>
  );
}
