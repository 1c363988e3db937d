import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Services } from '../app/module.ts';
import type { Command, CommandContext } from '../cli/command.ts';
import { table, UsageError } from '../cli/output.ts';
import { notFound } from '../core/errors.ts';
import { TLP_LEVELS, type TlpLevel } from '../core/handling.ts';
import { identityOf } from './bundle.ts';
import { type BundleDeps, DEFAULT_VALID_DAYS, DEFAULT_WAIT_HOURS, exportBundle, importBundle } from './bundle.service.ts';
import { type Category, CATEGORIES } from './federation.ts';
import { FederationRepo, type OutboxStatus } from './federation.repo.ts';
import type { Ed25519Jwk } from './keys.ts';

const TRANSPORTS = ['https', 'nats', 'bundle'] as const;
const STATUSES: OutboxStatus[] = ['queued', 'in_flight', 'sent', 'delivered', 'rejected', 'dead', 'withheld'];

const deps = (s: Services): BundleDeps => ({ federation: s.federation, repo: new FederationRepo(), audit: s.audit, db: s.conn.db, clock: s.clock, ids: s.ids });

const wholeNumber = (v: string | undefined, name: string, min: number, max: number, fallback: number) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${name} is a number from ${min} to ${max}`);
  return n;
};

const list = (v: string | undefined) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/** Progress on stderr at most every two seconds, and at the end. */
function progress(ctx: CommandContext, what: string) {
  let last = 0;
  return (done: number, total: number) => {
    if (done < total && performance.now() - last < 2000) return;
    last = performance.now();
    ctx.out.info(`${what} ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`);
  };
}

function readJsonFile(file: string): unknown {
  if (!existsSync(file)) throw notFound('file_not_found', `${file}: no such file`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file} is not JSON: ${(e as Error).message}`);
  }
}

const identity: Command = {
  name: 'federation identity',
  summary: "Print this node's id, key id (thumbprint) and public key, to hand to a partner out of band",
  usage: 'ribat federation identity [--out FILE] [--json]\n  --out writes the identity file a partner gives to `ribat federation partners add --key-file`; read the thumbprint (kid) to them by another channel.',
  options: { out: { type: 'string' } },
  async run(ctx, v) {
    const s = await ctx.services();
    const id = await s.federation.identity();
    if (v.out) writeFileSync(v.out, `${JSON.stringify(id, null, 2)}\n`);
    ctx.out.result(id, [`node        ${id.nodeId}`, `thumbprint  ${id.kid}`, `public key  ${JSON.stringify(id.jwk)}`, ...(v.out ? [`written to  ${v.out}`] : [])].join('\n'));
    return 0;
  },
};

