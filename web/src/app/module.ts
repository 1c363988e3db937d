/**
 * One shape for every module of the desk, as on the server (src/app/module.ts). A feature folder
 * exports one `WebModule`: its pages by path, its navigation entries and the message namespaces
 * it owns (in its `locales/<lang>.json`, found by folder). `web/src/modules.ts` lists them; the
 * page switch and the navigation iterate that list. Adding a module is a folder and one line.
 */
import type { ReactNode } from 'react';
import type { Me } from '../api/types.ts';
import type { Route } from './router.tsx';

export interface PageContext {
  route: Route;
  /** The `:name` segments of the matched path, decoded. */
  params: Record<string, string>;
}

export interface WebRoute {
  /** Path segments, `:name` for a parameter: `cases/:id`, `notices/:id/edit`. A literal beats a parameter. */
  path: string;
  /** The permission the page needs; the server checks it again. None: any logged-in user. */
  permission?: string;
  page(ctx: PageContext): ReactNode;
}

export interface NavEntry {
  to: string;
  /** A message key of the module's own namespace. */
  labelKey: string;
  permission?: string;
  /** The first path segments that make this entry current (default: `to`'s segments). */
  match?: string[];
  /** The main list, or the administration list below it. */
  section?: 'main' | 'admin';
}

export interface WebModule {
  /** Unique, lowercase: the feature folder's name. */
  name: string;
  /** The top-level message keys its `locales/<lang>.json` holds (`cases`); no other module claims them. */
  namespaces: readonly string[];
  /** Its pages behind the login. */
  routes?: readonly WebRoute[];
  /** Its pages anyone may open without logging in, under `/public/…`. */
  publicRoutes?: readonly WebRoute[];
  nav?: readonly NavEntry[];
}

export interface MatchedRoute {
  module: WebModule;
  route: WebRoute;
  params: Record<string, string>;
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean);

/** How well a path pattern fits the segments: null when it does not; more literals fit better. */
function fit(pattern: string, segments: readonly string[]): { literals: number; params: Record<string, string> } | null {
  const parts = segmentsOf(pattern);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  let literals = 0;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith(':')) params[parts[i].slice(1)] = segments[i];
    else if (parts[i] === segments[i]) literals++;
    else return null;
  }
  return { literals, params };
}

/** The page the segments open among the modules' routes (`pick` chooses routes or public routes). */
export function matchRoute(modules: readonly WebModule[], segments: readonly string[], pick: (m: WebModule) => readonly WebRoute[] | undefined = (m) => m.routes): MatchedRoute | null {
  let best: (MatchedRoute & { literals: number }) | null = null;
  for (const module of modules) {
    for (const route of pick(module) ?? []) {
      const f = fit(route.path, segments);
      if (f && (!best || f.literals > best.literals)) best = { module, route, params: f.params, literals: f.literals };
    }
  }
  return best && { module: best.module, route: best.route, params: best.params };
}

/** The navigation entries the user may follow, in module order. */
export function navFor(modules: readonly WebModule[], me: Pick<Me, 'permissions'>, section: NavEntry['section'] = 'main'): Required<Pick<NavEntry, 'to' | 'labelKey' | 'match'>>[] {
  return modules.flatMap((m) =>
    (m.nav ?? [])
      .filter((e) => (e.section ?? 'main') === section && (!e.permission || me.permissions.includes(e.permission)))
      .map((e) => ({ to: e.to, labelKey: e.labelKey, match: e.match ?? segmentsOf(e.to) })),
  );
}

/** Programming errors in the list: two modules of one name, or two pages on one path. */
export function checkModules(modules: readonly WebModule[]): void {
  const names = new Set<string>();
  const paths = new Map<string, string>();
  const spaces = new Map<string, string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`two desk modules are named ${m.name}`);
    names.add(m.name);
    for (const ns of m.namespaces) {
      if (spaces.has(ns)) throw new Error(`the message namespace ${ns} is claimed by ${spaces.get(ns)} and ${m.name}`);
      spaces.set(ns, m.name);
    }
    for (const [kind, routes] of [['', m.routes], ['public/', m.publicRoutes]] as const) {
      for (const r of routes ?? []) {
        const key = kind + segmentsOf(r.path).map((s) => (s.startsWith(':') ? ':' : s)).join('/');
        if (paths.has(key)) throw new Error(`the path ${kind}${r.path} is claimed by ${paths.get(key)} and ${m.name}`);
        paths.set(key, m.name);
      }
    }
  }
}
