/**
 * Federation nodes in one test process: each its own in-memory database and HTTP server on
 * loopback, enrolled with each other by pinned thumbprint, with agreements.
 */
import type { Actor } from '../src/auth/roles.ts';
import type { Agreement } from '../src/federation/federation.ts';
import { startNode, type RunningNode } from '../src/main.ts';
import { TEST_PASSWORD_COST } from './db-targets.ts';
import { redContent } from './notice-factories.ts';

/** A node run by its national bureau (NODE_AGENCY), which items restricted to named agencies may name. */
export async function fedNode(id: string, bureau: string): Promise<RunningNode> {
  const n = await startNode(
    { databaseUrl: 'pglite:memory:', port: 0, seedScale: 'none', logLevel: 'silent', webDist: 'web/does-not-exist', passwordCost: TEST_PASSWORD_COST, intervals: { federationSend: 0 } },
    { ...process.env, NATS_URL: '', NODE_ID: id, NODE_AGENCY: bureau, DATABASE_URL: '' },
  );
  await n.services.seeder.ensureHub();
  return n;
}

export const admin = (n: RunningNode): Promise<Actor> => n.services.seeder.consoleActor();

/** An officer of one of the node's agencies (the hub's own bureau by default). */
export async function officer(n: RunningNode, agencyCode?: string): Promise<Actor> {
  const a = await admin(n);
  const agencyId = agencyCode ? (await n.services.authRepo.agencyByCode(n.services.conn.db, agencyCode))!.id : a.agencyId;
  return { ...a, agencyId, roles: ['ncb_officer'] };
}

/** `a` enrols `b` as a partner, pinning the key `b` publishes, checked by its thumbprint. */
export async function enrol(a: RunningNode, b: RunningNode, agencies: string[]) {
  const id = await b.services.federation.identity();
  await a.services.federation.enrollPartner(await admin(a), { id: id.nodeId, names: { en: id.nodeId }, baseUrl: b.url, transport: 'https', agencies, key: { jwk: id.jwk, thumbprint: id.kid } });
}

export async function agree(a: RunningNode, partner: string, direction: Agreement['direction'], over: Partial<Agreement> = {}) {
  return a.services.federation.saveAgreement(await admin(a), {
    partner, direction, categories: ['notice.red', 'person'], maxTlp: 'RED', mayForward: false, validFrom: '2026-01-01', validTo: null,
    legalBasis: 'Bilateral police cooperation agreement', clause: `${direction} ${partner}`, ...over,
  });
}

/** The data of a red notice as its owner node shares it (a body the receiver's notices module takes). */
export function sharedRedNoticeData(id: string, name = 'Youssef El Alaoui') {
  return {
    type: 'red' as const,
    reference: `R-2026-${id}`,
    state: 'published' as const,
    stateReason: null,
    urgency: 'normal' as const,
    content: redContent(name),
    ownerAgency: { code: 'MAR-NCB', country: 'MAR', names: { en: 'NCB Rabat' } },
    publishedAt: '2026-12-01T10:00:00.000Z',
    reviewDate: '2031-12-01',
  };
}
