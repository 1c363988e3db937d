import { cleanup, render, screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLanguage } from './index.ts';

function NavLabel() {
  const { t } = useTranslation();
  return <span>{t('records.nav.records')}</span>;
}

describe('document direction follows the language', () => {
  afterEach(async () => {
    cleanup();
    await setLanguage('en');
  });

  it("setting 'ar' makes the document right-to-left and Arabic", async () => {
    await setLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
  });

  it('the other languages are left-to-right', async () => {
    for (const l of ['fr', 'en', 'es'] as const) {
      await setLanguage('ar');
      await setLanguage(l);
      expect(document.documentElement.dir).toBe('ltr');
      expect(document.documentElement.lang).toBe(l);
    }
  });

  it('rendered text switches with the language', async () => {
    render(<NavLabel />);
    expect(screen.getByText('Records')).toBeTruthy();
    await setLanguage('ar');
    expect(await screen.findByText('السجلات')).toBeTruthy();
  });

  it('uses the Arabic plural forms', async () => {
    await setLanguage('ar');
    const shown = (count: number) => i18n.t('records.list.shown', { count, n: String(count) });
    expect([0, 1, 2, 3, 11, 100].map(shown)).toEqual([
      'لا توجد سجلات في هذه الصفحة',
      'سجل واحد في هذه الصفحة',
      'سجلان في هذه الصفحة',
      '3 سجلات في هذه الصفحة',
      '11 سجلًا في هذه الصفحة',
      '100 سجل في هذه الصفحة',
    ]);
  });
});
