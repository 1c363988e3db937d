import { useTranslation } from 'react-i18next';
import { TLP_LEVELS } from '../api/types.ts';

/** The options of a handling-code select: every TLP level, labelled as the desk labels it everywhere (TLP:AMBER). */
export function TlpOptions() {
  const { t } = useTranslation();
  return (
    <>
      {TLP_LEVELS.map((l) => (
        <option key={l} value={l}>
          {t('handling.tlp.label', { level: l })}
        </option>
      ))}
    </>
  );
}
