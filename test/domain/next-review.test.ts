import { describe, expect, it } from 'vitest';
import { nextReviewBy } from '../../src/domain/deadlines.js';

describe('nextReviewBy', () => {
  it('is the latest review’s agreed next date, else its date plus the cadence, else null', () => {
    expect(nextReviewBy({ heldOn: '2022-11-07', nextReviewOn: '2023-03-14' }, 4)).toBe('2023-03-14');
    expect(nextReviewBy({ heldOn: '2022-11-07', nextReviewOn: null }, 4)).toBe('2023-03-07');
    expect(nextReviewBy({ heldOn: '2022-10-31', nextReviewOn: null }, 4)).toBe('2023-02-28');
    expect(nextReviewBy({ heldOn: '2022-11-07', nextReviewOn: null }, null)).toBeNull();
    expect(nextReviewBy(null, 4)).toBeNull();
    expect(nextReviewBy(undefined, undefined)).toBeNull();
  });
});
