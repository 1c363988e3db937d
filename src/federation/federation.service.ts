/**
 * Federation use cases: this node's keys, partners, agreements, what will leave for whom, the
 * transactional outbox and its sender, and the inbox that answers every envelope with a signed
 * receipt. Every use case checks permission first, writes in one transaction and is audited.
 */
import type { Actor } from '../auth/roles.ts';
import { can, type Action } from '../auth/policy.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../core/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../core/errors.ts';
import { TLP_LEVELS, type TlpLevel } from '../core/handling.ts';
import type { IdGenerator } from '../core/ids.ts';
import { toIsoDate } from '../core/partial-date.ts';
import type { Db } from '../db/connect.ts';
import type { EventBus } from '../events/bus.ts';
import { type Envelope, type EnvelopeHeader, openEnvelope, sealEnvelope, signReceipt, verifyReceipt, type KeyLookup } from './envelope.ts';
import { type Agreement, type Category, isCategory, NODE_ID, type OutboundItem, type RejectReason } from './federation.ts';
import type { FederationRepo, InboxRow, OutboxRow, OutboxStatus, Partner, ReceivedItem } from './federation.repo.ts';
import { type Ed25519Jwk, jwksOf, newOwnKey, type OwnKey, pinKey, rotate, signingKey } from './keys.ts';
import { decide, type Decision } from './policy.ts';

export interface FederationSettings {
  nodeId: string;
  maxSkewSeconds: number;
  /** How long an envelope is valid after it is sealed (seconds). */
  envelopeTtlSeconds: number;
  maxHops: number;
  /** Envelopes per request to a partner. */
  batchSize: number;
  /** Attempts before an item is dead-lettered. */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a rotated-out key is still accepted (hours). */
  keyOverlapHours: number;
  /** How long an item handed to a store-and-forward transport waits for its receipt before it is sent again. */
  receiptWaitMs: number;
}

export const DEFAULT_SETTINGS: Omit<FederationSettings, 'nodeId'> = {
  maxSkewSeconds: 300,
  envelopeTtlSeconds: 24 * 3600,
  maxHops: 3,
  batchSize: 200,
  maxAttempts: 12,
  retryBaseMs: 1000,
  retryMaxMs: 15 * 60_000,
  keyOverlapHours: 7 * 24,
  receiptWaitMs: 10 * 60_000,
};

/** Carries envelopes to a partner and brings back what it answered (signed receipts). */
export interface Transport {
  send(partner: Partner, envelopes: readonly Envelope[]): Promise<TransportAnswer>;
}

/**
 * What a transport brings back: the receiver's signed receipts (`{ receipts: [{ receipt }] }`,
 * as the inbox answers), and for a store-and-forward transport the envelope ids it stored for
 * later delivery, whose receipts come back later through `applyReceipts`.
 */
export type TransportAnswer = { receipts?: Array<{ receipt?: unknown }>; stored?: string[] } | unknown;

const answerReceipts = (answer: unknown): string[] =>
  Array.isArray((answer as { receipts?: unknown })?.receipts)
    ? (answer as { receipts: Array<{ receipt?: unknown }> }).receipts.map((r) => r?.receipt).filter((r): r is string => typeof r === 'string')
    : [];

/** An item another module shares: what the boundary decides on, and the body that travels. */
export interface ShareItem {
  /** `item.upsert` or `item.withdraw`. */
  type: 'item.upsert' | 'item.withdraw';
  category: Category;
  itemId: string;
  tlp: TlpLevel;
  /** Agency codes the owner named (AMBER+STRICT and RED leave only to them). */
  restrictedTo: readonly string[];
  /** The owner's version: a receiver keeps the highest. */
  version: number;
  /** The owner node (this node unless the item is being passed on). */
  ownerNode?: string;
  hops?: number;
  data: Record<string, unknown>;
}

/**
 * Applies a received item in the receiver's transaction (records, notices …); may refuse it,
 * or return what to do once the transaction has committed (events for screening …).
 */
export type ReceiveHandler = (trx: Db, item: ReceivedItem, withdrawn: boolean) => Promise<void | { reason: RejectReason; detail: string } | { after: () => Promise<void> }>;

export interface ReceiveResult {
  envelope: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: RejectReason;
  receipt: string;
}

export interface PartnerInput {
  id: string;
  names: Record<string, string>;
  baseUrl: string;
  transport: Partner['transport'];
  agencies: string[];
  key: { jwk: Ed25519Jwk; thumbprint: string };
}

