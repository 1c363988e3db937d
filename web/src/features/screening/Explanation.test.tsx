import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FACTOR_EFFECTS, type Factor, type Locale, TOKEN_HOWS } from '../../api/types.ts';
import { i18n, setLanguage } from '../../i18n/index.ts';
import ar from './locales/ar.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import { Explanation } from './Explanation.tsx';
import { EVERY_HOW, explanation } from './fixtures.ts';

const HOW_LABELS: Record<'en' | 'ar', Record<string, string>> = { en: en.screening.explanation.how, ar: ar.screening.explanation.how };
const EFFECT_LABELS: Record<'en' | 'ar', Record<string, string>> = { en: en.screening.explanation.effect, ar: ar.screening.explanation.effect };

const everyHow = explanation({
  tokens: TOKEN_HOWS.map((how, i) => ({ ...EVERY_HOW[how], how, score: 1 - i / 10, weight: 0.1 })),
});

const factor = (effect: Factor['effect'], delta: number): Factor => ({ query: null, record: [], effect, delta });

describe('Explanation', () => {
  afterEach(async () => {
    cleanup();
    await setLanguage('en');
  });

  for (const lang of ['en', 'ar'] as const satisfies readonly Locale[]) {
    it(`names every way a name part matched, in ${lang}`, async () => {
      await setLanguage(lang);
      const { container } = render(<Explanation explanation={everyHow} />);
      const rows = [...container.querySelectorAll('[data-testid="token"]')];
      expect(rows.map((r) => r.getAttribute('data-how'))).toEqual([...TOKEN_HOWS]);
      for (const row of rows) {
        const how = row.getAttribute('data-how')!;
        expect(row.querySelector('.badge')?.textContent).toBe(HOW_LABELS[lang][how]);
        // the names stay as typed and as recorded, isolated from the sentence direction
        expect(row.querySelector('bdi[dir="auto"]')?.textContent).toBe(EVERY_HOW[how as keyof typeof EVERY_HOW].query);
      }
      // a part that matched nothing has no record part
      const missing = rows.find((r) => r.getAttribute('data-how') === 'missing')!;
      expect(missing.querySelectorAll('bdi').length).toBe(1);
      expect(missing.textContent).toContain(i18n.t('ui.none'));
    });

    it(`shows each effect of date of birth, nationality and gender with its score change, in ${lang}`, async () => {
      await setLanguage(lang);
      for (const effect of FACTOR_EFFECTS) {
        const e = explanation({ birthDate: factor(effect, 0.05), nationality: factor(effect, -0.1), gender: factor(effect, 0) });
        const { container, unmount } = render(<Explanation explanation={e} />);
        for (const name of ['birthDate', 'nationality', 'gender']) {
          const row = container.querySelector(`[data-testid="factor-${name}"]`)!;
          expect(row.getAttribute('data-effect')).toBe(effect);
          expect(row.querySelector('.badge')?.textContent).toBe(EFFECT_LABELS[lang][effect]);
          expect(row.textContent).toContain(i18n.t('screening.explanation.notGiven'));
        }
        const delta = (name: string) => container.querySelector(`[data-testid="factor-${name}"] .delta`)!;
        expect(delta('birthDate').textContent).toBe(new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(0.05));
        expect(delta('birthDate').className).toContain('delta-up');
        expect(delta('nationality').className).toContain('delta-down');
        expect(delta('gender').className).not.toMatch(/delta-(up|down)/);
        unmount();
      }
    });
  }

  it('shows the matched name, the query and record values in the language, and the unmatched parts', async () => {
    await setLanguage('en');
    const { container, getByText } = render(<Explanation explanation={explanation()} />);
    expect(getByText('Mohamed Ben Ali El Hammouchi').tagName).toBe('BDI');
    expect(container.textContent).toContain('Alias');
    const nationality = within(container.querySelector('[data-testid="factor-nationality"]') as HTMLElement);
    expect(nationality.getAllByText(/Morocco/).length).toBe(2);
    expect(nationality.getByText(/Spain/)).toBeTruthy();
    const birth = container.querySelector('[data-testid="factor-birthDate"]')!;
    expect(birth.textContent).toContain('1980');
    expect(birth.textContent).toContain('Apr 12, 1980');
    expect(container.querySelector('[data-testid="factor-gender"]')!.textContent).toContain('Female');
    expect(container.querySelector('[data-testid="unmatched"]')!.textContent).toBe('El');

    await setLanguage('ar');
    cleanup();
    const again = render(<Explanation explanation={explanation()} />);
    expect(again.container.querySelector('[data-testid="factor-nationality"]')!.textContent).toContain('المغرب');
    expect(again.container.querySelector('[data-testid="factor-gender"]')!.textContent).toContain('أنثى');
    expect(again.container.textContent).toContain(ar.screening.explanation.tokens.caption);
  });

  it('shows what a common name took off the score, and nothing when it took nothing', async () => {
    await setLanguage('en');
    const { container, unmount } = render(<Explanation explanation={explanation({ commonNamePenalty: 0.12 })} />);
    const row = container.querySelector('[data-testid="common-name"]')!;
    expect(row.textContent).toContain('Common-name adjustment');
    expect(row.querySelector('.delta')?.textContent).toBe('-12%');
    unmount();
    render(<Explanation explanation={explanation({ commonNamePenalty: 0 })} />);
    expect(document.querySelector('[data-testid="common-name"]')).toBeNull();
  });
});
