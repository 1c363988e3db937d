import type { Module } from '../app/module.ts';
import { EngineClient } from './engine-client.ts';
import { screenBatchCommand } from './offline/screen-batch.cli.ts';
import { screeningCommands } from './screening.cli.ts';
import { ScreeningRepo } from './screening.repo.ts';
import { screeningRoutes } from './screening.routes.ts';
import { ScreeningService } from './screening.service.ts';

declare module '../app/module.ts' {
  interface Services {
    screening: ScreeningService;
  }
}

/** Screening of persons, documents and vehicles against the records, in worker threads. */
export const screeningModule: Module = {
  name: 'screening',
  build({ conn: { db }, audit, bus, clock, directory, config }) {
    return { screening: new ScreeningService(db, new ScreeningRepo(), new EngineClient(config.screeningWorkers), audit, bus, clock, directory) };
  },
  routes: (s) => async (api) => {
    await api.register(screeningRoutes, { screening: s.screening });
  },
  commands: [...screeningCommands, screenBatchCommand],
  close: (s) => s.screening.close(),
};
