import { cleanup, render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DisplayName, Ident, identText, IDENT_MARK, WithIdent } from './Ident.tsx';

const css = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'styles.css'), 'utf8');
const rule = (selector: string) => new RegExp(`\\${selector}\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';

describe('Ident', () => {
  afterEach(cleanup);

  it('sets an identifier in an isolated left-to-right override', () => {
    const { container } = render(<Ident className="code">80624-و-11</Ident>);
    const bdo = container.querySelector('bdo')!;
    expect(bdo.getAttribute('dir')).toBe('ltr');
    expect(bdo.className).toBe('ident code');
    expect(bdo.textContent).toBe('80624-و-11');
    expect(rule('.ident')).toMatch(/unicode-bidi:\s*isolate-override/);
    expect(rule('.ident-input')).toMatch(/unicode-bidi:\s*bidi-override/);
  });

  it('treats the display names of documents and vehicles as identifiers, others as names', () => {
    const { container } = render(
      <>
        <DisplayName kind="vehicle">80624-و-11</DisplayName>
        <DisplayName kind="person">Ali</DisplayName>
      </>,
    );
    expect(container.querySelector('bdo')?.textContent).toBe('80624-و-11');
    expect(container.querySelector('bdi[dir="auto"]')?.textContent).toBe('Ali');
  });

  it('sets the identifier of a translated sentence in its own override, and has a plain-text form', () => {
    const { container } = render(<WithIdent text={`نتائج ${IDENT_MARK}`} value="80624-و-11" />);
    expect(container.textContent).toBe('نتائج 80624-و-11');
    expect(container.querySelector('bdo[dir="ltr"]')?.textContent).toBe('80624-و-11');
    expect(identText('80624-و-11')).toBe('\u2066\u202D80624-و-11\u202C\u2069');
  });
});
