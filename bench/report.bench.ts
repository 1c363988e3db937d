/**
 * npm run bench:report — seeds the calibrated dgsn-2024 profile into a fresh PGlite database
 * (and PostgreSQL when PG_URL is set), times the seeding and the 2024 report (p50 of 5 runs),
 * checks every published figure and writes docs/report-bench.md.
 */
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/main.ts';
import { DGSN_2024 } from '../src/cases/seed-dgsn.ts';
import { progressBar } from '../src/cases/seed.cli.ts';

const PUBLISHED = DGSN_2024.years[2024];
const lines: string[] = [];
const log = (s: string) => {
  console.log(s);
  lines.push(s);
};

async function run(name: string, url: string) {
  const s = await createServices({ ...loadConfig({}), databaseUrl: url });
  try {
    const root = await s.seeder.consoleActor();
    const load0 = loadavg()[0];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const seeded = await s.profileSeeder.seed(root, DGSN_2024, { onProgress: progressBar((t) => process.stderr.write(t)) });
    const seed = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const seedCpu = (cpu.user + cpu.system) / 1e6;
    const load1 = loadavg()[0];
    const rows = Object.values(seeded.rows).reduce((a, b) => a + b, 0);
    const commander = { ...root, roles: ['commander' as const], via: 'session' as const };
    const times: number[] = [];
    let r;
    const loadReport = loadavg()[0];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      r = await s.reports.annual(commander, 2024);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = times[2] / 1000;
    const rep = r!;
    const q = (k: string) => rep.seizures.find((x) => x.substance === k)?.quantity ?? 0;
    const checks: Array<[string, number, number]> = [
      ['cases', rep.cases.total.value, PUBLISHED.cases],
      ['cases cleared (95 %)', rep.cases.cleared.value, PUBLISHED.cleared],
      ['arrests in violent-crime cases', rep.arrests.violentCrime.value, PUBLISHED.violentArrests],
      ['criminal gangs dismantled', rep.gangs.dismantled.value, PUBLISHED.gangsDismantled],
      ['gang members arrested', rep.gangs.membersArrested.value, PUBLISHED.gangMembersArrested],
      ['cannabis resin (g)', q('cannabis_resin'), PUBLISHED.seizures.cannabis_resin],
      ['cocaine (g)', q('cocaine'), PUBLISHED.seizures.cocaine],
      ['psychotropic pills', q('psychotropic_pills'), PUBLISHED.seizures.psychotropic_pills],
      ['cybercrime cases', rep.cybercrime.cases.value, PUBLISHED.cybercrimeCases],
      ['cybercrime cases 2023', rep.cybercrime.cases.previous, DGSN_2024.years[2023].cybercrimeCases],
      ['international warrants', rep.warrants.international.value, PUBLISHED.internationalWarrants],
      ['online complaints', rep.complaints.online.value, PUBLISHED.complaints],
      ['smuggling networks dismantled', rep.migration.networksDismantled.value, PUBLISHED.smugglingNetworks],
      ['departures prevented', rep.migration.departuresPrevented.value, PUBLISHED.departuresPrevented],
    ];
    log(`\n## ${name}\n`);
    log(`- seeding 2023 + 2024: ${seed.toFixed(1)} s (goal ≤ 180 s) ${seed <= 180 ? '✔' : '✘'}; ${rows.toLocaleString('en')} rows, ${Math.round(rows / seed).toLocaleString('en')} rows/s`);
    log(`- CPU time of this Node process while seeding: ${seedCpu.toFixed(1)} s${name === 'PGlite' ? ' (PGlite runs inside it: roughly the seeding time on an idle core)' : ' (the PostgreSQL server works in its own processes, not counted)'}`);
    log(`- machine load average (1 min) at the start / end of seeding: ${load0.toFixed(1)} / ${load1.toFixed(1)} on ${cpus().length} cores`);
    log(`- rows: ${Object.entries(seeded.rows).map(([k, n]) => `${n.toLocaleString('en')} ${k}`).join(', ')}`);
    const goal = name === 'PostgreSQL' ? 5 : 15;
    log(`- 2024 report, p50 of 5: ${p50.toFixed(2)} s (goal ≤ ${goal} s) ${p50 <= goal ? '✔' : '✘'}; runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s; load average ${loadReport.toFixed(1)}`);
    log(`- clearance rate: ${(rep.cases.clearanceRate.value * 100).toFixed(2)} %; cybercrime growth ${((rep.cybercrime.cases.change ?? 0) * 100).toFixed(1)} %\n`);
    log('| figure | report | published | |\n|---|---:|---:|---|');
    let ok = true;
    for (const [k, got, want] of checks) {
      ok &&= got === want;
      log(`| ${k} | ${got.toLocaleString('en')} | ${want.toLocaleString('en')} | ${got === want ? '✔' : '✘'} |`);
    }
    return ok;
  } finally {
    await s.close();
  }
}

log('# Annual report benchmark\n');
log(`Calibrated profile dgsn-2024 seeded into a fresh database, then the 2024 report computed from the raw rows. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`);
let ok = await run('PGlite', 'pglite:memory:');
const pgUrl = process.env.PG_URL;
if (pgUrl) {
  const name = `ribat_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  try {
    ok = (await run('PostgreSQL', u.toString())) && ok;
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
writeFileSync('docs/report-bench.md', `${lines.join('\n')}\n`);
process.exit(ok ? 0 : 1);
