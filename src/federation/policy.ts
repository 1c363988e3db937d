/**
 * The outbound policy filter: at the node's boundary, whatever code path produced an item, it
 * leaves for a partner only under an agreement in force that covers its category and handling
 * code. Every refusal carries its reason; every acceptance names the clause that allows it.
 * The same rule read from the other side checks what a partner sends us.
 */
import { TLP_LEVELS, type TlpLevel } from '../core/handling.ts';
import type { Agreement, Direction, OutboundItem, PartnerNode, RejectReason } from './federation.ts';

export type Decision = { send: true; agreement: Agreement } | { send: false; reason: RejectReason; agreement?: Agreement; detail: string };

const rank = (t: TlpLevel) => TLP_LEVELS.indexOf(t);

const inForce = (a: Agreement, today: string) => !a.suspended && a.validFrom <= today && (a.validTo === null || today <= a.validTo);

/**
 * Whether `item` may cross to (outbound) or from (inbound) `partner` on `today` (ISO date),
 * and under which agreement. `self` is this node's id (to tell our items from forwarded ones).
 */
export function decide(item: OutboundItem, partner: PartnerNode, agreements: readonly Agreement[], today: string, self: string, direction: Direction = 'outbound'): Decision {
  if (partner.suspended) return { send: false, reason: 'partner_suspended', detail: `partner ${partner.id} is suspended` };
  const mine = agreements.filter((a) => a.partner === partner.id && a.direction === direction);
  const covering = mine.filter((a) => a.categories.includes(item.category));
  if (covering.length === 0) {
    return { send: false, reason: 'not_in_agreement', detail: mine.length === 0 ? `no ${direction} agreement with ${partner.id}` : `no ${direction} agreement with ${partner.id} covers ${item.category}` };
  }
  const current = covering.filter((a) => inForce(a, today));
  if (current.length === 0) {
    const a = covering[0];
    return { send: false, reason: 'agreement_not_in_force', agreement: a, detail: a.suspended ? `agreement ${a.clause} is suspended` : `agreement ${a.clause} is valid ${a.validFrom}–${a.validTo ?? '…'}, not on ${today}` };
  }
  const high = current.filter((a) => rank(item.tlp) <= rank(a.maxTlp));
  if (high.length === 0) {
    const best = current.reduce((x, y) => (rank(y.maxTlp) > rank(x.maxTlp) ? y : x));
    return { send: false, reason: 'handling_exceeds_agreement', agreement: best, detail: `TLP:${item.tlp} is above TLP:${best.maxTlp}, the most ${best.clause} covers` };
  }
  // AMBER+STRICT and RED go only to agencies the owner named, whatever the agreement says; so
  // does an item the owner restricted to named agencies (a diffusion to its addressees), as
  // visibleToAgency reads it inside a node
  const namedOnly = item.tlp === 'AMBER+STRICT' || item.tlp === 'RED' || item.restrictedTo.length > 0;
  if (namedOnly && !item.restrictedTo.some((code) => partner.agencies.includes(code))) {
    const why = item.tlp === 'AMBER+STRICT' || item.tlp === 'RED' ? `TLP:${item.tlp}` : `restricted to ${item.restrictedTo.slice(0, 5).join(', ')}`;
    return { send: false, reason: 'restricted_to_named_agencies', agreement: high[0], detail: direction === 'outbound' ? `${why}: the owner named no agency of ${partner.id}` : `${why}: the owner named no agency of this node` };
  }
  // an item we received from another node leaves again only if that node's agreement let us pass it on
  if (item.ownerNode !== self && direction === 'outbound') {
    const forward = high.filter((a) => a.mayForward);
    if (forward.length === 0) return { send: false, reason: 'forwarding_not_allowed', agreement: high[0], detail: `the item belongs to ${item.ownerNode}; ${high[0].clause} does not allow passing items on` };
    return { send: true, agreement: forward[0] };
  }
  return { send: true, agreement: high[0] };
}

/** One line per partner: who will receive the item, under which clause, and who will not and why. */
export function preview(item: OutboundItem, partners: readonly PartnerNode[], agreements: readonly Agreement[], today: string, self: string) {
  return partners.map((p) => ({ partner: p.id, decision: decide(item, p, agreements, today, self) }));
}
