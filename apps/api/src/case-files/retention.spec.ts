import { addDays, addYears, handoverDueOn, mustBeHandedOver, retentionExpiresOn, retentionLabel, toRetention, toRetentionYears } from './retention';

describe('retention and the archive time limits', () => {
  it('stores permanent as no number of years', () => {
    expect(toRetention(null)).toBe('permanent');
    expect(toRetention(20)).toBe(20);
    expect(toRetentionYears('permanent')).toBeNull();
    expect(retentionLabel('permanent')).toBe('Vĩnh viễn');
    expect(retentionLabel(20)).toBe('20 năm');
  });

  it('hands over files kept five years or more, within a year of their end', () => {
    expect(mustBeHandedOver(2)).toBe(false);
    expect(mustBeHandedOver(5)).toBe(true);
    expect(mustBeHandedOver(null)).toBe(true);
    expect(handoverDueOn('2026-03-15', 10)).toBe('2027-03-15');
    expect(handoverDueOn('2026-03-15', 3)).toBeNull();
    expect(handoverDueOn(null, 10)).toBeNull();
  });

  it('counts years and days on calendar dates', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addDays('2027-03-15', -30)).toBe('2027-02-13');
    expect(retentionExpiresOn('2026-01-10', 5)).toBe('2031-01-10');
    expect(retentionExpiresOn('2026-01-10', null)).toBeNull();
  });
});