export type AgreementInput = Omit<Agreement, 'id' | 'suspended'> & { id?: string; suspended?: boolean };

const DIRECTIONS = new Set(['outbound', 'inbound']);

export class FederationService {
  #keys: Promise<OwnKey[]> | undefined;
  readonly #handlers = new Map<string, ReceiveHandler>();
  readonly #onEnrol: Array<(trx: Db, partner: Partner) => Promise<void>> = [];

  constructor(
    private readonly db: Db,
    private readonly repo: FederationRepo,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    readonly settings: FederationSettings,
    private readonly transport: Transport,
    /** This node's agency codes (for items a partner restricts to named agencies). */
    private readonly localAgencies: () => Promise<string[]>,
    private readonly random: () => number = Math.random,
  ) {}

  get nodeId(): string {
    return this.settings.nodeId;
  }

  /** Another module applies received items of a category (its screening, its notices …). */
  onReceive(category: Category, handler: ReceiveHandler): void {
    this.#handlers.set(category, handler);
  }

  /** Runs in the enrolment's transaction (the partner's agencies become addressable here …). */
  onPartnerEnrolled(hook: (trx: Db, partner: Partner) => Promise<void>): void {
    this.#onEnrol.push(hook);
  }

  // ---------------------------------------------------------------- keys

