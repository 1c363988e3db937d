import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CheckResult, checkNotice } from './checks.ts';
import type { NoticeContent, NoticeType } from './notice.ts';
import { redContent } from '../../test/notice-factories.ts';

const TODAY = '2026-03-01';
const run = (type: NoticeType, content: NoticeContent, recipients?: string[]) => checkNotice({ type, content, recipients, today: TODAY });
const codes = (checks: CheckResult[], severity?: string) => checks.filter((c) => !severity || c.severity === severity).map((c) => `${c.code}:${c.field ?? ''}`);
const withOffence = (o: Partial<NoticeContent['offence']>, base = redContent()) => ({ ...base, offence: { ...base.offence, ...o } });

describe('pre-submission checks', () => {
  it('passes a complete red notice with no error and no warning', () => {
    assert.deepEqual(codes(run('red', redContent()), 'error'), []);
    assert.deepEqual(codes(run('red', redContent()), 'warning'), []);
  });

  it('reports each missing mandatory field of a red notice, and blank names count as missing', () => {
    const c = redContent('   ');
    delete c.subject.birthDate;
    c.subject.gender = 'unknown';
    delete c.warrant.reference;
    assert.deepEqual(codes(run('red', c), 'error').sort(), ['missing_mandatory:subject.birthDate', 'missing_mandatory:subject.gender', 'missing_mandatory:subject.names', 'missing_mandatory:warrant.reference']);
  });

  it('notes missing recommended fields without blocking', () => {
    const c = redContent();
    delete c.subject.photoRef;
    const checks = run('red', c);
    assert.deepEqual(codes(checks, 'info'), ['missing_recommended:subject.photoRef']);
    assert.deepEqual(codes(checks, 'error'), []);
  });

  it('refuses a red notice whose offence carries less than two years', () => {
    assert.deepEqual(codes(run('red', withOffence({ maximumPenaltyMonths: 18 })), 'error'), ['red_penalty_below_threshold:offence.maximumPenaltyMonths']);
    assert.deepEqual(codes(run('red', withOffence({ maximumPenaltyMonths: 24 })), 'error'), []);
  });

  it('accepts a short penalty when at least six months of the sentence are left to serve', () => {
    assert.deepEqual(codes(run('red', withOffence({ maximumPenaltyMonths: 12, sentenceRemainingMonths: 6 })), 'error'), []);
    assert.deepEqual(codes(run('red', withOffence({ maximumPenaltyMonths: 12, sentenceRemainingMonths: 5 })), 'error'), ['red_penalty_below_threshold:offence.maximumPenaltyMonths']);
  });

  it('refuses a warrant dated in the future', () => {
    const c = redContent();
    c.warrant.date = '2026-03-02';
    assert.deepEqual(codes(run('red', c), 'error'), ['warrant_date_in_future:warrant.date']);
    c.warrant.date = TODAY;
    assert.deepEqual(codes(run('red', c), 'error'), []);
  });

  it('requires recipients for a diffusion only', () => {
    const c = { ...redContent(), requestedAction: 'Locate' };
    assert.deepEqual(codes(run('diffusion', c), 'error'), ['no_recipients:recipients']);
    assert.deepEqual(codes(run('diffusion', c, ['a']), 'error'), []);
  });

  it('flags an offence category of a political, military or religious character', () => {
    assert.deepEqual(run('red', withOffence({ category: 'political_offence' })).filter((c) => c.code === 'article3_risk').map((c) => c.params?.kind), ['political']);
    assert.deepEqual(codes(run('red', withOffence({ category: 'fraud' })), 'warning'), []);
  });

  const WORDING: Array<[string, string, string, string]> = [
    ['en', 'Organised a political demonstration against the government', 'Stole three cars from a parking lot in Casablanca', 'political'],
    ['fr', 'Désertion de son unité pendant le service militaire', 'Vol de trois véhicules dans un parking de Casablanca', 'military'],
    ['es', 'Acusado de blasfemia en una publicación', 'Robo de tres vehículos en un aparcamiento de Casablanca', 'religious'],
    ['ar', 'الإساءة إلى قبيلة منافسة بخطاب عنصري', 'سرقة ثلاث سيارات من موقف في الدار البيضاء', 'racial'],
  ];
  for (const [lang, bad, good, kind] of WORDING) {
    it(`flags Article 3 wording in ${lang} and leaves ordinary crime wording alone`, () => {
      const flagged = run('red', withOffence({ description: bad })).filter((c) => c.code === 'article3_risk');
      assert.ok(flagged.length >= 1, bad);
      assert.ok(flagged.every((c) => c.severity === 'warning' && c.field === 'offence.description'));
      assert.ok(flagged.some((c) => c.params?.kind === kind && c.params?.lang === lang));
      assert.deepEqual(run('red', withOffence({ description: good })).filter((c) => c.code === 'article3_risk'), []);
    });
  }
});
