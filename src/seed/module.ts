import type { Module } from '../app/module.ts';
import { seedCommands } from './seed.cli.ts';
import { Seeder } from './seeder.ts';

declare module '../app/module.ts' {
  interface Services {
    seeder: Seeder;
  }
}

/** The demo: agencies, users and records, seeded on a node's first start (SEED_SCALE). */
export const seedModule: Module = {
  name: 'seed',
  build: ({ conn: { db }, authRepo, admin, importer, audit, clock, ids, config }) => ({ seeder: new Seeder(db, authRepo, admin, importer, audit, clock, ids, config.nodeAgency) }),
  commands: seedCommands,
  async seed(s, { scale, onProgress }) {
    await s.seeder.seedIfEmpty(scale, { onProgress });
  },
};
