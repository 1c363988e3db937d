import { Type } from 'typebox';

/** A timestamp: a Date in code, an RFC 3339 string on the wire. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
