import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import type { Services } from '../app/module.ts';
import { registerAuth } from './auth-hook.ts';
import { writeClientError } from './client-error.ts';
import { notFoundProblem, registerErrorHandling } from './errors.ts';
import { safeError } from './log-safety.ts';
import { registerTextGuard } from './text-guard.ts';

export interface HttpOptions {
  logLevel: string;
  cookieSecure: boolean;
  corsOrigins: string[];
  sessionMaxHours: number;
  webDist: string;
  ready: () => Promise<boolean>;
  /** Proxies whose X-Forwarded-For gives the client address (config TRUST_PROXY); default none. */
  trustProxy?: boolean | number | string[];
  /** Where the log goes (tests read it); default standard output. */
  logStream?: { write(line: string): void };
  /** PEM certificate and key files (config TLS_CERT_FILE, TLS_KEY_FILE): listen over HTTPS. */
  tls?: { certFile: string; keyFile: string };
}

/** Fastify's trustProxy: a hop count becomes the function proxy-addr is given for one. */
function trustOf(t: HttpOptions['trustProxy']) {
  return typeof t === 'number' ? (_addr: string, hop: number) => hop < t : (t ?? false);
}

/**
 * Answers that carry personal data must not be kept by browsers or proxies (GDPR art. 32,
 * EU Directive 2016/680 art. 29): every /api/v1 answer is `no-store`, errors included, except
 * the public notice extracts, which are public by the owner's decision and may be kept a minute
 * (a cancelled notice then leaves shared caches within a minute).
 */
function cacheControlOf(url: string): string | undefined {
  if (!url.startsWith('/api/v1/')) return undefined;
  return url.startsWith('/api/v1/public/') ? 'public, max-age=60' : 'no-store';
}

/** Bodies: strict (no coercion, no unknown fields); query and params: coerced from text. */
function validators() {
  const base = { allErrors: false, strict: false, removeAdditional: false as const, useDefaults: true };
  const body = addFormats.default(new Ajv.default({ ...base, coerceTypes: false }));
  const text = addFormats.default(new Ajv.default({ ...base, coerceTypes: 'array' }));
  return ({ schema, httpPart }: { schema: any; httpPart?: string }) => (httpPart === 'body' ? body : text).compile(schema);
}

/**
 * Helmet's response headers for these options, worked out once. Registered as a plugin,
 * @fastify/helmet builds helmet's middleware again on every request, parsing the CSP each
 * time (5 % of a screening request's CPU); the headers it sets never change, so they are
 * read off one answer of a probe server and then set as they are.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = async (withHelmet: boolean) => {
    const app = Fastify();
    if (withHelmet) await app.register(helmet, options);
    app.get('/', async () => 'probe');
    const res = await app.inject('/');
    await app.close();
    return res.headers;
  };
  const [bare, helmeted] = await Promise.all([probe(false), probe(true)]);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(helmeted)) if (bare[k] === undefined && typeof v === 'string') out[k] = v;
  if (!out['content-security-policy']) throw new Error('helmet set no Content-Security-Policy');
  return out;
}

export async function buildServer(s: Services, o: HttpOptions): Promise<FastifyInstance> {
  // (typed as the plain HTTP server: the routes and hooks are the same over TLS)
  const https = o.tls ? { https: { cert: readFileSync(o.tls.certFile), key: readFileSync(o.tls.keyFile) } } : {};
  const app = Fastify({
    ...https,
    // a loaded machine can take longer than Fastify's 10 s to register the documentation plugins
    pluginTimeout: 120_000,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    trustProxy: trustOf(o.trustProxy),
    clientErrorHandler: writeClientError,
    logger: {
      level: o.logLevel,
      ...(o.logStream ? { stream: o.logStream } : {}),
      // No personal data in logs: the URL without its query string (names are searched there),
      // errors without their values (log-safety.ts).
      serializers: {
        req: (req) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
        res: (res) => ({ statusCode: res.statusCode }),
        err: safeError,
      },
    },
  } as FastifyHttpOptions<Server>).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validators());
  // The API speaks JSON only: anything else is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');

  const securityHeaders = await helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(securityHeaders);
    const cache = cacheControlOf(req.url);
    if (cache) reply.header('cache-control', cache);
    done();
  });
  await app.register(cors, { origin: o.corsOrigins.length ? o.corsOrigins : false, credentials: true });
  await app.register(cookie);
  registerErrorHandling(app);
  registerTextGuard(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Ribat API', version: '1', description: 'Records, screening and cooperation for a national police hub' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'ribat_session' } },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  // The API console's own policy: its scripts from this node only, the inline styles its React
  // components set, no validator badge fetched from outside, and no upgrade to https on a node
  // served over plain http (the console's requests would all fail).
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { validatorUrl: null },
    staticCSP: "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
  });

  app.get('/healthz', { schema: { hide: true, response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { schema: { hide: true, response: { 200: { type: 'object', properties: { status: { type: 'string' } } }, 503: { type: 'object', properties: { status: { type: 'string' } } } } } },
    async (_req, reply) => ((await o.ready()) ? { status: 'ready' } : reply.status(503).send({ status: 'not_ready' })),
  );

  await app.register(
    async (api) => {
      registerAuth(api, s.auth);
      // every module's routes, behind the authentication hook (a route opts out with config.public)
      for (const m of s.modules) if (m.routes) await api.register(m.routes(s, { cookieSecure: o.cookieSecure, sessionMaxHours: o.sessionMaxHours }));
    },
    { prefix: '/api/v1' },
  );

  const dist = path.resolve(o.webDist);
  const hasWeb = existsSync(path.join(dist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: dist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // the web desk routes on the client: unknown non-API GETs get its index page
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    return notFoundProblem(req, reply);
  });
  return app;
}
