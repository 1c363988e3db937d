import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../i18n/index.ts';
import { TlpBadge } from './TlpBadge.tsx';

describe('TlpBadge', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(cleanup);

  it('writes the untranslated TLP label in its colour class with the translated meaning', () => {
    const { container } = render(<TlpBadge level="RED" />);
    const badge = container.querySelector('[data-tlp="RED"]')!;
    expect(badge.className).toContain('tlp-red');
    expect(badge.textContent).toContain('TLP:RED');
    expect(badge.getAttribute('title')).toBe(i18n.t('handling.tlp.desc.red'));
  });

  it('marks AMBER+STRICT as amber with a strict label', () => {
    const { container } = render(<TlpBadge level="AMBER+STRICT" />);
    const badge = container.querySelector('[data-tlp="AMBER+STRICT"]')!;
    expect(badge.className).toContain('tlp-amber');
    expect(badge.className).toContain('tlp-strict');
    expect(badge.querySelector('.tlp-strict-label')?.textContent).toBe('STRICT');
    expect(badge.textContent).toMatch(/^TLP:AMBER/);
  });

  it('explains the level in Arabic once the language is Arabic, keeping the label', async () => {
    await setLanguage('ar');
    render(<TlpBadge level="GREEN" />);
    expect(screen.getByTitle('نشر محدود: المجتمع المعني').textContent).toContain('TLP:GREEN');
  });
});
