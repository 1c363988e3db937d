import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../core/errors.ts';
import { allowedActions, NOTICE_ACTIONS, type NoticeAction, nextState } from './lifecycle.ts';
import { NOTICE_STATES, NOTICE_TYPES, type NoticeState, type NoticeType } from './notice.ts';

/** The whole table, written out once by hand: state → action → next state, for a reviewed notice. */
const REVIEWED: Record<NoticeState, Partial<Record<NoticeAction, NoticeState>>> = {
  draft: { submit: 'submitted', withdraw: 'cancelled' },
  submitted: { start_review: 'under_review', withdraw: 'cancelled' },
  under_review: { publish: 'published', refuse: 'refused', return: 'returned' },
  returned: { submit: 'submitted', withdraw: 'cancelled' },
  refused: {},
  published: { report_hit: 'hit_reported', cancel: 'cancelled', renew: 'published', expire: 'expired' },
  hit_reported: { report_hit: 'hit_reported', clear_hits: 'published', locate: 'located', cancel: 'cancelled', renew: 'hit_reported', expire: 'expired' },
  located: { report_hit: 'located', cancel: 'cancelled', renew: 'located', expire: 'expired' },
  cancelled: {},
  expired: {},
};

/** A diffusion: submitting publishes; the hub's review actions do not exist. */
const DIFFUSION: Record<NoticeState, Partial<Record<NoticeAction, NoticeState>>> = {
  ...REVIEWED,
  draft: { submit: 'published', withdraw: 'cancelled' },
  submitted: { withdraw: 'cancelled' },
  under_review: {},
  returned: { submit: 'published', withdraw: 'cancelled' },
};

function outcome(type: NoticeType, state: NoticeState, action: NoticeAction): NoticeState | string {
  try {
    return nextState(type, state, action);
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.equal(e.status, 409);
    return e.code;
  }
}

describe('notice lifecycle', () => {
  for (const type of NOTICE_TYPES) {
    const table = type === 'diffusion' ? DIFFUSION : REVIEWED;
    it(`${type}: every state × every action gives the table's next state or illegal_transition`, () => {
      let checked = 0;
      for (const state of NOTICE_STATES) {
        for (const action of NOTICE_ACTIONS) {
          assert.equal(outcome(type, state, action), table[state][action] ?? 'illegal_transition', `${type} ${state} ${action}`);
          checked++;
        }
      }
      assert.equal(checked, NOTICE_STATES.length * NOTICE_ACTIONS.length);
    });
  }

  it('refuses to publish a draft that was never reviewed, and says which state and action', () => {
    assert.throws(() => nextState('red', 'draft', 'publish'), (e: AppError) => e.code === 'illegal_transition' && e.details?.state === 'draft' && e.details?.action === 'publish');
  });

  it('lists the actions a state allows (what the notice page offers)', () => {
    assert.deepEqual(allowedActions('red', 'under_review'), ['publish', 'refuse', 'return']);
    assert.deepEqual(allowedActions('diffusion', 'draft'), ['submit', 'withdraw']);
    assert.deepEqual(allowedActions('red', 'cancelled'), []);
  });
});
