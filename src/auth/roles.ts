/** The roles of PRODUCT.md. A user has one or more. */
export const ROLES = [
  'ncb_officer',
  'frontline',
  'analyst',
  'reviewer',
  'cyber_analyst',
  'camera_operator',
  'programme_manager',
  'ga_secretariat',
  'commander',
  'dpo',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/** API token scopes: a token can do at most what its user's roles allow, and only within its scopes. */
export const SCOPES = ['records:read', 'records:write', 'screening:run', 'audit:read', 'admin', 'notices:read', 'notices:write', 'messages:read', 'messages:write', 'cases:read', 'cases:write', 'reports:read'] as const;
export type Scope = (typeof SCOPES)[number];
export const isScope = (s: string): s is Scope => (SCOPES as readonly string[]).includes(s);

/** Who is acting: a user, through a session (all scopes) or a token (its scopes). */
export interface Actor {
  userId: string;
  agencyId: string;
  roles: readonly Role[];
  scopes: readonly Scope[];
  via: 'session' | 'token' | 'console';
}

/** The system itself (migrations, imports run by an operator at the console, seeding). */
export const SYSTEM_USER_ID = 'system';
