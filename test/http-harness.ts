import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Response as InjectResponse } from 'light-my-request';
import type { Role } from '../src/auth/roles.ts';
import { buildServer } from '../src/http/server.ts';
import { type DbTarget, type TestNode, testServices } from './db-targets.ts';

export const PASSWORD = 'correct horse battery staple';

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export interface Harness {
  s: TestNode;
  app: FastifyInstance;
  hubId: string;
  /** Creates (once) a user with these roles at the hub, logs in, returns the session. */
  as(role: Role | Role[], agencyId?: string): Promise<Session>;
  /** inject() with the session's cookie and CSRF header, and a purpose as the desk states one (a test of its absence uses `app.inject`). */
  call(session: Session | null, opts: InjectOptions): Promise<InjectResponse>;
  close(): Promise<void>;
}

export async function httpHarness(target: DbTarget): Promise<Harness> {
  const s = await testServices(target);
  const root = await s.seeder.consoleActor();
  const app = await buildServer(s, {
    logLevel: 'silent',
    cookieSecure: false,
    corsOrigins: [],
    sessionMaxHours: 12,
    webDist: 'web/does-not-exist',
    ready: async () => true,
  });
  const sessions = new Map<string, Session>();
  let n = 0;
  const as = async (role: Role | Role[], agencyId = root.agencyId) => {
    const roles = Array.isArray(role) ? role : [role];
    const key = `${roles.join('+')}@${agencyId}`;
    const hit = sessions.get(key);
    if (hit) return hit;
    const username = `${roles.join('-').replace(/_/g, '')}${++n}`;
    const user = await s.admin.createUser(root, { username, displayName: username, password: PASSWORD, agencyId, roles });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const session = { cookie, csrf: res.json().csrfToken, userId: user.id };
    sessions.set(key, session);
    return session;
  };
  return {
    s,
    app,
    hubId: root.agencyId,
    as,
    call: (session, opts) =>
      app.inject({ ...opts, headers: { 'x-purpose': 'test', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...(opts.headers ?? {}) } }),
    close: async () => {
      await app.close();
      await s.dispose();
    },
  };
}
