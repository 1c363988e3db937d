import { useTranslation } from 'react-i18next';
import type { PersonCandidate } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/index.ts';
import { PersonFacts } from './PersonFacts.tsx';
import { RecordLink, Score } from './Results.tsx';
import './batch-candidates.css';

function Name({ c }: { c: PersonCandidate }) {
  return (
    <RecordLink id={c.id} className="record-link">
      <bdi dir="auto">{c.displayName}</bdi>
    </RecordLink>
  );
}

const facts = (c: PersonCandidate) => <PersonFacts birthDates={c.explanation.birthDate.record} nationalities={c.explanation.nationality.record} owner={c.ownerAgencyCode} />;

/**
 * A manifest row's best candidate with its date of birth, nationality and owner, and the other
 * candidates folded under their count, each with the same facts: namesakes are told apart in
 * the table, without opening every record.
 */
export function BatchCandidates({ candidates }: { candidates: readonly PersonCandidate[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [best, ...others] = candidates;
  if (!best) return <span className="muted">{t('ui.none')}</span>;
  return (
    <>
      <Name c={best} />
      {facts(best)}
      {others.length > 0 && (
        <details className="batch-others" data-testid="batch-others">
          <summary>{t('screening.batch.others', { count: others.length, n: formatNumber(locale, others.length) })}</summary>
          <ol className="plain-list">
            {others.map((c) => (
              <li key={c.id} data-testid="batch-other">
                <Score score={c.score} alert={c.alert} /> <Name c={c} />
                {facts(c)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </>
  );
}
