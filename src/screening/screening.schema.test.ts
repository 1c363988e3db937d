import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { PersonCandidateSchema, projector } from './screening.schema.ts';

describe('response projector', () => {
  const schema = Type.Object({
    id: Type.String(),
    holder: Type.Union([Type.Object({ id: Type.String() }), Type.Null()]),
    note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    tags: Type.Array(Type.Object({ v: Type.Number() })),
  });
  const project = projector(schema);

  it('keeps what the schema declares and nothing else, at every depth', () => {
    const v = { id: 'r1', secret: 'x', holder: { id: 'h1', internal: 1 }, tags: [{ v: 1, w: 2 }] };
    assert.deepEqual(project(v), { id: 'r1', holder: { id: 'h1' }, tags: [{ v: 1 }] });
    assert.deepEqual(project({ id: 'r1', holder: null, note: null, tags: [] }), { id: 'r1', holder: null, note: null, tags: [] });
  });

  it('throws on a missing required property or a value of no declared type, as the serializer does', () => {
    assert.throws(() => project({ holder: null, tags: [] }), /"id" is required/);
    assert.throws(() => project({ id: 'r1', holder: 'h1', tags: [] }), /fits none/);
  });

  it('writes a person candidate as Fastify would (PersonCandidateSchema)', () => {
    const factor = { query: null, record: [], effect: 'unknown', delta: 0 };
    const c = {
      id: 'p1',
      score: 0.91,
      alert: true,
      matchedName: 'Ivan Petrov',
      displayName: 'Ivan Petrov',
      ownerAgencyCode: 'MAR-DGSN',
      ownerAgencyId: 'not sent',
      tlp: 'AMBER',
      explanation: {
        matchedName: { value: 'Ivan Petrov', type: 'primary', script: 'latin' },
        nameScore: 1,
        commonNamePenalty: 0,
        tokens: [{ query: 'ivan', matched: 'ivan', how: 'exact', score: 1, weight: 0.5, debug: 'not sent' }],
        unmatchedRecordTokens: [],
        birthDate: factor,
        nationality: factor,
        gender: factor,
      },
    };
    const out = projector(PersonCandidateSchema)(c) as Record<string, any>;
    assert.equal('ownerAgencyId' in out, false);
    assert.equal('debug' in out.explanation.tokens[0], false);
    assert.deepEqual(out.explanation.birthDate, factor);
  });
});