  /** This node's keys, the first created on first use. */
  async keys(): Promise<OwnKey[]> {
    this.#keys ??= (async () => {
      const have = await this.repo.ownKeys(this.db);
      if (have.length > 0) return have;
      const first = await newOwnKey(this.clock.now());
      await this.db.transaction().execute(async (trx) => {
        await this.repo.saveOwnKeys(trx, [first]);
        await this.audit.append(trx, null, { action: 'federation.key.create', targetType: 'federation_key', targetId: first.kid, details: { kid: first.kid } });
      });
      return this.repo.ownKeys(this.db);
    })().catch((e) => {
      this.#keys = undefined;
      throw e;
    });
    return this.#keys;
  }

  async jwks() {
    return jwksOf(await this.keys(), this.clock.now());
  }

  /** This node's current public key and thumbprint, to hand to a partner. */
  async identity() {
    const k = signingKey(await this.keys(), this.clock.now());
    return { nodeId: this.nodeId, kid: k.kid, jwk: k.jwk };
  }

  async rotateKeys(actor: Actor, overlapHours = this.settings.keyOverlapHours) {
    this.authorize(actor, 'federation.manage');
    const now = this.clock.now();
    const next = await rotate(await this.keys(), now, overlapHours);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.saveOwnKeys(trx, next);
      const added = next[next.length - 1];
      await this.audit.append(trx, actor, { action: 'federation.key.rotate', targetType: 'federation_key', targetId: added.kid, details: { kid: added.kid, overlapHours } });
    });
    this.#keys = undefined;
    return this.jwks();
  }

  // ---------------------------------------------------------------- partners

  async partners(actor: Actor): Promise<Array<Partner & { keys: Array<{ kid: string; retiresAt: string | null }> }>> {
    this.authorize(actor, 'federation.read');
    const list = await this.repo.partners(this.db);
    return Promise.all(list.map(async (p) => ({ ...p, keys: (await this.repo.partnerKeys(this.db, p.id)).map((k) => ({ kid: k.kid, retiresAt: k.retiresAt })) })));
  }

  async enrollPartner(actor: Actor, input: PartnerInput): Promise<Partner> {
    this.authorize(actor, 'federation.manage');
    if (!NODE_ID.test(input.id)) throw invalid('invalid_node_id', 'A node id is 2 to 32 upper-case letters, digits or hyphens');
    if (input.id === this.nodeId) throw invalid('invalid_node_id', 'A node cannot be its own partner');
    const key = await pinKey(input.key.jwk, input.key.thumbprint).catch((e: Error) => {
      throw invalid('key_not_pinned', e.message);
    });
    const at = this.clock.now().toISOString();
    const partner: Partner = { id: input.id, names: input.names, baseUrl: input.baseUrl.replace(/\/+$/, ''), transport: input.transport, agencies: input.agencies, suspended: false, createdAt: at, updatedAt: at };
    await this.db.transaction().execute(async (trx) => {
      if (await this.repo.partner(trx, input.id)) throw conflict('partner_exists', `${input.id} is already a partner`);
      await this.repo.insertPartner(trx, partner);
      await this.repo.pinPartnerKey(trx, input.id, key, at);
      for (const hook of this.#onEnrol) await hook(trx, partner);
      await this.audit.append(trx, actor, { action: 'federation.partner.enroll', targetType: 'federation_partner', targetId: input.id, details: { kid: key.kid, transport: input.transport } });
    });
    return partner;
  }

  /** Pins one more key of a partner (its rotation), checked against the thumbprint it gave out of band. */
  async pinPartnerKey(actor: Actor, partnerId: string, jwk: Ed25519Jwk, thumbprint: string) {
    this.authorize(actor, 'federation.manage');
    const key = await pinKey(jwk, thumbprint).catch((e: Error) => {
      throw invalid('key_not_pinned', e.message);
    });
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.partner(trx, partnerId))) throw notFound('partner_not_found', `No partner ${partnerId}`);
      await this.repo.pinPartnerKey(trx, partnerId, key, this.clock.now().toISOString());
      await this.audit.append(trx, actor, { action: 'federation.partner.key_pin', targetType: 'federation_partner', targetId: partnerId, details: { kid: key.kid } });
    });
    return { kid: key.kid };
  }

  /** Retires a partner's key from a date on (after its rotation's overlap). */
  async retirePartnerKey(actor: Actor, partnerId: string, kid: string, at: string) {
    this.authorize(actor, 'federation.manage');
    await this.db.transaction().execute(async (trx) => {
      const keys = await this.repo.partnerKeys(trx, partnerId);
      const k = keys.find((x) => x.kid === kid);
      if (!k) throw notFound('key_not_found', `No key ${kid} pinned for ${partnerId}`);
      await this.repo.pinPartnerKey(trx, partnerId, { ...k, retiresAt: new Date(at).toISOString() }, this.clock.now().toISOString());
      await this.audit.append(trx, actor, { action: 'federation.partner.key_retire', targetType: 'federation_partner', targetId: partnerId, details: { kid, at } });
    });
  }

  /** Stops (or resumes) a partner's traffic both ways; its queued items wait. */
  async setSuspended(actor: Actor, partnerId: string, suspended: boolean): Promise<Partner> {
    this.authorize(actor, 'federation.manage');
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.partner(trx, partnerId))) throw notFound('partner_not_found', `No partner ${partnerId}`);
      await this.repo.updatePartner(trx, partnerId, { suspended }, this.clock.now().toISOString());
      await this.audit.append(trx, actor, { action: suspended ? 'federation.partner.suspend' : 'federation.partner.resume', targetType: 'federation_partner', targetId: partnerId, details: {} });
      return (await this.repo.partner(trx, partnerId))!;
    });
  }

  // ---------------------------------------------------------------- agreements

  async agreements(actor: Actor, partnerId?: string): Promise<Agreement[]> {
    this.authorize(actor, 'federation.read');
    return this.repo.agreements(this.db, partnerId);
  }

  async saveAgreement(actor: Actor, input: AgreementInput): Promise<Agreement> {
    this.authorize(actor, 'federation.manage');
    if (!DIRECTIONS.has(input.direction)) throw invalid('invalid_direction', 'direction is outbound or inbound');
    const bad = input.categories.filter((c) => !isCategory(c));
    if (bad.length || input.categories.length === 0) throw invalid('invalid_category', bad.length ? `unknown categories: ${bad.join(', ')}` : 'an agreement covers at least one category');
    if (!TLP_LEVELS.includes(input.maxTlp)) throw invalid('invalid_tlp', 'maxTlp is a TLP level');
    if (input.validTo !== null && input.validTo < input.validFrom) throw invalid('invalid_validity', 'validTo is before validFrom');
    if (!input.legalBasis.trim()) throw invalid('legal_basis_required', 'An agreement names its legal basis');
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.partner(trx, input.partner))) throw notFound('partner_not_found', `No partner ${input.partner}`);
      const before = input.id ? await this.repo.agreement(trx, input.id) : undefined;
      if (input.id && !before) throw notFound('agreement_not_found', 'No such agreement');
      if (before && (before.partner !== input.partner || before.direction !== input.direction)) throw invalid('agreement_fixed_fields', 'An agreement keeps its partner and direction');
      const a: Agreement = { ...input, id: input.id ?? this.ids(), categories: [...new Set(input.categories)], suspended: input.suspended ?? false };
      await this.repo.saveAgreement(trx, a, this.clock.now().toISOString());
      await this.audit.append(trx, actor, {
        action: before ? 'federation.agreement.update' : 'federation.agreement.create',
        targetType: 'federation_agreement',
        targetId: a.id,
        details: { partner: a.partner, direction: a.direction, categories: a.categories, maxTlp: a.maxTlp, mayForward: a.mayForward, validFrom: a.validFrom, validTo: a.validTo, suspended: a.suspended },
      });
      return a;
    });
  }

  // ---------------------------------------------------------------- what leaves, for whom

  /** Who will receive this item, under which clause, and who will not and why. */
  async preview(actor: Actor, item: OutboundItem): Promise<Array<{ partner: string; names: Record<string, string>; decision: Decision }>> {
    this.authorize(actor, 'federation.read');
    const [partners, agreements] = await Promise.all([this.repo.partners(this.db), this.repo.agreements(this.db)]);
    const today = toIsoDate(this.clock.now());
    return partners.map((p) => ({ partner: p.id, names: p.names, decision: decide(item, p, agreements, today, this.nodeId) }));
  }

  /**
   * Queues an item for every partner an agreement allows, in the caller's transaction (the
   * change and its outbox rows commit together); a partner the filter refuses gets a `withheld`
   * row with the reason, so every item's fate is visible. Returns the decisions.
   */
  async share(trx: Db, item: ShareItem): Promise<Array<{ partner: string; decision: Decision }>> {
    const partners = await this.repo.partners(trx);
    if (partners.length === 0) return [];
    const agreements = await this.repo.agreements(trx);
    const now = this.clock.now();
    const today = toIsoDate(now);
    const at = now.toISOString();
    const owner = item.ownerNode ?? this.nodeId;
    const boundary: OutboundItem = { category: item.category, tlp: item.tlp, ownerNode: owner, restrictedTo: item.restrictedTo, hops: item.hops ?? 0 };
    const body = { item: { category: item.category, id: item.itemId, tlp: item.tlp, ownerNode: owner, version: item.version, restrictedTo: [...item.restrictedTo], data: item.data } };
    const rows: OutboxRow[] = [];
    const out: Array<{ partner: string; decision: Decision }> = [];
    // a withdrawal follows the item to every partner that got it, whatever the agreements say now
    const holders = item.type === 'item.withdraw' ? new Set(await this.repo.partnersHolding(trx, item.itemId)) : new Set<string>();
    for (const p of partners) {
      const decision = decide(boundary, p, agreements, today, this.nodeId);
      const refused = decision.send ? undefined : decision;
      // a suspended partner's items wait in the queue; everything else refused is withheld for good
      const waits = refused?.reason === 'partner_suspended';
      const follows = refused !== undefined && !waits && holders.has(p.id);
      const leaves = !refused || waits || follows;
      out.push({ partner: p.id, decision });
      if (!leaves && item.type === 'item.withdraw') continue;
      rows.push({
        id: this.ids(),
        partnerId: p.id,
        type: item.type,
        category: item.category,
        itemId: item.itemId,
        tlp: item.tlp,
        body,
        hops: boundary.hops,
        status: leaves ? 'queued' : 'withheld',
        clause: decision.agreement?.clause ?? null,
        reason: leaves ? null : (refused?.reason ?? null),
        detail: follows ? `${p.id} holds this item: the withdrawal follows it` : leaves ? null : (refused?.detail ?? null),
        attempts: 0,
        nextAttemptAt: at,
        receipt: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    await this.repo.enqueue(trx, rows);
    return out;
  }

  // ---------------------------------------------------------------- receiving

  private keyLookup(db: Db): KeyLookup {
    return async (from, kid) => {
      const partner = await this.repo.partner(db, from);
      if (!partner) return 'unknown_sender';
      return (await this.repo.partnerKeys(db, from)).find((k) => k.kid === kid) ?? 'unknown_key';
    };
  }

  /** Answers each envelope with a receipt signed by this node; applies each accepted one once. */
  async receive(envelopes: readonly unknown[]): Promise<ReceiveResult[]> {
    const out: ReceiveResult[] = [];
    // the receipts are signed inside the receiving transaction: this node's keys are read before
    // it (read inside, on the embedded store's one connection, they would wait on that transaction)
    await this.keys();
    for (const env of envelopes) out.push(await this.receiveOne(env));
    return out;
  }

  private async receipt(to: string, envelope: string, status: ReceiveResult['status'], reason?: RejectReason, detail?: string): Promise<string> {
    const key = signingKey(await this.keys(), this.clock.now());
    const signed = await signReceipt(key, { envelope, from: this.nodeId, to, status, ...(reason ? { reason } : {}), ...(detail ? { detail } : {}), at: this.clock.now().toISOString() });
    return signed.jws;
  }

  private async receiveOne(env: unknown): Promise<ReceiveResult> {
    const now = this.clock.now();
    const opened = await openEnvelope(env, { self: this.nodeId, now, maxSkewSeconds: this.settings.maxSkewSeconds, maxHops: this.settings.maxHops, keyOf: this.keyLookup(this.db) });
    if (!opened.ok) {
      const to = opened.header?.from && NODE_ID.test(opened.header.from) ? opened.header.from : 'UNKNOWN';
      const id = opened.header?.id ?? null;
      await this.publish('federation.rejected', { from: to, envelope: id, reason: opened.reason });
      return { envelope: id, status: 'rejected', reason: opened.reason, receipt: await this.receipt(to, id ?? '', 'rejected', opened.reason, opened.detail) };
    }
    const h = opened.header;
    const body = (env as Envelope).body;
    const reject = async (reason: RejectReason, detail: string): Promise<ReceiveResult> => {
      const receipt = await this.receipt(h.from, h.id, 'rejected', reason, detail);
      // logged for the inbound view; a later delivery of the same id is judged again
      await this.repo.logInbox(this.db, { sender: h.from, id: h.id, type: h.type, sha256: h.sha256, status: 'rejected', reason, detail, receipt: { jws: receipt }, receivedAt: now.toISOString() }).catch(() => false);
      await this.publish('federation.rejected', { from: h.from, envelope: h.id, reason });
      return { envelope: h.id, status: 'rejected', reason, receipt };
    };
    const seen = await this.repo.inboxEntry(this.db, h.from, h.id);
    if (seen?.status === 'accepted') {
      if (seen.sha256 !== h.sha256) return reject('replay', 'this envelope id was already received with another body');
      return { envelope: h.id, status: 'duplicate', receipt: seen.receipt.jws };
    }
    const partner = (await this.repo.partner(this.db, h.from))!;
    if (partner.suspended) return reject('partner_suspended', `${h.from} is suspended on this node`);
    const item = parseItem(h, body);
    if ('error' in item) return reject('schema_invalid', item.error);
    if (item.ownerNode === this.nodeId) return reject('owner_conflict', `the item belongs to this node (${this.nodeId}); only its owner changes it`);
    if (item.ownerNode !== h.from && h.hops === 0) return reject('owner_conflict', `${h.from} sends an item owned by ${item.ownerNode} as if it were its own`);
    const agreements = await this.repo.agreements(this.db, h.from);
    const ours = await this.localAgencies();
    const d = decide({ category: item.category, tlp: item.tlp, ownerNode: item.ownerNode, restrictedTo: item.restrictedTo, hops: h.hops }, { id: h.from, agencies: ours, suspended: false }, agreements, toIsoDate(now), this.nodeId, 'inbound');
    // a withdrawal of an item we hold is taken whatever the agreements say now: it only removes
    const withdrawsHeld = h.type === 'item.withdraw' && (await this.repo.receivedItem(this.db, item.ownerNode, item.id)) !== undefined;
    if (!d.send && !withdrawsHeld) return reject(d.reason, d.detail);
    const handler = this.#handlers.get(item.category);
    let afterCommit: (() => Promise<void>) | undefined;
    try {
      const result = await this.db.transaction().execute(async (trx) => {
        const before = await this.repo.receivedItem(trx, item.ownerNode, item.id);
        // passed on by a third node while we hold it from its owner: the owner's line wins
        if (before && h.from !== item.ownerNode && before.receivedFrom === item.ownerNode) return { stale: true as const };
        const withdrawn = h.type === 'item.withdraw';
        const stale = before !== undefined && (before.version > item.version || (before.version === item.version && !withdrawn));
        const received: ReceivedItem = {
          ownerNode: item.ownerNode, itemId: item.id, category: item.category, version: item.version, tlp: item.tlp, restrictedTo: item.restrictedTo,
          body: item.data, receivedFrom: h.from, receivedAt: now.toISOString(), withdrawnAt: withdrawn ? now.toISOString() : null,
        };
        if (!stale) {
          // the handler sees what the withdrawal says (why, which state); the held row keeps the last body
          const outcome = handler ? await handler(trx, { ...received }, withdrawn) : undefined;
          if (withdrawn && before) received.body = before.body;
          if (outcome && 'reason' in outcome) throw new Refused(outcome.reason, outcome.detail);
          if (outcome && 'after' in outcome) afterCommit = outcome.after;
          await this.repo.saveReceivedItem(trx, received);
        }
        const receipt = await this.receipt(h.from, h.id, 'accepted', undefined, stale ? 'an equal or newer version is already held' : undefined);
        const logged = await this.repo.logInbox(trx, { sender: h.from, id: h.id, type: h.type, sha256: h.sha256, status: 'accepted', reason: null, detail: null, receipt: { jws: receipt }, receivedAt: now.toISOString() });
        if (!logged) throw new Raced();
        await this.audit.append(trx, null, {
          action: 'federation.receive',
          targetType: 'federation_item',
          targetId: `${item.ownerNode}/${item.id}`,
          details: { from: h.from, envelope: h.id, type: h.type, category: item.category, version: item.version, tlp: item.tlp, applied: !stale },
        });
        return { receipt };
      });
      if ('stale' in result) return reject('owner_conflict', `the item is held from its owner ${item.ownerNode}; ${h.from} may not replace it`);
      await afterCommit?.().catch(() => undefined);
      await this.publish('federation.received', { from: h.from, envelope: h.id, category: item.category, itemId: item.id, ownerNode: item.ownerNode });
      return { envelope: h.id, status: 'accepted', receipt: result.receipt };
    } catch (e) {
      if (e instanceof Refused) return reject(e.reason, e.detail);
      if (e instanceof Raced) {
        const first = await this.repo.inboxEntry(this.db, h.from, h.id);
        if (first?.status === 'accepted') return { envelope: h.id, status: 'duplicate', receipt: first.receipt.jws };
      }
      throw e;
    }
  }

  // ---------------------------------------------------------------- sending

  /** Items left in flight by a stopped process go back to the queue (the receiver deduplicates). */
  async resume(): Promise<number> {
    return this.repo.requeueInFlight(this.db, this.clock.now().toISOString());
  }

  /** Sends what is due to one partner, one batch; returns what became of each item. */
  async sendDue(partnerId: string): Promise<{ sent: number; delivered: number; rejected: number; retrying: number; dead: number }> {
    const tally = { sent: 0, delivered: 0, rejected: 0, retrying: 0, dead: 0 };
    const partner = await this.repo.partner(this.db, partnerId);
    if (!partner || partner.suspended) return tally;
    const rows = await this.repo.claimDue(this.db, partnerId, this.clock.now().toISOString(), this.settings.batchSize);
    if (rows.length === 0) return tally;
    tally.sent = rows.length;
    const envelopes = await this.seal(partnerId, rows);
    let answer: TransportAnswer;
    try {
      answer = await this.transport.send(partner, envelopes);
    } catch (e) {
      await this.retryLater(rows, `partner unreachable: ${(e as Error).message ?? 'error'}`, tally);
      return tally;
    }
    const settled = await this.applyReceipts(partnerId, answerReceipts(answer));
    tally.delivered = settled.delivered;
    tally.rejected = settled.rejected;
    // a store-and-forward transport (NATS) holds what it stored: the receipts come later
    const stored = new Set(Array.isArray((answer as { stored?: unknown })?.stored) ? (answer as { stored: string[] }).stored : []);
    const waiting = rows.filter((r) => !settled.ids.has(r.id));
    const held = waiting.filter((r) => stored.has(r.id));
    if (held.length) await this.repo.markSent(this.db, held.map((r) => r.id), new Date(this.clock.now().getTime() + this.settings.receiptWaitMs).toISOString(), this.clock.now().toISOString());
    const missing = waiting.filter((r) => !stored.has(r.id));
    if (missing.length) await this.retryLater(missing, 'no valid signed receipt for this envelope', tally);
    return tally;
  }

  /** Seals outbox rows for a partner with fresh times (each attempt is a new envelope time, one id). */
  async seal(partnerId: string, rows: readonly Pick<OutboxRow, 'id' | 'type' | 'hops' | 'body'>[]): Promise<Envelope[]> {
    const now = this.clock.now();
    const key = signingKey(await this.keys(), now);
    const iat = Math.floor(now.getTime() / 1000);
    return Promise.all(
      rows.map((r) => sealEnvelope(key, { id: r.id, from: this.nodeId, to: partnerId, iat, exp: iat + this.settings.envelopeTtlSeconds, type: r.type, hops: r.hops }, r.body)),
    );
  }

  /**
   * Stores a partner's signed receipts with the outbox rows they answer, whatever carried them
   * (the HTTPS answer, a NATS reply stream, a bundle of receipts carried back). A receipt whose
   * signature fails, or which answers no item sent to that partner, is ignored and counted;
   * a second receipt for a settled item changes nothing.
   */
  async applyReceipts(partnerId: string, receipts: readonly string[]): Promise<{ delivered: number; rejected: number; ignored: number; ids: Set<string> }> {
    const out = { delivered: 0, rejected: 0, ignored: 0, ids: new Set<string>() };
    const byEnvelope = new Map<string, { status: string; reason?: RejectReason; detail?: string; jws: string }>();
    const keyOf = this.keyLookup(this.db);
    for (const jws of receipts) {
      const v = typeof jws === 'string' ? await verifyReceipt(jws, { from: partnerId, to: this.nodeId }, keyOf, this.clock.now()) : { error: 'not a string' };
      if ('error' in v) {
        out.ignored++;
        continue;
      }
      byEnvelope.set(v.envelope, { status: v.status, reason: v.reason, detail: v.detail, jws });
    }
    if (byEnvelope.size === 0) return out;
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const rows = await this.repo.outboxRows(trx, partnerId, [...byEnvelope.keys()]);
      for (const row of rows) {
        const r = byEnvelope.get(row.id)!;
        out.ids.add(row.id);
        if (row.status === 'delivered' || row.status === 'rejected' || row.status === 'withheld') continue;
        const delivered = r.status === 'accepted' || r.status === 'duplicate';
        await this.repo.settle(trx, row.id, { status: delivered ? 'delivered' : 'rejected', reason: delivered ? null : (r.reason ?? null), detail: r.detail ?? null, attempts: row.attempts + 1, receipt: { jws: r.jws, status: r.status } }, at);
        if (delivered) out.delivered++;
        else out.rejected++;
      }
      out.ignored += byEnvelope.size - rows.length;
      if (out.delivered + out.rejected > 0) {
        await this.audit.append(trx, null, { action: 'federation.send', targetType: 'federation_partner', targetId: partnerId, details: { delivered: out.delivered, rejected: out.rejected, envelopes: [...out.ids].slice(0, 1000) } });
      }
    });
    if (out.delivered || out.rejected) await this.publish('federation.sent', { partner: partnerId, delivered: out.delivered, rejected: out.rejected });
    return out;
  }

  /** Sends to every active partner until nothing is due (or `rounds` batches each). */
  async flush(rounds = Number.POSITIVE_INFINITY): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const p of await this.repo.partners(this.db)) {
      if (p.suspended || p.transport === 'bundle') continue;
      for (let i = 0; i < rounds; i++) {
        const t = await this.sendDue(p.id);
        out[p.id] = (out[p.id] ?? 0) + t.delivered + t.rejected;
        if (t.sent === 0 || t.delivered + t.rejected === 0) break;
      }
    }
    return out;
  }

  private backoff(attempts: number): number {
    const ceiling = Math.min(this.settings.retryMaxMs, this.settings.retryBaseMs * 2 ** Math.min(attempts, 30));
    // full jitter over the upper half: retries of many items do not arrive together
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  private async retryLater(rows: readonly OutboxRow[], detail: string, tally: { retrying: number; dead: number }) {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const attempts = row.attempts + 1;
        const dead = attempts >= this.settings.maxAttempts;
        await this.repo.settle(trx, row.id, { status: dead ? 'dead' : 'queued', attempts, detail: detail.slice(0, 500), reason: null, nextAttemptAt: new Date(now.getTime() + this.backoff(attempts)).toISOString() }, now.toISOString());
        if (dead) tally.dead++;
        else tally.retrying++;
      }
    });
  }

  // ---------------------------------------------------------------- the queue, seen from the desk

  async queue(actor: Actor, q: { partnerId?: string; status?: OutboxStatus; itemId?: string; limit?: number }) {
    this.authorize(actor, 'federation.read');
    return this.repo.outbox(this.db, { ...q, limit: Math.min(q.limit ?? 100, 500) });
  }

  /** Per partner: how many items are queued, in flight, delivered, rejected, dead or withheld, and the lag. */
  async queueSummary(actor: Actor) {
    this.authorize(actor, 'federation.read');
    const now = this.clock.now().getTime();
    const stats = await this.repo.queueStats(this.db);
    const partners = await this.repo.partners(this.db);
    return partners.map((p) => {
      const mine = stats.filter((s) => s.partnerId === p.id);
      const n = (s: OutboxStatus) => mine.find((x) => x.status === s)?.n ?? 0;
      const waiting = mine.filter((x) => x.status === 'queued' || x.status === 'in_flight' || x.status === 'sent').map((x) => x.oldest).filter((x): x is string => x !== null).sort()[0];
      return { partner: p.id, suspended: p.suspended, queued: n('queued'), inFlight: n('in_flight'), awaitingReceipt: n('sent'), delivered: n('delivered'), rejected: n('rejected'), dead: n('dead'), withheld: n('withheld'), lagSeconds: waiting ? Math.max(0, Math.round((now - Date.parse(waiting)) / 1000)) : 0 };
    });
  }

  /** A dead or rejected item queued again (after its cause was fixed). */
  async retry(actor: Actor, id: string): Promise<OutboxRow> {
    this.authorize(actor, 'federation.manage');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.repo.outboxRow(trx, id);
      if (!row) throw notFound('queue_item_not_found', 'No such queue item');
      if (row.status !== 'dead' && row.status !== 'rejected') throw conflict('queue_item_not_retryable', `An item ${row.status} is not retried`);
      const at = this.clock.now().toISOString();
      await this.repo.settle(trx, id, { status: 'queued', attempts: 0, nextAttemptAt: at, reason: null, detail: null }, at);
      await this.audit.append(trx, actor, { action: 'federation.queue.retry', targetType: 'federation_queue_item', targetId: id, details: { partner: row.partnerId, was: row.status } });
      return (await this.repo.outboxRow(trx, id))!;
    });
  }

  async inbox(actor: Actor, q: { sender?: string; limit?: number }): Promise<Array<Omit<InboxRow, 'receipt'>>> {
    this.authorize(actor, 'federation.read');
    return (await this.repo.inbox(this.db, { ...q, limit: Math.min(q.limit ?? 100, 500) })).map(({ receipt: _r, ...rest }) => rest);
  }

  async receivedItems(actor: Actor, q: { ownerNode?: string; live?: boolean; limit?: number }) {
    this.authorize(actor, 'federation.read');
    return this.repo.receivedItems(this.db, { ...q, limit: Math.min(q.limit ?? 100, 500) });
  }

  private async publish(subject: string, data: Record<string, unknown>) {
    // ids and codes only: never the item
    await this.bus.publish(subject, data).catch(() => undefined);
  }

  private authorize(actor: Actor, action: Action) {
    const d = can(actor, action);
    if (!d.allowed) throw forbidden(d.code, `Your roles do not allow ${action}`);
  }
}

