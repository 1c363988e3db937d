import type { Module } from '../app/module.ts';
import { NetworkClient, NetworkRepo, NetworkService } from './index.ts';
import { networkRoutes } from './network.routes.ts';

declare module '../app/module.ts' {
  interface Services {
    network: NetworkService;
  }
}

/** Criminal network analysis over records, cases and gangs (graphs, communities, key players). */
export const networkModule: Module = {
  name: 'network',
  build: ({ conn: { db }, audit, clock, ids }) => ({ network: new NetworkService(db, new NetworkRepo(), audit, clock, ids, new NetworkClient()) }),
  routes: (s) => async (api) => {
    await api.register(networkRoutes, { network: s.network });
  },
  close: (s) => s.network.close(),
};
