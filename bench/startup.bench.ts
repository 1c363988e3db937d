/**
 * Time from `ribat start` on an empty database to the web desk answering, as a user sees it
 * after `npm ci && npm start` (the web build is excluded when web/dist exists already).
 * `npm run bench:startup -- --target both`
 */
import { spawn } from 'node:child_process';
import { arg, secs, targets } from './targets.ts';

async function waitFor(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer in time`);
}

for (const t of await targets(arg('target', 'both'))) {
  const port = String(18_000 + Math.floor(Math.random() * 1000));
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/ribat.js', 'start'], {
    env: { ...process.env, DATABASE_URL: t.url, PORT: port, LOG_LEVEL: 'warn', SEED_SCALE: arg('scale', 'small') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/`, Date.now() + 180_000);
    const ms = performance.now() - started;
    await waitFor(`http://127.0.0.1:${port}/readyz`, Date.now() + 5_000);
    console.log(`startup on ${t.name}: empty database to page answering (migrate + seed ${arg('scale', 'small')}) in ${secs(ms)} s`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await t.drop();
  }
}
