/**
 * The one application error. `code` is a stable lowercase snake string that clients
 * and the CLI switch on; `status` is the HTTP status it maps to.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 400, message, details);
export const unauthenticated = (code = 'unauthenticated', message = 'Authentication required') =>
  new AppError(code, 401, message);
export const forbidden = (code = 'forbidden', message = 'You may not do this') => new AppError(code, 403, message);
export const notFound = (code: string, message: string) => new AppError(code, 404, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 409, message, details);
export const tooMany = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 429, message, details);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
