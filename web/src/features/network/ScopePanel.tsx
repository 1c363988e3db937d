import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readRegion, regionName } from '../../../../src/core/regions.ts';
import { isolate } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import type { AnalysisScope } from './scope.ts';

type Choice = 'focus' | 'region' | 'all';

/** The scope in words: the case's reference, the gang's name, the region, or everything. */
export function useScopeLabel(): (scope: AnalysisScope, focusLabel: string | undefined) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  // a region by its name in the desk's language (cases store its code), other text as typed
  const regionText = (value: string) => {
    const r = readRegion(value);
    return r.kind === 'region' ? regionName(r.code, locale) : value;
  };
  return (scope, focusLabel) => {
    switch (scope.kind) {
      case 'case':
        return t('network.scope.case', { name: isolate(focusLabel ?? scope.caseId) });
      case 'gang':
        return t('network.scope.gang', { name: isolate(focusLabel ?? scope.gangId) });
      case 'region':
        return t('network.scope.region', { region: isolate(regionText(scope.region)) });
      case 'all':
        return t('network.scope.all');
    }
  };
}

/**
 * What the analyses (communities, key players, dismantling, shared persons) run on: the case or
 * gang the view was opened from, a region (the focus's, or one typed in), or everything you may see.
 */
export function ScopePanel({
  focusScope,
  focusLabel,
  region,
  scope,
  onScope,
}: {
  focusScope: AnalysisScope | null;
  focusLabel: string | undefined;
  /** the region proposed: the focus case's or gang's, or the one in the address */
  region: string;
  scope: AnalysisScope;
  onScope: (s: AnalysisScope) => void;
}) {
  const { t } = useTranslation();
  const label = useScopeLabel();
  const [choice, setChoice] = useState<Choice>(scope.kind === 'all' ? 'all' : scope.kind === 'region' ? 'region' : focusScope ? 'focus' : 'all');
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const regionValue = typed ?? (scope.kind === 'region' ? scope.region : region);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (choice === 'focus' && focusScope) return onScope(focusScope);
    if (choice === 'all') return onScope({ kind: 'all' });
    const r = regionValue.trim();
    if (!r) return setError(t('network.scope.regionRequired'));
    setError(undefined);
    onScope({ kind: 'region', region: r });
  };

  return (
    <form className="panel network-panel" onSubmit={apply} aria-labelledby="scope-title" data-testid="scope-panel" noValidate>
      <h2 id="scope-title">{t('network.scope.title')}</h2>
      <p className="small" role="status" data-testid="scope-current" data-scope={scope.kind}>
        {t('network.scope.current', { scope: label(scope, focusLabel) })}
      </p>
      <Field label={t('network.scope.choose')}>
        <select name="scope" value={choice} onChange={(e) => (setChoice(e.target.value as Choice), setError(undefined))}>
          {focusScope && <option value="focus">{label(focusScope, focusLabel)}</option>}
          <option value="region">{t('network.scope.aRegion')}</option>
          <option value="all">{t('network.scope.all')}</option>
        </select>
      </Field>
      {choice === 'region' && (
        <Field label={t('network.scope.regionLabel')} error={error}>
          <input name="region" value={regionValue} maxLength={100} onChange={(e) => (setTyped(e.target.value), setError(undefined))} />
        </Field>
      )}
      <div className="badges">
        <button type="submit" data-testid="apply-scope">
          {t('network.scope.apply')}
        </button>
      </div>
    </form>
  );
}
