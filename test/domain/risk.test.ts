// The risk score rule: likelihood × impact and its band.
import { describe, expect, it } from 'vitest';
import { riskBand, riskScore } from '../../src/domain/risk.js';

describe('risk score', () => {
  it('is likelihood times impact, 1 to 25', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(5, 5)).toBe(25);
  });
  it('falls in a band at 4, 8 and 15', () => {
    expect([1, 3, 4, 7, 8, 14, 15, 25].map(riskBand)).toEqual(['minimal', 'minimal', 'low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});
