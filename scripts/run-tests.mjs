#!/usr/bin/env node
// Runs the whole suite from an explicit list; a missing file or an empty list fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const UNIT = [
  'src/core/core.test.ts',
  'src/core/regions.test.ts',
  'src/app/module.test.ts',
  'src/auth/policy.test.ts',
  'src/db/db.test.ts',
  'src/db/lock.test.ts',
  'src/audit/audit.test.ts',
  'src/audit/audit.routes.test.ts',
  'src/events/bus.test.ts',
  'src/auth/auth.service.test.ts',
  'src/auth/login-limiter.test.ts',
  'src/records/records.service.test.ts',
  'src/records/records.routes.test.ts',
  'src/records/import/un-sc.test.ts',
  'src/records/import/un-sc.import.test.ts',
  'src/seed/demo.test.ts',
  'src/seed/seeder.test.ts',
  'src/screening/names/names.test.ts',
  'src/screening/documents.test.ts',
  'src/screening/vehicles.test.ts',
  'src/screening/mrz.test.ts',
  'src/screening/screening.service.test.ts',
  'src/screening/screening.schema.test.ts',
  'src/screening/screening.routes.test.ts',
  'src/screening/offline/screen-batch.test.ts',
  'src/screening/offline/bundle-watchlist.test.ts',
  'src/notices/lifecycle.test.ts',
  'src/notices/checks.test.ts',
  'src/notices/public-extract.test.ts',
  'src/notices/notices.service.test.ts',
  'src/notices/notices.routes.test.ts',
  'src/notices/import/interpol-public.test.ts',
  'src/notices/hit.test.ts',
  'src/notices/hits.service.test.ts',
  'src/notices/hits.routes.test.ts',
  'src/notices/screening-hits.test.ts',
  'src/messages/message.test.ts',
  'src/messages/messages.service.test.ts',
  'src/messages/messages.routes.test.ts',
  'src/network/analysis.test.ts',
  'src/network/network.service.test.ts',
  'src/network/network.routes.test.ts',
  'src/cases/catalogue.test.ts',
  'src/cases/cases.service.test.ts',
  'src/cases/cases.routes.test.ts',
  'src/cases/report.service.test.ts',
  'src/cases/report.routes.test.ts',
  'src/cases/report-pdf.test.ts',
  'src/cases/seed-demo.test.ts',
  'src/http/http.test.ts',
  'src/http/text-guard.test.ts',
  'src/http/log-safety.test.ts',
  'src/http/protocol.test.ts',
  'src/cli/cli.test.ts',
  'src/seed/first-start.test.ts',
  'src/federation/federation.test.ts',
  'src/federation/exchange.test.ts',
  'src/federation/bundle.test.ts',
  'src/federation/federation.cli.test.ts',
  'src/federation/records-exchange.test.ts',
  'src/federation/notices-exchange.test.ts',
  'src/federation/messages-exchange.test.ts',
  'src/federation/nats.test.ts',
  'src/federation/processes.test.ts',
  // last: kills a node with SIGKILL RIBAT_CRASH_KILLS times (default 50) and checks every acknowledged write
  'src/db/durability.test.ts',
];
const E2E = ['web/e2e/desk.e2e.test.ts', 'web/e2e/notices.e2e.test.ts', 'web/e2e/cases.e2e.test.ts', 'web/e2e/facts.e2e.test.ts', 'web/e2e/network.e2e.test.ts', 'web/e2e/federation.e2e.test.ts'];

const only = process.argv[2];
const suites = {
  types: () => run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']),
  // no import circles, type-only imports included (a shared type lives where both sides can import it)
  imports: () => run('node', ['scripts/check-cycles.mjs', 'src', 'web/src']),
  unit: () => run('node', ['--import', 'tsx', '--test', '--test-concurrency=1', ...check(UNIT)]),
  web: () => run('npx', ['vitest', 'run', '--config', 'web/vitest.config.ts']),
  e2e: () => run('node', ['--import', 'tsx', '--test', '--test-concurrency=1', ...check(E2E)]),
};

function check(files) {
  if (files.length === 0) fail('the test list is empty');
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) fail(`listed test files are missing: ${missing.join(', ')}`);
  return files;
}

function fail(msg) {
  console.error(`run-tests: ${msg}`);
  process.exit(1);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status ?? 1;
}

const names = only ? [only] : Object.keys(suites);
let status = 0;
for (const n of names) {
  if (!suites[n]) fail(`unknown suite ${n}; one of ${Object.keys(suites).join(', ')}`);
  console.log(`\n=== ${n} tests ===`);
  status ||= suites[n]();
}
process.exit(status);
