import { dueOccurrence, isoWeekday, nextOccurrence, occurrenceOnOrAfter } from './recurrence-dates';

describe('recurring task dates', () => {
  it('knows the weekday', () => {
    expect(isoWeekday('2026-11-30')).toBe(1); // Monday
    expect(isoWeekday('2026-12-06')).toBe(7); // Sunday
    expect(isoWeekday('1970-01-01')).toBe(4);
  });

  it('finds the weekly day on or after a date', () => {
    expect(occurrenceOnOrAfter('weekly', 5, '2026-11-30')).toBe('2026-12-04');
    expect(occurrenceOnOrAfter('weekly', 1, '2026-11-30')).toBe('2026-11-30');
    expect(nextOccurrence('weekly', 1, '2026-11-30')).toBe('2026-12-07');
  });

  it('finds the monthly day, across the end of the year', () => {
    expect(occurrenceOnOrAfter('monthly', 25, '2026-11-30')).toBe('2026-12-25');
    expect(occurrenceOnOrAfter('monthly', 25, '2026-12-26')).toBe('2027-01-25');
    expect(occurrenceOnOrAfter('monthly', 5, '2026-12-05')).toBe('2026-12-05');
    expect(nextOccurrence('monthly', 28, '2027-01-28')).toBe('2027-02-28');
  });

  it('gives only the latest missed occurrence, then continues after it', () => {
    expect(dueOccurrence('weekly', 1, '2026-12-07', '2026-12-06')).toBeNull();
    expect(dueOccurrence('weekly', 1, '2026-12-07', '2026-12-07')).toEqual({ on: '2026-12-07', next: '2026-12-14' });
    expect(dueOccurrence('weekly', 1, '2026-11-16', '2026-12-08')).toEqual({ on: '2026-12-07', next: '2026-12-14' });
    expect(dueOccurrence('monthly', 10, '2026-10-10', '2026-12-09')).toEqual({ on: '2026-11-10', next: '2026-12-10' });
  });
});
