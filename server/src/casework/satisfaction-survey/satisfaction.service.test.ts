import { describe, expect, it } from 'vitest';
import { RatingMethod, RatingSource, SatisfactionRating } from './satisfaction-survey.entity.js';
import { normalizeTrackingCode, rate, ratingConsequence, ratingMethodFor } from './satisfaction.service.js';

const { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED } = SatisfactionRating;

describe('satisfaction rules (SV1, SV2, SV3)', () => {
  it('reopens a letter on its first 不满意 and escalates on the second (SV2)', () => {
    const fresh = { reopenCount: 0, earlierDissatisfied: 0, canReopen: true };
    expect(ratingConsequence(SATISFIED, fresh)).toBe('NONE');
    expect(ratingConsequence(BASICALLY_SATISFIED, fresh)).toBe('NONE');
    expect(ratingConsequence(DISSATISFIED, fresh)).toBe('REOPEN');
    expect(ratingConsequence(DISSATISFIED, { reopenCount: 1, earlierDissatisfied: 1, canReopen: true })).toBe('ESCALATE');
    // reopened once for another reason: a 不满意 can no longer reopen it
    expect(ratingConsequence(DISSATISFIED, { reopenCount: 1, earlierDissatisfied: 0, canReopen: true })).toBe('ESCALATE');
    // after 复核 the letter is not handled again
    expect(ratingConsequence(DISSATISFIED, { reopenCount: 0, earlierDissatisfied: 0, canReopen: false })).toBe('ESCALATE');
    expect(ratingConsequence(SATISFIED, { reopenCount: 1, earlierDissatisfied: 1, canReopen: false })).toBe('NONE');
  });

  it('records how a rating was made: staff by phone or visit, a writer on a form (SV1)', () => {
    expect(ratingMethodFor(RatingSource.STAFF, RatingMethod.PHONE)).toBe(RatingMethod.PHONE);
    expect(ratingMethodFor(RatingSource.STAFF, RatingMethod.VISIT)).toBe(RatingMethod.VISIT);
    expect(() => ratingMethodFor(RatingSource.STAFF, null)).toThrow(/method/);
    expect(() => ratingMethodFor(RatingSource.STAFF, RatingMethod.ONLINE)).toThrow(/method/);
    expect(ratingMethodFor(RatingSource.WRITER, null)).toBe(RatingMethod.FORM);
    expect(ratingMethodFor(RatingSource.WRITER, RatingMethod.FORM)).toBe(RatingMethod.FORM);
    expect(() => ratingMethodFor(RatingSource.WRITER, RatingMethod.ONLINE)).toThrow(/查询码/);
  });

  it('computes a rate to four decimals, none without a denominator (SV3)', () => {
    expect(rate(5, 6)).toBe(0.8333);
    expect(rate(2, 2)).toBe(1);
    expect(rate(0, 3)).toBe(0);
    expect(rate(0, 0)).toBeNull();
  });

  it('reads a tracking code as printed (SV1)', () => {
    expect(normalizeTrackingCode('abcd-efgh-2345')).toBe('ABCDEFGH2345');
    expect(normalizeTrackingCode(' ABCD EFGH 2345 ')).toBe('ABCDEFGH2345');
    // 0, 1, I, L and O are never in a code
    expect(normalizeTrackingCode('ABCDEFGH2340')).toBeNull();
    expect(normalizeTrackingCode('ABCDEFGH234')).toBeNull();
  });
});
