import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCALES, type Me } from '../api/types.ts';
import { localeFileOf, mergeLocaleFiles } from '../i18n/bundles.ts';
import { resources, setLanguage } from '../i18n/index.ts';
import { WEB_MODULES } from '../modules.ts';
import { App } from './App.tsx';
import { checkModules, matchRoute, navFor, type WebModule } from './module.ts';

const WEB_SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const page = (name: string) => () => <p data-testid="page">{name}</p>;

const me: Me = {
  id: 'u1',
  username: 'officer',
  displayName: 'Officer',
  agency: { id: 'a1', code: 'MAR-NCB', country: 'MAR', names: { ar: 'الرباط', en: 'NCB Rabat', es: 'OCN Rabat', fr: 'BCN Rabat' } },
  roles: ['ncb_officer'],
  locale: 'en',
  permissions: ['record.read', 'dummy.read'],
};

/** A module that is not part of the desk: it must show up in the navigation and the page switch. */
const dummy: WebModule = {
  name: 'dummy',
  namespaces: [],
  routes: [
    { path: 'dummy', permission: 'dummy.read', page: page('dummy list') },
    { path: 'dummy/:id', permission: 'dummy.read', page: ({ params }) => <p data-testid="page">dummy {params.id}</p> },
    { path: 'dummy-secret', permission: 'dummy.write', page: page('secret') },
  ],
  publicRoutes: [{ path: 'dummy', page: page('public dummy') }],
  nav: [
    { to: '/dummy', labelKey: 'app.name', permission: 'dummy.read' },
    { to: '/dummy-secret', labelKey: 'app.subtitle', permission: 'dummy.write' },
  ],
};

describe('the desk module list', () => {
  it('matches literals before parameters and decodes parameters', () => {
    const mods: WebModule[] = [{ name: 'a', namespaces: [], routes: [{ path: 'x/:id', page: page('id') }, { path: 'x/new', page: page('new') }, { path: 'x/:id/edit', page: page('edit') }] }];
    expect(matchRoute(mods, ['x', 'new'])?.route.path).toBe('x/new');
    expect(matchRoute(mods, ['x', 'a b'])?.params).toEqual({ id: 'a b' });
    expect(matchRoute(mods, ['x', '7', 'edit'])?.route.path).toBe('x/:id/edit');
    expect(matchRoute(mods, ['x'])).toBeNull();
    expect(matchRoute(mods, ['y', '1'])).toBeNull();
  });

  it('shows only the navigation entries the user may follow, in module order, admin apart', () => {
    const nav = navFor([...WEB_MODULES, dummy], me);
    expect(nav.map((n) => n.to)).toEqual(['/', '/records', '/dummy']);
    expect(navFor(WEB_MODULES, { permissions: ['user.manage'] }, 'admin').map((n) => n.to)).toEqual(['/admin/agencies', '/admin/users']);
  });

  it('refuses two modules of one name, one path twice and one namespace twice', () => {
    expect(() => checkModules([dummy, dummy])).toThrow(/named dummy/);
    expect(() => checkModules([dummy, { name: 'b', namespaces: [], routes: [{ path: 'dummy/:other', page: page('b') }] }])).toThrow(/dummy\/:other/);
    expect(() => checkModules([{ name: 'a', namespaces: ['cases'] }, { name: 'b', namespaces: ['cases'] }])).toThrow(/cases/);
    expect(() => checkModules(WEB_MODULES)).not.toThrow();
  });

  it('each module owns exactly the namespaces its locale files hold, in all four languages', () => {
    for (const m of WEB_MODULES) {
      const dir = path.join(WEB_SRC, 'features', m.name, 'locales');
      expect(existsSync(dir), `${m.name} has no locales folder`).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
      for (const l of LOCALES) {
        const tree = JSON.parse(readFileSync(path.join(dir, `${l}.json`), 'utf8'));
        expect(Object.keys(tree).sort(), `${m.name}/${l}`).toEqual([...m.namespaces].sort());
      }
    }
    // and every feature folder with messages is a listed module (the login page's are the shell's)
    const withLocales = readdirSync(path.join(WEB_SRC, 'features')).filter((f) => existsSync(path.join(WEB_SRC, 'features', f, 'locales')));
    expect(withLocales.sort()).toEqual(WEB_MODULES.map((m) => m.name).sort());
  });

  it('every navigation label exists in every language', () => {
    for (const l of LOCALES) {
      for (const entry of WEB_MODULES.flatMap((m) => m.nav ?? [])) {
        const v = entry.labelKey.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources[l]);
        expect(typeof v, `${l}: ${entry.labelKey}`).toBe('string');
      }
    }
  });

  it('merges locale files by folder and refuses a namespace claimed twice', () => {
    expect(localeFileOf('../features/cases/locales/ar.json')).toEqual({ module: 'cases', locale: 'ar' });
    expect(localeFileOf('./locales/fr.json')).toEqual({ module: 'app', locale: 'fr' });
    const merged = mergeLocaleFiles([{ source: 'a', locale: 'en', tree: { a: { x: '1' } } }, { source: 'b', locale: 'en', tree: { b: { y: '2' } } }], ['en']);
    expect(merged.en).toEqual({ a: { x: '1' }, b: { y: '2' } });
    expect(() => mergeLocaleFiles([{ source: 'a', locale: 'en', tree: { a: 'x' } }, { source: 'b', locale: 'en', tree: { a: 'y' } }], ['en'])).toThrow(/claimed by a and b/);
  });
});

describe('the desk with one more module', () => {
  beforeEach(async () => {
    await setLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'content-type': 'application/json' } });
        if (url === '/api/v1/auth/me') return json({ user: me, csrfToken: 'c1' });
        return json({ items: [], total: 0 });
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.location.hash = '';
  });

  it('lists its entry in the navigation and opens its pages, gated by permission', async () => {
    window.location.hash = '#/dummy/42';
    render(<App modules={[...WEB_MODULES, dummy]} />);
    expect((await screen.findByTestId('page')).textContent).toBe('dummy 42');
    const links = [...document.querySelectorAll('nav.sidenav a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('#/dummy');
    expect(links).not.toContain('#/dummy-secret');
  });

  it('refuses a page the user lacks the permission for', async () => {
    window.location.hash = '#/dummy-secret';
    render(<App modules={[...WEB_MODULES, dummy]} />);
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByTestId('page')).toBeNull();
  });

  it('opens its public pages without a login', async () => {
    window.location.hash = '#/public/dummy';
    render(<App modules={[...WEB_MODULES, dummy]} />);
    expect((await screen.findByTestId('page')).textContent).toBe('public dummy');
  });
});
