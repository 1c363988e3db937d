import { useTranslation } from 'react-i18next';
import type { TlpLevel } from '../api/types.ts';

const TLP_CLASS: Record<TlpLevel, string> = {
  CLEAR: 'tlp-clear',
  GREEN: 'tlp-green',
  AMBER: 'tlp-amber',
  'AMBER+STRICT': 'tlp-amber tlp-strict',
  RED: 'tlp-red',
};

const TLP_DESC_KEYS: Record<TlpLevel, string> = {
  CLEAR: 'handling.tlp.desc.clear',
  GREEN: 'handling.tlp.desc.green',
  AMBER: 'handling.tlp.desc.amber',
  'AMBER+STRICT': 'handling.tlp.desc.amberStrict',
  RED: 'handling.tlp.desc.red',
};

/**
 * TLP 2.0 (FIRST): the label is written in the level's colour on black, and the
 * label itself ("TLP:AMBER+STRICT") is not translated; its meaning is, as the tooltip.
 */
export function TlpBadge({ level }: { level: TlpLevel }) {
  const { t } = useTranslation();
  const strict = level === 'AMBER+STRICT';
  const base = strict ? 'AMBER' : level;
  const desc = t(TLP_DESC_KEYS[level]);
  return (
    <span className={`badge tlp ${TLP_CLASS[level] ?? ''}`} title={desc} data-tlp={level}>
      <bdi dir="ltr">{t('handling.tlp.label', { level: base })}</bdi>
      {strict && <span className="tlp-strict-label">{t('handling.tlp.strict')}</span>}
      <span className="visually-hidden">{desc}</span>
    </span>
  );
}
