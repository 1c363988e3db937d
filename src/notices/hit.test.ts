import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertOutcome, followUpDue, HIT_OUTCOMES, HIT_STATUSES, type HitOutcome, type HitStatus, hitUrgency, noticeMoveFor } from './hit.ts';
import { nextState } from './lifecycle.ts';
import { NOTICE_STATES, NOTICE_TYPES } from './notice.ts';

describe('hit rules', () => {
  it('allows exactly these outcomes from each status, for every status and outcome', () => {
    const allowed: Record<HitStatus, HitOutcome[]> = {
      open: ['confirmed', 'not_same_person', 'located', 'arrested'],
      confirmed: ['located', 'arrested'],
      located: ['arrested'],
      arrested: [],
      not_same_person: [],
    };
    for (const from of HIT_STATUSES) {
      for (const to of HIT_OUTCOMES) {
        if (allowed[from].includes(to)) assert.doesNotThrow(() => assertOutcome(from, to), `${from} → ${to}`);
        else assert.throws(() => assertOutcome(from, to), { code: 'illegal_hit_outcome', status: 409 }, `${from} → ${to}`);
      }
    }
  });

  it('follows red and urgent notices up as urgent, everything else as normal', () => {
    for (const type of NOTICE_TYPES) {
      assert.equal(hitUrgency(type, 'urgent'), 'urgent');
      assert.equal(hitUrgency(type, 'normal'), type === 'red' ? 'urgent' : 'normal');
    }
    const t = new Date('2026-03-01T09:00:00Z');
    assert.equal(followUpDue('urgent', t).toISOString(), '2026-03-01T17:00:00.000Z');
    assert.equal(followUpDue('normal', t).toISOString(), '2026-03-08T09:00:00.000Z');
  });

  it('asks the notice only for moves its lifecycle allows, in every state', () => {
    for (const state of NOTICE_STATES) {
      for (const outcome of HIT_OUTCOMES) {
        for (const others of [0, 1]) {
          let s: string = state;
          for (const move of noticeMoveFor(outcome, state, others)) s = nextState('red', s as never, move);
          if (outcome === 'not_same_person') assert.equal(s, state === 'hit_reported' && others === 0 ? 'published' : state);
          else if (outcome === 'confirmed') assert.equal(s, state);
          else assert.equal(s, state === 'hit_reported' || state === 'published' ? 'located' : state);
        }
      }
    }
  });
});
