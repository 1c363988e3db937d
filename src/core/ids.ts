import { randomBytes } from 'node:crypto';

export type IdGenerator = () => string;

/**
 * UUID version 7 (RFC 9562): time-ordered, so ids sort by creation and serve as
 * stable paging cursors.
 */
export function uuidv7(now: number = Date.now(), random: Uint8Array = randomBytes(10)): string {
  const b = new Uint8Array(16);
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b.set(random.subarray(0, 10), 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Buffer.from(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const newId: IdGenerator = () => uuidv7();

/** Deterministic ids for tests and seeding: same seed, same sequence, still valid v7 ordering. */
export function sequentialIds(start = Date.UTC(2026, 0, 1)): IdGenerator {
  let n = 0;
  return () => {
    n++;
    const r = new Uint8Array(10);
    new DataView(r.buffer).setUint32(6, n);
    return uuidv7(start + n, r);
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID_RE.test(s);
