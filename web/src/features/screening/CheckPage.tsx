import {
  type FormEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type {
  DocumentScreeningResult,
  Gender,
  MrzScreeningResult,
  PersonScreeningResult,
  VehicleScreeningResult,
} from '../../api/types.ts';
import { isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';
import { Field } from '../../ui/Field.tsx';
import { IDENT_MARK, WithIdent } from '../../ui/Ident.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { GENDER_KEYS } from '../records/labels.ts';
import { MODE_KEYS, MODES, type Mode } from './labels.ts';
import { PARTIAL_DATE } from './manifest.ts';
import { MrzResult } from './MrzResult.tsx';
import { PurposeField, purposeTooLong, usePurpose } from './purpose.tsx';
import { NoticeHitAlerts } from '../notices/NoticeHitAlerts.tsx';
import { DocumentCandidates, PersonCandidates, ResultHead, VehicleCandidates } from './Results.tsx';

type Result =
  | { kind: 'person'; query: string; data: PersonScreeningResult }
  | { kind: 'document'; query: string; data: DocumentScreeningResult }
  | { kind: 'vehicle'; query: string; data: VehicleScreeningResult }
  | { kind: 'mrz'; data: MrzScreeningResult };

/** The lines of a pasted MRZ: blank lines dropped, stray spaces (OCR) removed, upper case. */
export function mrzLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, '').toUpperCase())
    .filter(Boolean);
}

const EMPTY_PERSON = { name: '', birthDate: '', nationality: '', gender: '' as '' | Gender };
const EMPTY_DOCUMENT = { number: '', issuingCountry: '' };
const EMPTY_VEHICLE = { plate: '', country: '', vin: '' };

/** Alt+1…3 pick a mode, Alt+4 goes to the MRZ box; by key position so any keyboard layout works. */
function shortcutIndex(e: KeyboardEvent): number {
  if (!e.altKey || e.ctrlKey || e.metaKey) return -1;
  const byCode = ['Digit1', 'Digit2', 'Digit3', 'Digit4'].indexOf(e.code);
  return byCode !== -1 ? byCode : ['1', '2', '3', '4'].indexOf(e.key);
}

/**
 * The Check page, for a counter: everything by keyboard. Focus starts in the name field,
 * Enter checks, Alt+1/2/3 switch between person, document and vehicle, Alt+4 jumps to the
 * MRZ box where Ctrl+Enter checks a pasted machine-readable zone, Esc clears the form.
 */
