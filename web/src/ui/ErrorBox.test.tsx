import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { setLanguage } from '../i18n/index.ts';
import { ErrorBox } from './ErrorBox.tsx';

describe('ErrorBox', () => {
  beforeEach(() => setLanguage('fr'));
  afterEach(cleanup);

  it('shows the translated message for the error code and the correlation id', () => {
    render(<ErrorBox error={new ApiError(401, 'invalid_credentials', 'x', 'corr-42')} />);
    expect(screen.getByRole('alert').textContent).toContain('Identifiant ou mot de passe incorrect.');
    expect(screen.getByText('corr-42')).toBeTruthy();
  });

  it('falls back to the generic message for an unknown code or a plain error', () => {
    render(<ErrorBox error={new ApiError(418, 'teapot', 'x')} />);
    render(<ErrorBox error={new Error('boom')} />);
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['Une erreur est survenue. Veuillez réessayer.', 'Une erreur est survenue. Veuillez réessayer.']);
  });
});
