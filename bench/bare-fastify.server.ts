/**
 * The ceiling of this machine for `bench:screening-http -- --bare`: a bare Fastify server with
 * the same route, body schema and a small JSON answer, but no authentication, audit or search.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post(
  '/api/v1/screening/persons',
  { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 } } } } },
  async () => ({ tookMs: 0, threshold: 0.8, candidates: [], hits: [] }),
);
app.get('/readyz', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
