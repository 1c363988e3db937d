// Worker entry: a worker thread does not inherit the TypeScript loader, so it registers it here.
import { register } from 'tsx/esm/api';

register();
await import('./network.worker.ts');
