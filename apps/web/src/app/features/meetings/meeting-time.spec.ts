import { addDays, byDay, isoToVietnamLocal, mondayOf, vietnamClock, vietnamDay, vietnamLocalToIso, weekDays, weekNumber } from './meeting-time';

describe('meeting times in Vietnam', () => {
  it('reads the day and the clock in Hà Nội, whatever the device says', () => {
    expect(vietnamDay('2026-12-06T17:30:00Z')).toBe('2026-12-07');
    expect(vietnamClock('2026-12-07T01:00:00Z')).toBe('08:00');
  });

  it('runs the week Monday to Sunday', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2026-12-10')).toBe('2026-12-07');
    expect(weekDays('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(addDays('2026-12-07', -7)).toBe('2026-11-30');
    expect(weekNumber('2026-12-07')).toBe(50);
    expect(weekNumber('2026-12-28')).toBe(53);
  });

  it('turns a typed local time into the instant and back', () => {
    expect(vietnamLocalToIso('2026-12-07T08:00')).toBe('2026-12-07T01:00:00.000Z');
    expect(isoToVietnamLocal('2026-12-07T01:00:00.000Z')).toBe('2026-12-07T08:00');
  });

  it('groups meetings by day in start order, a meeting over two days on both', () => {
    const days = weekDays('2026-12-07');
    const grouped = byDay(
      [
        { id: 'b', startsAt: '2026-12-07T07:00:00Z', endsAt: '2026-12-07T09:00:00Z' },
        { id: 'a', startsAt: '2026-12-07T01:00:00Z', endsAt: '2026-12-07T03:00:00Z' },
        { id: 'c', startsAt: '2026-12-08T08:00:00Z', endsAt: '2026-12-09T04:00:00Z' },
        { id: 'd', startsAt: '2026-12-09T18:00:00Z', endsAt: '2026-12-09T19:00:00Z' },
      ],
      days,
    );
    expect(grouped.get('2026-12-07')?.map((item) => item.id)).toEqual(['a', 'b']);
    expect(grouped.get('2026-12-08')?.map((item) => item.id)).toEqual(['c']);
    expect(grouped.get('2026-12-09')?.map((item) => item.id)).toEqual(['c']);
    expect(grouped.get('2026-12-10')?.map((item) => item.id)).toEqual(['d']);
  });
});
