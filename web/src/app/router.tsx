import { type AnchorHTMLAttributes, type ReactNode, useSyncExternalStore } from 'react';

/**
 * A hash router: `#/records/abc?kind=person`. The hash keeps deep links working
 * whatever path the server mounts the desk under, with no server-side fallback.
 */
export interface Route {
  /** Path segments, decoded: `['records', 'abc']`. */
  segments: string[];
  query: URLSearchParams;
}

function currentHash(): string {
  return typeof window === 'undefined' ? '' : window.location.hash;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?', 2);
  const segments = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  return { segments, query: new URLSearchParams(qs) };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return parseHash(hash);
}

/** Builds `/records/abc?kind=person` from parts, leaving out empty query values. */
export function pathFor(segments: string[], query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const qs = params.toString();
  return `/${segments.map(encodeURIComponent).join('/')}${qs ? `?${qs}` : ''}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a href={`#${to}`} {...rest}>
      {children}
    </a>
  );
}
