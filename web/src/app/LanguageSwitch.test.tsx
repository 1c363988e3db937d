import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

describe('LanguageSwitch', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(cleanup);

  it('offers the four languages by their own names and marks the current one', () => {
    render(<LanguageSwitch value="fr" onChange={() => {}} />);
    const group = screen.getByRole('group', { name: 'Language' });
    const buttons = [...group.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['العربية', 'Français', 'English', 'Español']);
    expect(buttons.map((b) => b.getAttribute('lang'))).toEqual(['ar', 'fr', 'en', 'es']);
    expect(screen.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('reports the chosen language, and nothing when the current one is pressed again', () => {
    const onChange = vi.fn();
    render(<LanguageSwitch value="en" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'العربية' }));
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith('ar');
  });

  it('labels the group in the interface language', async () => {
    await setLanguage('es');
    render(<LanguageSwitch value="es" onChange={() => {}} />);
    expect(screen.getByRole('group', { name: 'Idioma' })).toBeTruthy();
  });
});
