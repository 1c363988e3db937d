/**
 * A node for the crash test (src/db/durability.test.ts): serves the API on the database named
 * in argv until it is killed. Prints `READY <url>` once it listens.
 */
import { startNode } from '../src/main.ts';
import { TEST_PASSWORD_COST } from './db-targets.ts';

const node = await startNode(
  { databaseUrl: process.argv[2], port: 0, seedScale: 'none', logLevel: 'silent', webDist: 'web/does-not-exist', passwordCost: TEST_PASSWORD_COST, command: 'crash-test node' },
  { ...process.env, NATS_URL: '' },
);
process.stdout.write(`READY ${node.url}\n`);
process.once('SIGTERM', () => void node.close().then(() => process.exit(0)));