export function CheckPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const ids = useId();
  const [purpose] = usePurpose();
  const [mode, setMode] = useState<Mode>('person');
  const [person, setPerson] = useState(EMPTY_PERSON);
  const [doc, setDoc] = useState(EMPTY_DOCUMENT);
  const [vehicle, setVehicle] = useState(EMPTY_VEHICLE);
  const [mrz, setMrz] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);

  const nameRef = useRef<HTMLInputElement>(null);
  const birthDateRef = useRef<HTMLInputElement>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const plateRef = useRef<HTMLInputElement>(null);
  const mrzRef = useRef<HTMLTextAreaElement>(null);
  const tabRefs = useRef<Record<Mode, HTMLButtonElement | null>>({ person: null, document: null, vehicle: null });
  const firstField: Record<Mode, RefObject<HTMLInputElement | null>> = { person: nameRef, document: numberRef, vehicle: plateRef };

  // focus moves after React has shown the panel: a request is a mode and a counter
  const [focusRequest, setFocusRequest] = useState<{ mode: Mode; n: number }>({ mode: 'person', n: 0 });
  const focusMode = (m: Mode) => {
    setMode(m);
    setFocusRequest((r) => ({ mode: m, n: r.n + 1 }));
  };
  useEffect(() => {
    const input = firstField[focusRequest.mode].current;
    input?.focus();
    input?.select();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the refs are stable
  }, [focusRequest]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const i = shortcutIndex(e);
      if (i === -1) return;
      e.preventDefault();
      if (i < MODES.length) focusMode(MODES[i]);
      else mrzRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const run = async <T,>(call: (purpose: string) => Promise<T>, wrap: (data: T) => Result) => {
    if (purposeTooLong(purpose)) {
      setFieldErrors({ purpose: 'screening.purpose.tooLong' });
      return;
    }
    const n = ++seq.current;
    setBusy(true);
    setError(null);
    try {
      const data = await call(purpose);
      if (n === seq.current) setResult(wrap(data));
    } catch (e) {
      if (n === seq.current) {
        setError(e);
        setResult(null);
      }
    } finally {
      if (n === seq.current) setBusy(false);
    }
  };

  /** Shows the errors and moves focus to the first faulty field; true when there are none. */
  const check = (errors: Array<[field: string, key: string, ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>]>) => {
    setFieldErrors(Object.fromEntries(errors.map(([f, k]) => [f, k])));
    if (errors.length) errors[0][2].current?.focus();
    return errors.length === 0;
  };

  const submitPerson = (e: FormEvent) => {
    e.preventDefault();
    const name = person.name.trim();
    const birthDate = person.birthDate.trim();
    const nationality = person.nationality.trim();
    const errors: Parameters<typeof check>[0] = [];
    if (!name) errors.push(['name', 'screening.check.errors.nameRequired', nameRef]);
    if (birthDate && !PARTIAL_DATE.test(birthDate)) errors.push(['birthDate', 'screening.check.errors.birthDate', birthDateRef]);
    if (!check(errors)) return;
    const q = {
      name,
      ...(birthDate && { birthDate }),
      ...(nationality && { nationality }),
      ...(person.gender && { gender: person.gender }),
    };
    void run((p) => api.screenPerson(q, p), (data) => ({ kind: 'person', query: name, data }));
  };

  const submitDocument = (e: FormEvent) => {
    e.preventDefault();
    const number = doc.number.trim();
    const issuingCountry = doc.issuingCountry.trim();
    if (!check(number ? [] : [['number', 'screening.check.errors.numberRequired', numberRef]])) return;
    const q = { number, ...(issuingCountry && { issuingCountry }) };
    void run((p) => api.screenDocument(q, p), (data) => ({ kind: 'document', query: number, data }));
  };

  const submitVehicle = (e: FormEvent) => {
    e.preventDefault();
    const plate = vehicle.plate.trim();
    const country = vehicle.country.trim();
    const vin = vehicle.vin.trim();
    if (!check(plate || vin ? [] : [['plate', 'screening.check.errors.plateOrVin', plateRef]])) return;
    const q = { ...(plate && { plate }), ...(country && { country }), ...(vin && { vin }) };
    void run((p) => api.screenVehicle(q, p), (data) => ({ kind: 'vehicle', query: [plate, vin].filter(Boolean).join(' · '), data }));
  };

  const submitMrz = (e?: FormEvent) => {
    e?.preventDefault();
    const lines = mrzLines(mrz);
    if (!check(lines.length === 2 || lines.length === 3 ? [] : [['mrz', 'screening.check.errors.mrzLines', mrzRef]])) return;
    void run((p) => api.screenMrz(lines.join('\n'), p), (data) => ({ kind: 'mrz', data }));
  };

  const onMrzKey = (e: ReactKeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submitMrz(e);
  };

  const clear = () => {
    seq.current++;
    setBusy(false);
    if (mode === 'person') setPerson(EMPTY_PERSON);
    if (mode === 'document') setDoc(EMPTY_DOCUMENT);
    if (mode === 'vehicle') setVehicle(EMPTY_VEHICLE);
    setFieldErrors({});
    setResult(null);
    setError(null);
    focusMode(mode);
  };
  const onFormKey = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      clear();
    }
  };

  // tabs (WAI-ARIA): arrows move along the row in reading order, Home and End to the ends
  const onTabKey = (e: ReactKeyboardEvent<HTMLButtonElement>) => {
    const rtl = locale === 'ar';
    const i = MODES.indexOf(mode);
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let next = -1;
    if (e.key in step) next = (i + step[e.key] + MODES.length) % MODES.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = MODES.length - 1;
    if (next === -1) return;
    e.preventDefault();
    setMode(MODES[next]);
    tabRefs.current[MODES[next]]?.focus();
  };

  const err = (field: string) => (fieldErrors[field] ? t(fieldErrors[field]) : undefined);
  const shortcut = (n: number) => (
    <kbd className="shortcut" dir="ltr">
      {t('screening.check.shortcut', { n })}
    </kbd>
  );
  const submitRow = (label: string) => (
    <div className="form-actions">
      <button type="submit" className="button-primary" disabled={busy}>
        {label}
      </button>
      <button type="button" onClick={clear} aria-keyshortcuts="Escape">
        {t('screening.check.clear')} <kbd className="shortcut">{t('screening.check.escKey')}</kbd>
      </button>
    </div>
  );
  const panel = (m: Mode, children: ReactNode) => (
    <div role="tabpanel" id={`${ids}-panel-${m}`} aria-labelledby={`${ids}-tab-${m}`} hidden={mode !== m} className="tab-panel">
      {children}
    </div>
  );

  return (
    <section className="check-page">
      <PageHeader title={t('screening.check.title')} />
      <PurposeField />
      <div className="check-grid">
        <div className="panel check-form">
          <div role="tablist" aria-label={t('screening.check.modes.label')} className="tabs">
            {MODES.map((m, i) => (
              <button
                key={m}
                ref={(el) => {
                  tabRefs.current[m] = el;
                }}
                type="button"
                role="tab"
                id={`${ids}-tab-${m}`}
                data-mode={m}
                aria-selected={mode === m}
                aria-controls={`${ids}-panel-${m}`}
                aria-keyshortcuts={`Alt+${i + 1}`}
                tabIndex={mode === m ? 0 : -1}
                onClick={() => setMode(m)}
                onKeyDown={onTabKey}
              >
                {t(MODE_KEYS[m])} {shortcut(i + 1)}
              </button>
            ))}
          </div>

          {panel(
            'person',
            <form onSubmit={submitPerson} onKeyDown={onFormKey} noValidate className="check-fields" data-testid="person-form">
              <Field label={t('screening.check.person.name')} hint={t('screening.check.person.nameHint')} error={err('name')}>
                <input
                  ref={nameRef}
                  name="name"
                  dir="auto"
                  autoComplete="off"
                  spellCheck={false}
                  value={person.name}
                  onChange={(e) => setPerson({ ...person, name: e.target.value })}
                />
              </Field>
              <Field label={t('screening.check.person.birthDate')} hint={t('screening.check.person.birthDateHint')} error={err('birthDate')}>
                <input
                  ref={birthDateRef}
                  name="birthDate"
                  dir="ltr"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={t('screening.check.person.birthDatePlaceholder')}
                  value={person.birthDate}
                  onChange={(e) => setPerson({ ...person, birthDate: e.target.value })}
                />
              </Field>
              <Field label={t('screening.check.person.nationality')} hint={t('screening.check.person.nationalityHint')}>
                <input
                  name="nationality"
                  dir="auto"
                  autoComplete="off"
                  spellCheck={false}
                  value={person.nationality}
                  onChange={(e) => setPerson({ ...person, nationality: e.target.value })}
                />
              </Field>
              <Field label={t('screening.check.person.gender')}>
                <select
                  name="gender"
                  value={person.gender}
                  onChange={(e) => setPerson({ ...person, gender: e.target.value as '' | Gender })}
                  // Enter checks from here too (a closed select does not submit its form by itself)
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      e.currentTarget.form?.requestSubmit();
                    }
                  }}
                >
                  <option value="">{t('screening.check.person.genderAny')}</option>
                  <option value="male">{t(GENDER_KEYS.male)}</option>
                  <option value="female">{t(GENDER_KEYS.female)}</option>
                </select>
              </Field>
              {submitRow(t('screening.check.person.submit'))}
            </form>,
          )}

          {panel(
            'document',
            <form onSubmit={submitDocument} onKeyDown={onFormKey} noValidate className="check-fields" data-testid="document-form">
              <Field label={t('screening.check.document.number')} hint={t('screening.check.document.numberHint')} error={err('number')}>
                <input
                  ref={numberRef}
                  name="number"
                  dir="ltr"
                  className="ident-input"
                  autoComplete="off"
                  spellCheck={false}
                  autoCapitalize="characters"
                  value={doc.number}
                  onChange={(e) => setDoc({ ...doc, number: e.target.value })}
                />
              </Field>
              <Field label={t('screening.check.document.issuingCountry')} hint={t('screening.check.countryHint')}>
                <input
                  name="issuingCountry"
                  dir="auto"
                  autoComplete="off"
                  spellCheck={false}
                  value={doc.issuingCountry}
                  onChange={(e) => setDoc({ ...doc, issuingCountry: e.target.value })}
                />
              </Field>
              {submitRow(t('screening.check.document.submit'))}
            </form>,
          )}

          {panel(
            'vehicle',
            <form onSubmit={submitVehicle} onKeyDown={onFormKey} noValidate className="check-fields" data-testid="vehicle-form">
              <Field label={t('screening.check.vehicle.plate')} hint={t('screening.check.vehicle.plateHint')} error={err('plate')}>
                <input
                  ref={plateRef}
                  name="plate"
                  dir="ltr"
                  className="ident-input"
                  autoComplete="off"
                  spellCheck={false}
                  value={vehicle.plate}
                  onChange={(e) => setVehicle({ ...vehicle, plate: e.target.value })}
                />
              </Field>
              <Field label={t('screening.check.vehicle.country')} hint={t('screening.check.countryHint')}>
                <input
                  name="country"
                  dir="auto"
                  autoComplete="off"
                  spellCheck={false}
                  value={vehicle.country}
                  onChange={(e) => setVehicle({ ...vehicle, country: e.target.value })}
                />
              </Field>
              <Field label={t('screening.check.vehicle.vin')} hint={t('screening.check.vehicle.vinHint')}>
                <input
                  name="vin"
                  dir="ltr"
                  className="ident-input"
                  autoComplete="off"
                  spellCheck={false}
                  autoCapitalize="characters"
                  maxLength={17}
                  value={vehicle.vin}
                  onChange={(e) => setVehicle({ ...vehicle, vin: e.target.value })}
                />
              </Field>
              {submitRow(t('screening.check.vehicle.submit'))}
            </form>,
          )}
        </div>

        <form className="panel mrz-form" onSubmit={submitMrz} noValidate data-testid="mrz-form">
          <h2 className="mrz-title">
            {t('screening.check.mrz.title')} {shortcut(4)}
          </h2>
          <Field label={t('screening.check.mrz.label')} hint={t('screening.check.mrz.hint')} error={err('mrz')}>
            <textarea
              ref={mrzRef}
              name="mrz"
              dir="ltr"
              rows={3}
              wrap="off"
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="characters"
              aria-keyshortcuts="Control+Enter"
              className="code mrz-input ident-input"
              value={mrz}
              onChange={(e) => setMrz(e.target.value)}
              onKeyDown={onMrzKey}
            />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {t('screening.check.mrz.submit')}
            </button>
          </div>
        </form>
      </div>

      <section className={`results ${busy ? 'results-busy' : ''}`} aria-labelledby={`${ids}-results`} aria-busy={busy} data-testid="results">
        <h2 id={`${ids}-results`} className={result ? undefined : 'visually-hidden'}>
          {result?.kind === 'person' ? (
            t('screening.results.for', { query: isolate(result.query) })
          ) : result && result.kind !== 'mrz' ? (
            // a document number or a plate: as written, left to right
            <WithIdent text={t('screening.results.for', { query: IDENT_MARK })} value={result.query} />
          ) : (
            t('screening.results.title')
          )}
        </h2>
        {fieldErrors.purpose && (
          <div className="error-box" role="alert">
            <p>{t('screening.purpose.tooLong')}</p>
          </div>
        )}
        {busy && (
          <p className="loading" role="status">
            {t('screening.check.submitting')}
          </p>
        )}
        {error != null && <ErrorBox error={error} />}
        {result?.kind === 'person' && (
          <>
            <ResultHead
              count={result.data.candidates.length}
              alerts={result.data.candidates.filter((c) => c.alert).length}
              tookMs={result.data.tookMs}
              threshold={result.data.threshold}
            />
            {result.data.hits && result.data.hits.length > 0 && <NoticeHitAlerts hits={result.data.hits} />}
            <PersonCandidates candidates={result.data.candidates} />
          </>
        )}
        {result?.kind === 'document' && (
          <>
            <ResultHead
              count={result.data.candidates.length}
              alerts={result.data.candidates.filter((c) => c.alert).length}
              tookMs={result.data.tookMs}
              threshold={result.data.threshold}
            />
            {result.data.candidates.length > 0 && <DocumentCandidates candidates={result.data.candidates} />}
          </>
        )}
        {result?.kind === 'vehicle' && (
          <>
            <ResultHead
              count={result.data.candidates.length}
              alerts={result.data.candidates.filter((c) => c.alert).length}
              tookMs={result.data.tookMs}
              threshold={result.data.threshold}
            />
            <VehicleCandidates candidates={result.data.candidates} vinCheck={result.data.vinCheck} />
          </>
        )}
        {result?.kind === 'mrz' && <MrzResult result={result.data} />}
      </section>
    </section>
  );
}