const partners: Command = {
  name: 'federation partners',
  summary: 'List partner nodes, or enrol one from its identity file (partners add)',
  usage: [
    'ribat federation partners [--json]',
    'ribat federation partners add --id SEN --transport https|nats|bundle [--url URL] --key-file FILE --thumbprint=T [--name NAME] [--agencies SEN-NCB,…] [--json]',
    '  --key-file   the identity file the partner handed over (`ribat federation identity --out FILE` on its node)',
    '  --thumbprint its key thumbprint, read out by another channel: the key is pinned only if they agree (write --thumbprint=T: a thumbprint may start with -)',
    '  --agencies   the agencies it hosts (items restricted to named agencies go only to these)',
    '  --url        its base URL (https/nats); not needed for bundle',
  ].join('\n'),
  options: { id: { type: 'string' }, url: { type: 'string' }, transport: { type: 'string' }, 'key-file': { type: 'string' }, thumbprint: { type: 'string' }, name: { type: 'string' }, agencies: { type: 'string' } },
  positionals: 1,
  async run(ctx, v, pos) {
    const [sub] = pos;
    if (sub !== undefined && sub !== 'add') throw new UsageError(`unknown subcommand "${sub}"\n${this.usage}`);
    const s = await ctx.services();
    const actor = await s.seeder.consoleActor();
    if (sub === 'add') {
      if (!v.id || !v.transport || !v['key-file'] || !v.thumbprint) throw new UsageError(`--id, --transport, --key-file and --thumbprint are required\n${this.usage}`);
      if (!(TRANSPORTS as readonly string[]).includes(v.transport)) throw new UsageError(`--transport is one of ${TRANSPORTS.join(', ')}`);
      if (v.transport !== 'bundle' && !v.url) throw new UsageError('--url is required unless the transport is bundle');
      const handed = identityOf(readJsonFile(v['key-file']));
      if (handed.nodeId && handed.nodeId !== v.id) throw new UsageError(`the key file is the identity of ${handed.nodeId}, not ${v.id}`);
      const name = v.name ?? v.id;
      const p = await s.federation.enrollPartner(actor, {
        id: v.id, names: { ar: name, fr: name, en: name, es: name }, baseUrl: v.url ?? '', transport: v.transport,
        agencies: list(v.agencies), key: { jwk: handed.jwk as unknown as Ed25519Jwk, thumbprint: v.thumbprint },
      });
      ctx.out.result(p, `enrolled ${p.id} (${p.transport}${p.baseUrl ? ` ${p.baseUrl}` : ''}), key ${v.thumbprint} pinned`);
      return 0;
    }
    const all = await s.federation.partners(actor);
    const rows = all.map((p) => ({ id: p.id, name: p.names.en ?? p.id, transport: p.transport, url: p.baseUrl, agencies: p.agencies.join(','), state: p.suspended ? 'suspended' : 'active', keys: p.keys.map((k) => k.kid.slice(0, 12) + (k.retiresAt ? ` (retires ${k.retiresAt.slice(0, 10)})` : '')).join(', ') }));
    ctx.out.result({ items: all }, rows.length ? table(rows, ['id', 'name', 'transport', 'url', 'agencies', 'state', 'keys']) : 'no partners');
    return 0;
  },
};

const agreements: Command = {
  name: 'federation agreements',
  summary: 'List sharing agreements, or record one (agreements add)',
  usage: [
    'ribat federation agreements [--partner SEN] [--json]',
    'ribat federation agreements add --partner SEN --direction outbound|inbound --categories person,notice.red,… --max-tlp AMBER',
    '    --valid-from YYYY-MM-DD [--valid-to YYYY-MM-DD] --legal-basis TEXT [--clause REF] [--may-forward] [--json]',
    `  categories: ${CATEGORIES.join(', ')}`,
  ].join('\n'),
  options: {
    partner: { type: 'string' }, direction: { type: 'string' }, categories: { type: 'string' }, 'max-tlp': { type: 'string' }, 'valid-from': { type: 'string' },
    'valid-to': { type: 'string' }, 'legal-basis': { type: 'string' }, clause: { type: 'string' }, 'may-forward': { type: 'boolean' },
  },
  positionals: 1,
  async run(ctx, v, pos) {
    const [sub] = pos;
    if (sub !== undefined && sub !== 'add') throw new UsageError(`unknown subcommand "${sub}"\n${this.usage}`);
    const s = await ctx.services();
    const actor = await s.seeder.consoleActor();
    if (sub === 'add') {
      for (const k of ['partner', 'direction', 'categories', 'max-tlp', 'valid-from', 'legal-basis']) if (!v[k]) throw new UsageError(`--${k} is required\n${this.usage}`);
      if (!TLP_LEVELS.includes(v['max-tlp'])) throw new UsageError(`--max-tlp is one of ${TLP_LEVELS.join(', ')}`);
      const a = await s.federation.saveAgreement(actor, {
        partner: v.partner, direction: v.direction, categories: list(v.categories) as Category[], maxTlp: v['max-tlp'] as TlpLevel, mayForward: v['may-forward'] === true,
        validFrom: v['valid-from'], validTo: v['valid-to'] ?? null, legalBasis: v['legal-basis'], clause: v.clause ?? '',
      });
      ctx.out.result(a, `agreement ${a.id}: ${a.direction} ${a.partner}, ${a.categories.join(', ')} up to ${a.maxTlp}`);
      return 0;
    }
    const all = await s.federation.agreements(actor, v.partner);
    const rows = all.map((a) => ({ partner: a.partner, direction: a.direction, categories: a.categories.join(','), maxTlp: a.maxTlp, forward: a.mayForward ? 'yes' : 'no', valid: `${a.validFrom} → ${a.validTo ?? '…'}`, state: a.suspended ? 'suspended' : 'in force', clause: a.clause, id: a.id }));
    ctx.out.result({ items: all }, rows.length ? table(rows, ['partner', 'direction', 'categories', 'maxTlp', 'forward', 'valid', 'state', 'clause', 'id']) : 'no agreements');
    return 0;
  },
};

