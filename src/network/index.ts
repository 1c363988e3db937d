/** Criminal-network analysis: the module's public surface. */
export { NetworkClient } from './network-client.ts';
export { NetworkRepo } from './network.repo.ts';
export { networkRoutes } from './network.routes.ts';
export { NetworkService, type NetworkOptions } from './network.service.ts';
