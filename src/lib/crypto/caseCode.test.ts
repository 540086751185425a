import { describe, expect, it } from 'vitest';
import { loadSodium } from './sodium';
import { formatCaseCode, generateCaseCode, normalizeCaseCode } from './caseCode';

describe('case code', () => {
  it('is 16 decimal digits and differs each time', async () => {
    const sodium = await loadSodium();
    const codes = new Set(Array.from({ length: 200 }, () => generateCaseCode(sodium)));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^\d{16}$/);
  });

  it('uses every digit (no bias to a subset)', async () => {
    const sodium = await loadSodium();
    const seen = new Set(Array.from({ length: 50 }, () => generateCaseCode(sodium)).join(''));
    expect(seen.size).toBe(10);
  });

  it('formats in groups of four and reads back what people type', () => {
    expect(formatCaseCode('4821093755621180')).toBe('4821 0937 5562 1180');
    expect(normalizeCaseCode('4821 0937 5562 1180')).toBe('4821093755621180');
    expect(normalizeCaseCode('4821-0937-5562-1180')).toBe('4821093755621180');
    expect(normalizeCaseCode('4821 0937 5562 118')).toBeNull();
    expect(normalizeCaseCode('4821 0937 5562 118x')).toBeNull();
  });
});