const queue: Command = {
  name: 'federation queue',
  summary: 'What waits for, went to or was withheld from each partner',
  usage: 'ribat federation queue [--summary] [--partner SEN] [--status STATUS] [--item ID] [--limit 50] [--json]\n  --summary  per partner: queued, in flight, awaiting receipt, delivered, rejected, dead, withheld, lag\n  STATUS: ' + STATUSES.join(', '),
  options: { summary: { type: 'boolean' }, partner: { type: 'string' }, status: { type: 'string' }, item: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx, v) {
    if (v.status && !STATUSES.includes(v.status)) throw new UsageError(`--status is one of ${STATUSES.join(', ')}`);
    const limit = wholeNumber(v.limit, '--limit', 1, 500, 50);
    if (!Number.isInteger(limit)) throw new UsageError('--limit is a whole number');
    const s = await ctx.services();
    const actor = await s.seeder.consoleActor();
    if (v.summary) {
      const rows = await s.federation.queueSummary(actor);
      ctx.out.result({ items: rows }, rows.length ? table(rows, ['partner', 'queued', 'inFlight', 'awaitingReceipt', 'delivered', 'rejected', 'dead', 'withheld', 'lagSeconds']) : 'no partners');
      return 0;
    }
    const items = await s.federation.queue(actor, { partnerId: v.partner, status: v.status, itemId: v.item, limit });
    // ids, codes and reasons only: the item's body (personal data) stays out of the listing
    const rows = items.map((r) => ({ id: r.id, partner: r.partnerId, type: r.type, category: r.category, item: r.itemId, tlp: r.tlp, status: r.status, reason: r.reason ?? '', attempts: r.attempts, updated: r.updatedAt }));
    ctx.out.result({ items: rows }, rows.length ? table(rows, ['id', 'partner', 'type', 'category', 'item', 'tlp', 'status', 'reason', 'attempts', 'updated']) : 'nothing in the queue');
    return 0;
  },
};

const exportCmd: Command = {
  name: 'federation export',
  summary: 'Write what is due for a partner without a link to a signed offline bundle',
  usage: [
    `ribat federation export --partner SEN --out FILE [--since CURSOR] [--valid-days ${DEFAULT_VALID_DAYS}] [--wait-hours ${DEFAULT_WAIT_HOURS}] [--json]`,
    '  Carries every item queued for the partner (already through the outbound filter), and those sent whose',
    '  receipts did not come back within --wait-hours; with --since (the cursor an earlier export printed) also',
    '  those sent after it still waiting (to cut a lost bundle again). They are marked sent. Prints the next cursor.',
  ].join('\n'),
  options: { partner: { type: 'string' }, out: { type: 'string' }, since: { type: 'string' }, 'valid-days': { type: 'string' }, 'wait-hours': { type: 'string' } },
  async run(ctx, v) {
    if (!v.partner || !v.out) throw new UsageError(`--partner and --out are required\n${this.usage}`);
    const validDays = wholeNumber(v['valid-days'], '--valid-days', 1, 365, DEFAULT_VALID_DAYS);
    const waitHours = wholeNumber(v['wait-hours'], '--wait-hours', 0, 24 * 365, DEFAULT_WAIT_HOURS);
    const s = await ctx.services();
    const started = performance.now();
    const r = await exportBundle(deps(s), await s.seeder.consoleActor(), { partnerId: v.partner, out: v.out, since: v.since, validDays, waitHours, onProgress: progress(ctx, 'sealed') });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    ctx.out.result({ ...r, seconds }, [
      `${r.count.toLocaleString('en')} item${r.count === 1 ? '' : 's'} for ${r.partner} in ${r.file} (${(r.bytes / 1024).toFixed(1)} KiB, ${seconds} s)`,
      `bundle ${r.bundle}, valid until ${r.expiresAt}; carried again after ${r.waitUntil} if no receipts come back`,
      `next cursor: ${r.cursor.next ?? '(none)'}`,
    ].join('\n'));
    return 0;
  },
};

