import type { Module } from '../app/module.ts';
import { RecordImporter } from './import/importer.ts';
import * as m0006 from './migrations/0006_records_list.ts';
import { recordsCommands } from './records.cli.ts';
import { RecordsRepo } from './records.repo.ts';
import { recordsRoutes } from './records.routes.ts';
import { RecordsService } from './records.service.ts';
import { statsRoutes } from './stats.routes.ts';

declare module '../app/module.ts' {
  interface Services {
    records: RecordsService;
    importer: RecordImporter;
  }
}

/** Shared records (persons, travel documents, vehicles, groups) with their links and imports. */
export const recordsModule: Module = {
  name: 'records',
  migrations: { '0006_records_list': m0006 },
  build({ conn: { db }, audit, bus, clock, ids, directory }) {
    const repo = new RecordsRepo();
    return { records: new RecordsService(db, repo, audit, bus, clock, ids, directory), importer: new RecordImporter(db, repo, audit, bus, clock, ids, directory) };
  },
  routes: (s) => async (api) => {
    await api.register(recordsRoutes, { records: s.records, today: s.today });
    await api.register(statsRoutes, { records: s.records, agencyCount: s.agencyCount });
  },
  commands: recordsCommands,
};
