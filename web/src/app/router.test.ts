import { describe, expect, it } from 'vitest';
import { parseHash, pathFor } from './router.tsx';

describe('hash router', () => {
  it('parses segments and query', () => {
    const r = parseHash('#/records/abc%2F1?kind=person&q=ali');
    expect(r.segments).toEqual(['records', 'abc/1']);
    expect(r.query.get('kind')).toBe('person');
    expect(r.query.get('q')).toBe('ali');
    expect(parseHash('').segments).toEqual([]);
  });

  it('builds paths without empty query values', () => {
    expect(pathFor(['audit'], { subjectId: 'x', action: '' })).toBe('/audit?subjectId=x');
    expect(pathFor(['records', 'a b'])).toBe('/records/a%20b');
  });
});
