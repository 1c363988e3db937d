import { describe, expect, it } from 'vitest';
import { formatSize } from './format-size.ts';

describe('formatSize', () => {
  it('writes bytes with a unit that agrees with the number, in each language', () => {
    expect(formatSize(1, 'en')).toBe('1 byte');
    expect(formatSize(61, 'en')).toBe('61 bytes');
    expect(formatSize(61, 'fr').replace(/\s/g, ' ')).toBe('61 octets');
    expect(formatSize(61, 'es')).toBe('61 bytes');
    expect(formatSize(61, 'ar')).toBe(new Intl.NumberFormat('ar', { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(61));
    expect(formatSize(61, 'ar')).not.toMatch(/byte/);
  });

  it('keeps the symbols of kilobytes and megabytes', () => {
    expect(formatSize(1500, 'en')).toBe('1.5 kB');
    expect(formatSize(2_500_000, 'en')).toBe('2.5 MB');
    expect(formatSize(2_500_000, 'fr').replace(/\s/g, ' ')).toBe('2,5 Mo');
  });
});
