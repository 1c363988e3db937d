import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REGIONS } from '../../../../src/core/regions.ts';
import { setLanguage } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { RegionName, RegionPlace, RegionSelect, regionLabel } from './RegionSelect.tsx';

const select = () => screen.getByTestId('region-select') as HTMLSelectElement;
const labels = () => [...select().options].map((o) => o.textContent);

/** A select in a field, as the forms use it, holding its own value. */
function Form({ initial, onChange = () => undefined }: { initial: string; onChange?: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <Field label="Region" error={value ? undefined : 'Required.'}>
      <RegionSelect name="region" value={value} onChange={(v) => (setValue(v), onChange(v))} empty="Choose a region" />
    </Field>
  );
}

describe('RegionSelect', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(cleanup);

  it('lists the twelve regions by name in the user’s language, sorted by its collation, codes as values', async () => {
    for (const lang of ['fr', 'ar', 'es', 'en'] as const) {
      await setLanguage(lang);
      render(<Form initial="" />);
      const names = labels().slice(1);
      expect(names).toEqual(REGIONS.map((r) => r.names[lang]).sort(new Intl.Collator(lang).compare));
      expect([...select().options].slice(1).map((o) => o.value).sort()).toEqual(REGIONS.map((r) => r.code));
      expect(labels().some((l) => l?.includes('MA-'))).toBe(false);
      cleanup();
    }
  });

  it('is wired to its field: label, and the error marks it invalid', () => {
    render(<Form initial="" />);
    expect(screen.getByLabelText('Region')).toBe(select());
    expect(select().getAttribute('aria-invalid')).toBe('true');
    expect(select().value).toBe('');
  });

  it('keeps a legacy value it does not recognise as an extra option "as typed", selected, and hands over the code chosen', () => {
    const onChange = vi.fn();
    render(<Form initial="Zone franche de Tanger Med" onChange={onChange} />);
    expect(select().value).toBe('Zone franche de Tanger Med');
    expect(select().selectedOptions[0].textContent).toBe('\u2068Zone franche de Tanger Med\u2069 (as typed)');
    expect(select().options).toHaveLength(14);
    fireEvent.change(select(), { target: { value: 'MA-01' } });
    expect(onChange).toHaveBeenCalledWith('MA-01');
    expect(select().selectedOptions[0].textContent).toBe('Tangier-Tetouan-Al Hoceima');
    expect(select().options, 'once changed, the value typed is no longer offered').toHaveLength(13);
  });

  it('shows a name stored before the catalogue as its region, with no extra option', async () => {
    await setLanguage('fr');
    render(<Form initial="Tanger" />);
    expect(select().value).toBe('MA-01');
    expect(select().selectedOptions[0].textContent).toBe('Tanger-Tétouan-Al Hoceïma');
    expect(select().options).toHaveLength(13);
  });
});

describe('RegionName', () => {
  afterEach(cleanup);

  it('names a code in the user’s language and shows other text as typed, marked', async () => {
    await setLanguage('ar');
    render(
      <ul>
        <li data-testid="code">
          <RegionName value="MA-06" />
        </li>
        <li data-testid="legacy">
          <RegionName value="Casablanca" />
        </li>
        <li data-testid="typed">
          <RegionPlace region="Quartier Maârif" more={['Casablanca', null]} />
        </li>
      </ul>,
    );
    expect(screen.getByTestId('code').textContent).toBe('الدار البيضاء سطات');
    expect(screen.getByTestId('legacy').textContent).toBe('الدار البيضاء سطات');
    expect(screen.getByTestId('typed').textContent).toBe('\u2068Quartier Maârif\u2069 (كما كُتبت) · Casablanca');
    expect(screen.getByTestId('typed').querySelector('[title]')?.getAttribute('title')).toBe('ليست من الجهات الاثنتي عشرة: محفوظة كما كُتبت');
    expect(regionLabel('MA-12', 'es')).toBe('Dajla-Río de Oro');
    expect(regionLabel('Au large', 'es')).toBe('Au large');
  });
});
