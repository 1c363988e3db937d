import { hash, randomBytes } from 'node:crypto';

/** Secrets are shown once and stored only as SHA-256 digests (high-entropy, so no slow hash needed). */
export const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
export const digest = (secret: string) => hash('sha256', secret, 'hex');
export const API_TOKEN_PREFIX = 'rbt_';
