import type { Module } from '../app/module.ts';
import { auditCommands } from './audit.cli.ts';
import { auditRoutes } from './audit.routes.ts';
import * as m0005 from './migrations/0005_audit_integrity.ts';

/** The audit log's routes and commands; the log itself is the kernel's (every module appends to it). */
export const auditModule: Module = {
  name: 'audit',
  migrations: { '0005_audit_integrity': m0005 },
  routes: (s) => async (api) => {
    await api.register(auditRoutes, { audit: s.audit });
  },
  commands: auditCommands,
};
