/**
 * What the Arabic end-to-end suites share: the built desk, a real node (PGlite in memory, tiny
 * demo seed), Debian's chromium with the flags this machine needs, Arabic pages, logins and
 * screenshots. A fresh clone without chromium still passes `npm test`, saying why; CI installs it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startNode } from '../../src/main.ts';
import { messageOf } from './messages.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const PASSWORD = 'ribat-demo-2026';
export const CHROMIUM = '/usr/bin/chromium';
export const SKIP = !existsSync(CHROMIUM) && process.env.CI !== 'true' ? `skipped: ${CHROMIUM} is missing (apt-get install -y chromium fonts-noto-core)` : false;

/** A message from the Arabic locale file by its dotted key, as the desk shows it. */
export function tr(key: string): string {
  const v = messageOf('ar', key);
  assert.equal(typeof v, 'string', `no message ${key} in ar`);
  return v as string;
}

/** The built desk is missing or older than a source it is built from (the desk imports some of src/). */
function webBuildStale(): boolean {
  const built = path.join(ROOT, 'web/dist/index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newer = (p: string): boolean => (statSync(p).isDirectory() ? readdirSync(p).some((n) => newer(path.join(p, n))) : statSync(p).mtimeMs > builtAt);
  return ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/notices', 'src/cases', 'src/network', 'src/federation', 'src/core'].some((p) => newer(path.join(ROOT, p)));
}

export interface Desk {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startDesk(): Promise<Desk> {
  // the node serves web/dist relative to the working directory
  process.chdir(ROOT);
  if (webBuildStale()) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core`);
  mkdirSync(SHOTS, { recursive: true });
  const node = await startNode({ databaseUrl: 'pglite:memory:', port: 0, seedScale: 'tiny', host: '127.0.0.1', logLevel: 'warn' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    url: node.url,
    browser,
    close: async () => {
      await browser.close();
      await node.close();
    },
  };
}

/** A page in an Arabic browser context; a script error fails the test. */
export async function arabicPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'ar' });
  const page = await context.newPage();
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  return page;
}

/** A full-page screenshot `<prefix>-<name>-ar.png`, once loaded and checked right-to-left. */
export async function shotAr(page: Page, prefix: string, name: string): Promise<void> {
  await page.waitForSelector('[role="status"].loading', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl', `${name} is right-to-left`);
  await page.screenshot({ path: path.join(SHOTS, `${prefix}-${name}-ar.png`), fullPage: true });
}

/** Logs in and switches the desk (and the user's saved language) to Arabic. */
export async function loginAr(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/#/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('form button[type="submit"]');
  await page.waitForSelector('nav.sidenav');
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'ar') {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me/locale') && r.request().method() === 'PUT');
    await page.click('.language-switch button[lang="ar"]');
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    assert.equal((await saved).status(), 200);
  }
}

/** A JSON call from inside the page, with its session cookie, the CSRF token and a purpose. */
export async function apiCall<T>(page: Page, method: string, url: string, body?: unknown, purpose = 'e2e'): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body, purpose }) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('ribat_csrf='))?.slice('ribat_csrf='.length);
      const headers: Record<string, string> = { 'x-purpose': purpose };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (csrf) headers['x-csrf-token'] = decodeURIComponent(csrf);
      const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as T };
    },
    { method, url, body, purpose },
  );
}