class Refused extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Two deliveries of one envelope at once: the second finds the first's row. */
class Raced extends Error {}

interface ParsedItem {
  category: Category;
  id: string;
  tlp: TlpLevel;
  ownerNode: string;
  version: number;
  restrictedTo: string[];
  data: Record<string, unknown>;
}

function parseItem(h: EnvelopeHeader, body: unknown): ParsedItem | { error: string } {
  if (h.type !== 'item.upsert' && h.type !== 'item.withdraw') return { error: `unknown envelope type ${h.type}` };
  if (h.v !== 1) return { error: `schema version ${h.v} is not understood (1 is)` };
  const item = (body as { item?: Record<string, unknown> } | null)?.item;
  if (!item || typeof item !== 'object') return { error: 'the body has no item' };
  if (!isCategory(item.category)) return { error: `unknown category ${String(item.category)}` };
  if (typeof item.id !== 'string' || item.id.length === 0 || item.id.length > 200) return { error: 'item.id is a string' };
  if (!TLP_LEVELS.includes(item.tlp as TlpLevel)) return { error: 'item.tlp is a TLP level' };
  if (typeof item.ownerNode !== 'string' || !NODE_ID.test(item.ownerNode)) return { error: 'item.ownerNode is a node id' };
  if (!Number.isInteger(item.version) || (item.version as number) < 0) return { error: 'item.version is a whole number' };
  if (!Array.isArray(item.restrictedTo) || !item.restrictedTo.every((x) => typeof x === 'string')) return { error: 'item.restrictedTo is a list of agency codes' };
  if (typeof item.data !== 'object' || item.data === null || Array.isArray(item.data)) return { error: 'item.data is an object' };
  return { category: item.category, id: item.id, tlp: item.tlp as TlpLevel, ownerNode: item.ownerNode, version: item.version as number, restrictedTo: item.restrictedTo as string[], data: item.data as Record<string, unknown> };
}