const importCmd: Command = {
  name: 'federation import',
  summary: "Import a partner's offline bundle (and write the receipts to carry back), or a bundle of receipts",
  usage: [
    'ribat federation import FILE [--receipts-out FILE] [--json]',
    '  Checks the manifest against the key pinned for the sender, then hands each envelope to the inbox (the',
    '  same checks, agreements and reason codes as over the network) and writes the signed receipts to',
    '  --receipts-out (default NAME.receipts.bundle beside FILE). A bundle of receipts settles the items it answers.',
    '  Importing a bundle again applies nothing twice (its receipts say duplicate).',
  ].join('\n'),
  options: { 'receipts-out': { type: 'string' } },
  positionals: 1,
  async run(ctx, v, pos) {
    const [file] = pos;
    if (!file) throw new UsageError(`a bundle FILE is required\n${this.usage}`);
    if (!existsSync(file)) throw notFound('file_not_found', `${file}: no such file`);
    const s = await ctx.services();
    const started = performance.now();
    const r = await importBundle(deps(s), await s.seeder.consoleActor(), { file, receiptsOut: v['receipts-out'], onProgress: progress(ctx, 'imported') });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const human =
      r.kind === 'receipts'
        ? `${r.count.toLocaleString('en')} receipts from ${r.from} (${seconds} s): ${r.delivered} delivered, ${r.rejected} rejected, ${r.ignored} already settled or not ours`
        : [
            `${r.count.toLocaleString('en')} envelopes from ${r.from} (${seconds} s): ${r.accepted} accepted, ${r.duplicate} duplicate, ${r.rejected} rejected`,
            ...Object.entries(r.reasons).map(([reason, n]) => `  ${reason}: ${n}`),
            `receipts to carry back to ${r.from}: ${r.receipts.file}`,
          ].join('\n');
    ctx.out.result({ ...r, seconds }, human);
    return r.kind === 'envelopes' && r.rejected > 0 && r.accepted + r.duplicate === 0 ? 1 : 0;
  },
};

const keys: Command = {
  name: 'federation keys',
  summary: "List this node's signing keys, or rotate them (keys rotate)",
  usage: 'ribat federation keys [--json]\nribat federation keys rotate [--overlap-hours 168] [--json]\n  After a rotation, hand the new identity (ribat federation identity) to every partner within the overlap.',
  options: { 'overlap-hours': { type: 'string' } },
  positionals: 1,
  async run(ctx, v, pos) {
    const [sub] = pos;
    if (sub !== undefined && sub !== 'rotate') throw new UsageError(`unknown subcommand "${sub}"\n${this.usage}`);
    const s = await ctx.services();
    const jwks = sub === 'rotate'
      ? await s.federation.rotateKeys(await s.seeder.consoleActor(), wholeNumber(v['overlap-hours'], '--overlap-hours', 0, 24 * 365, s.federation.settings.keyOverlapHours))
      : await s.federation.jwks();
    const current = (await s.federation.identity()).kid;
    const rows = jwks.keys.map((k) => ({ kid: k.kid, state: k.kid === current ? 'signing' : 'accepted', retires: k.exp ? new Date(k.exp * 1000).toISOString() : '' }));
    ctx.out.result({ ...jwks, current }, `${sub === 'rotate' ? `rotated: ${current} signs from now on\n` : ''}${table(rows, ['kid', 'state', 'retires'])}`);
    return 0;
  },
};

/** `ribat federation …`: thin, as the console actor of this node. */
export const federationCommands: Command[] = [identity, partners, agreements, queue, exportCmd, importCmd, keys];
