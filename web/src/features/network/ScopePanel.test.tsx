import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/index.ts';
import { ScopePanel } from './ScopePanel.tsx';

const CASE = { kind: 'case', caseId: '0d9f7a52-5b0e-4c1b-9a57-2c43f3a1e001' } as const;
const select = () => document.querySelector('select[name="scope"]') as HTMLSelectElement;
const region = () => document.querySelector('input[name="region"]') as HTMLInputElement;

describe('ScopePanel', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(cleanup);

  it('proposes the case, its region and everything, and applies the region typed', () => {
    const onScope = vi.fn();
    render(<ScopePanel focusScope={CASE} focusLabel="C-2026-000042" region="Oriental" scope={CASE} onScope={onScope} />);
    expect(screen.getByTestId('scope-current').textContent).toBe('Analyses run on the case \u2068C-2026-000042\u2069.');
    expect([...select().options].map((o) => o.value)).toEqual(['focus', 'region', 'all']);
    fireEvent.change(select(), { target: { value: 'region' } });
    expect(region().value).toBe('Oriental');
    fireEvent.change(region(), { target: { value: '  Souss-Massa ' } });
    fireEvent.click(screen.getByTestId('apply-scope'));
    expect(onScope).toHaveBeenCalledWith({ kind: 'region', region: 'Souss-Massa' });
    fireEvent.change(select(), { target: { value: 'all' } });
    fireEvent.click(screen.getByTestId('apply-scope'));
    expect(onScope).toHaveBeenLastCalledWith({ kind: 'all' });
  });

  it('refuses an empty region with a message on the field', () => {
    const onScope = vi.fn();
    render(<ScopePanel focusScope={null} focusLabel={undefined} region="" scope={{ kind: 'all' }} onScope={onScope} />);
    fireEvent.change(select(), { target: { value: 'region' } });
    fireEvent.click(screen.getByTestId('apply-scope'));
    expect(onScope).not.toHaveBeenCalled();
    expect(region().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the region to analyse.')).toBeTruthy();
  });
});
