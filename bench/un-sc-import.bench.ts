/**
 * UN Security Council list import, first and repeated: `npm run bench:import -- --target both`.
 */
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/main.ts';
import { parseUnSc } from '../src/records/import/un-sc.ts';
import { arg, secs, targets } from './targets.ts';

const FILE = 'fixtures/un-sc-consolidated-2026-05-08.xml';
for (const t of await targets(arg('target', 'both'))) {
  const s = await createServices({ ...loadConfig({}), databaseUrl: t.url, logLevel: 'silent' });
  const actor = await s.seeder.consoleActor();
  let t0 = performance.now();
  const first = await s.importer.run(actor, 'un-sc', parseUnSc(FILE));
  const firstMs = performance.now() - t0;
  t0 = performance.now();
  const again = await s.importer.run(actor, 'un-sc', parseUnSc(FILE));
  const againMs = performance.now() - t0;
  t0 = performance.now();
  let parsed = 0;
  for await (const _ of parseUnSc(FILE)) parsed++;
  const parseMs = performance.now() - t0;
  console.log(
    `un-sc import on ${t.name}: first ${first.created} records + ${first.links} links in ${secs(firstMs)} s; ` +
      `re-import ${again.unchanged} unchanged in ${secs(againMs)} s; parsing alone ${parsed} items in ${secs(parseMs)} s`,
  );
  await s.close();
  await t.drop();
}
