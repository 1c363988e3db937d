import { useTranslation } from 'react-i18next';
import type { NoticeState, NoticeType, Urgency } from '../../api/types.ts';
import { STATE_KEYS, STATE_TONES, TYPE_KEYS, URGENCY_KEYS } from './labels.ts';

/** The notice type in its colour (red, yellow, blue … as INTERPOL prints them), with its name. */
export function TypeBadge({ type }: { type: NoticeType }) {
  const { t } = useTranslation();
  return (
    <span className={`badge notice-type notice-type-${type}`} data-type={type}>
      <span className="notice-type-swatch" aria-hidden="true" />
      {TYPE_KEYS[type] ? t(TYPE_KEYS[type]) : type}
    </span>
  );
}

export function StateBadge({ state }: { state: NoticeState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${STATE_TONES[state] ?? 'neutral'}`} data-testid="state-badge" data-state={state}>
      {STATE_KEYS[state] ? t(STATE_KEYS[state]) : state}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${urgency === 'urgent' ? 'badge-danger' : 'badge-neutral'}`} data-urgency={urgency}>
      {URGENCY_KEYS[urgency] ? t(URGENCY_KEYS[urgency]) : urgency}
    </span>
  );
}
