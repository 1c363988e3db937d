import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import { useLocale } from '../i18n/index.ts';

/** Cursor paging: the server gives `nextCursor`; the pager remembers the cursors behind us. */
export function usePager(resetKey: string) {
  const [state, setState] = useState<{ key: string; stack: (string | undefined)[] }>({ key: resetKey, stack: [undefined] });
  const stack = state.key === resetKey ? state.stack : [undefined];
  if (state.key !== resetKey) setState({ key: resetKey, stack });
  const cursor = stack[stack.length - 1];
  const next = useCallback((c: string) => setState((s) => ({ key: s.key, stack: [...s.stack, c] })), []);
  const previous = useCallback(() => setState((s) => ({ key: s.key, stack: s.stack.length > 1 ? s.stack.slice(0, -1) : s.stack })), []);
  return { cursor, page: stack.length, next, previous, hasPrevious: stack.length > 1 };
}

export function Pager({
  page,
  hasPrevious,
  nextCursor,
  onPrevious,
  onNext,
}: {
  page: number;
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <nav className="pager" aria-label={t('ui.pager.label')}>
      <button type="button" onClick={onPrevious} disabled={!hasPrevious}>
        {t('ui.pager.previous')}
      </button>
      <span className="pager-page">{t('ui.pager.page', { page: formatNumber(locale, page) })}</span>
      <button type="button" onClick={() => nextCursor && onNext(nextCursor)} disabled={!nextCursor}>
        {t('ui.pager.next')}
      </button>
    </nav>
  );
}
