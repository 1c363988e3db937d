import type { Module } from '../app/module.ts';
import { AdminService } from './admin.service.ts';
import { adminRoutes } from './admin.routes.ts';
import { AgencyDirectory } from './agency-directory.ts';
import { authCommands } from './auth.cli.ts';
import { AuthRepo } from './auth.repo.ts';
import { authRoutes } from './auth.routes.ts';
import { AuthService } from './auth.service.ts';
import { LoginLimiter } from './login-limiter.ts';
import * as m0001 from './migrations/0001_foundation.ts';

declare module '../app/module.ts' {
  interface Services {
    auth: AuthService;
    admin: AdminService;
    authRepo: AuthRepo;
    /** Agencies by id and code, for the modules that name them. */
    directory: AgencyDirectory;
    agencyCount: () => Promise<number>;
  }
}

/** Agencies, users, sessions, API tokens and the login: the foundation every module stands on. */
export const authModule: Module = {
  name: 'auth',
  migrations: { '0001_foundation': m0001 },
  build({ conn: { db }, audit, clock, ids, config }, opts) {
    const authRepo = new AuthRepo();
    const limiter = new LoginLimiter({ max: config.loginRateMax, addressMax: config.loginRateAddressMax, windowSeconds: config.loginRateWindowSeconds });
    const auth = new AuthService(db, authRepo, audit, clock, ids, limiter, config);
    const admin = new AdminService(db, authRepo, audit, clock, ids, opts.passwordCost, () => auth.forgetTokens());
    return { authRepo, auth, admin, directory: new AgencyDirectory(db, authRepo), agencyCount: () => authRepo.countAgencies(db) };
  },
  routes: (s, http) => async (api) => {
    await api.register(authRoutes, { auth: s.auth, cookieSecure: http.cookieSecure, sessionMaxHours: http.sessionMaxHours });
    await api.register(adminRoutes, { admin: s.admin });
  },
  commands: authCommands,
};
