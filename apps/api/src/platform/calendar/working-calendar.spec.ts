import { addDays, endOfVietnamDay, isWeekend } from './calendar-date';
import { CalendarExceptionDay, exceptionRefusal, WorkingCalendar } from './working-calendar';

const vn = (local: string) => new Date(`${local}+07:00`);
const dayOff = (date: string, name = 'Nghỉ theo thông báo'): CalendarExceptionDay => ({ id: `off-${date}`, date, kind: 'day_off', name });
const workDay = (date: string, name = 'Làm bù'): CalendarExceptionDay => ({ id: `work-${date}`, date, kind: 'working_day', name });

describe('WorkingCalendar by the rule alone', () => {
  const calendar = new WorkingCalendar([]);

  it('works Monday to Friday and rests on weekends and public holidays', () => {
    expect(calendar.isWorkingDay('2026-03-13')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-03-15')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-02')).toBe(true);
  });

  it('rests on 30/04 and 01/05/2026 (Thursday and Friday) and works again on Monday 04/05', () => {
    expect(['2026-04-29', '2026-04-30', '2026-05-01', '2026-05-04'].map((date) => calendar.isWorkingDay(date))).toEqual([true, false, false, true]);
    expect(calendar.addWorkingDays(vn('2026-04-29T09:00:00'), 1)).toBe('2026-05-04');
  });

  it('rests on Monday 27/04/2026 for Hùng Kings’ day on Sunday 26/04', () => {
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.addWorkingDays(vn('2026-04-24T10:00:00'), 1)).toBe('2026-04-28');
    expect(calendar.addWorkingDays(vn('2026-04-24T10:00:00'), 3)).toBe('2026-05-04');
  });

  it('rests on Hùng Kings’ day 07/04/2025 (a Monday) and on Monday 01 and Tuesday 02/09/2025', () => {
    expect(calendar.isWorkingDay('2025-04-07')).toBe(false);
    expect(['2025-08-29', '2025-09-01', '2025-09-02', '2025-09-03'].map((date) => calendar.isWorkingDay(date))).toEqual([true, false, false, true]);
    expect(calendar.addWorkingDays(vn('2025-08-29T15:00:00'), 1)).toBe('2025-09-03');
  });

  it('counts 5 working days from Friday 16:00 across the weekend: due the next Friday', () => {
    expect(calendar.addWorkingDays(vn('2026-03-13T16:00:00'), 5)).toBe('2026-03-20');
    expect(calendar.addWorkingDays(vn('2026-03-13T16:00:00'), 1)).toBe('2026-03-16');
  });

  it('counts from the date in Vietnam: 00:30 Friday in Hà Nội is still Thursday in UTC', () => {
    expect(calendar.addWorkingDays(new Date('2026-03-12T16:30:00Z'), 1)).toBe('2026-03-13'); // Thursday 23:30 in Vietnam
    expect(calendar.addWorkingDays(new Date('2026-03-12T17:30:00Z'), 1)).toBe('2026-03-16'); // Friday 00:30 in Vietnam
  });

  it('with 0 working days: the same day if worked, else the next working day', () => {
    expect(calendar.addWorkingDays(vn('2026-03-13T16:00:00'), 0)).toBe('2026-03-13');
    expect(calendar.addWorkingDays(vn('2026-03-14T08:00:00'), 0)).toBe('2026-03-16');
    expect(calendar.addWorkingDays(vn('2026-02-17T08:00:00'), 0)).toBe('2026-02-23');
  });

  it('crosses Tết 2026 (Monday 16 to Friday 20/02)', () => {
    expect(calendar.addWorkingDays(vn('2026-02-13T16:00:00'), 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays(vn('2026-02-13T16:00:00'), 3)).toBe('2026-02-25');
    expect(calendar.addWorkingDays(vn('2026-02-10T09:00:00'), 3)).toBe('2026-02-13');
    expect(calendar.addWorkingDays(vn('2026-02-10T09:00:00'), 5)).toBe('2026-02-24');
  });

  it('crosses Tết 2025, with Saturday 01/02 compensated on Monday 03/02', () => {
    expect(calendar.addWorkingDays(vn('2025-01-24T16:00:00'), 1)).toBe('2025-01-27');
    expect(calendar.addWorkingDays(vn('2025-01-24T16:00:00'), 2)).toBe('2025-02-04');
    expect(calendar.addWorkingDays(vn('2025-01-24T16:00:00'), 3)).toBe('2025-02-05');
  });

  it('crosses Tết 2027, whose Saturday and Sunday are compensated on Wednesday 10 and Thursday 11/02', () => {
    expect(calendar.addWorkingDays(vn('2027-02-04T10:00:00'), 1)).toBe('2027-02-12');
    expect(calendar.addWorkingDays(vn('2027-02-04T10:00:00'), 2)).toBe('2027-02-15');
  });

  it('crosses the new year', () => {
    expect(calendar.addWorkingDays(vn('2026-12-30T10:00:00'), 2)).toBe('2027-01-04'); // 31/12 Thu, 01/01 holiday Fri, weekend
    expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
  });

  it('counts working days between two dates (after the first, up to and including the second)', () => {
    expect(calendar.workingDaysBetween('2026-03-13', '2026-03-20')).toBe(5);
    expect(calendar.workingDaysBetween('2026-03-13', '2026-03-13')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-13', '2026-03-15')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-20', '2026-03-13')).toBe(-5);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(calendar.workingDaysBetween('2026-01-01', '2026-12-31')).toBe(250);
  });

  it('lands addWorkingDays on the day workingDaysBetween counted to, for every pair across 2025–2027', () => {
    const working: string[] = [];
    for (let date = '2025-01-01'; date <= '2027-12-31'; date = addDays(date, 1)) if (calendar.isWorkingDay(date)) working.push(date);
    for (let index = 0; index < working.length; index += 37)
      for (const step of [0, 1, 2, 5, 10, 22, 60, 200]) {
        const to = working[index + step];
        if (!to) continue;
        expect(calendar.addWorkingDays(endOfVietnamDay(working[index]), calendar.workingDaysBetween(working[index], to))).toBe(to);
      }
  });

  it('lists every non-working day of a year: the weekends and 11 weekdays of holidays', () => {
    const days = calendar.nonWorkingDays(2026);
    expect(days).toHaveLength(104 + 11);
    expect(days.filter((date) => !isWeekend(date))).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('refuses a negative or fractional count and a date outside the calendar', () => {
    expect(() => calendar.addWorkingDays(new Date(), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2101-01-03')).toThrow(RangeError);
  });
});

describe('WorkingCalendar with the admin’s exceptions', () => {
  it('moves a deadline for a day off and a swapped Saturday', () => {
    // Monday 04/05/2026 off, worked instead on Saturday 09/05 (a bridge after 30/04–01/05)
    const calendar = new WorkingCalendar([dayOff('2026-05-04', 'Nghỉ hoán đổi'), workDay('2026-05-09', 'Làm bù cho thứ Hai 04/05')]);
    expect(calendar.isWorkingDay('2026-05-04')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-09')).toBe(true);
    expect(calendar.addWorkingDays(vn('2026-04-29T09:00:00'), 1)).toBe('2026-05-05');
    expect(calendar.addWorkingDays(vn('2026-04-29T09:00:00'), 5)).toBe('2026-05-09');
    expect(calendar.addWorkingDays(vn('2026-05-08T16:00:00'), 1)).toBe('2026-05-09');
    expect(calendar.workingDaysBetween('2026-05-08', '2026-05-11')).toBe(2);
  });

  it('records the Government’s Tết 2020 (Thursday 23 to Wednesday 29/01) over the default rule', () => {
    const rule = new WorkingCalendar([]);
    const weekdaysOff = (calendar: WorkingCalendar) => calendar.nonWorkingDays(2020).filter((date) => date.startsWith('2020-01-2') || date.startsWith('2020-01-3')).filter((date) => !isWeekend(date));
    expect(weekdaysOff(rule)).toEqual(['2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30']);
    // 29 tháng Chạp was announced as the first day; the rule's second compensation day is worked instead
    const announced = new WorkingCalendar([dayOff('2020-01-23', 'Tết Nguyên đán (29 tháng Chạp)'), workDay('2020-01-30', 'Đi làm theo thông báo')]);
    expect(weekdaysOff(announced)).toEqual(['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29']);
  });

  it('lists the year with the admin’s entries winning on their dates, in date order', () => {
    const calendar = new WorkingCalendar([workDay('2026-04-27', 'Đi làm, nghỉ bù chuyển sang 04/05'), dayOff('2026-05-04'), workDay('2026-05-09')]);
    const days = calendar.yearDays(2026).filter((day) => day.date >= '2026-04-01' && day.date <= '2026-05-31');
    expect(days).toEqual([
      { date: '2026-04-26', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)', source: 'rule', id: null, working: false },
      { date: '2026-04-27', kind: 'working_day', name: 'Đi làm, nghỉ bù chuyển sang 04/05', source: 'admin', id: 'work-2026-04-27', working: true },
      { date: '2026-04-30', kind: 'holiday', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước', source: 'rule', id: null, working: false },
      { date: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động', source: 'rule', id: null, working: false },
      { date: '2026-05-04', kind: 'day_off', name: 'Nghỉ theo thông báo', source: 'admin', id: 'off-2026-05-04', working: false },
      { date: '2026-05-09', kind: 'working_day', name: 'Làm bù', source: 'admin', id: 'work-2026-05-09', working: true },
    ]);
    expect(calendar.yearDays(2027).some((day) => day.source === 'admin')).toBe(false);
  });
});

describe('exceptionRefusal', () => {
  it('refuses a working day on a weekday that is worked anyway', () => {
    expect(exceptionRefusal('2026-03-11', 'working_day')).toBe('already_working');
  });

  it('accepts a working day on a weekend day or on a weekday the rule makes a holiday', () => {
    expect(exceptionRefusal('2026-05-09', 'working_day')).toBeNull();
    expect(exceptionRefusal('2026-04-27', 'working_day')).toBeNull();
    expect(exceptionRefusal('2026-09-01', 'working_day')).toBeNull();
  });

  it('refuses a day off on a weekend day or a holiday, accepts it on an ordinary weekday', () => {
    expect(exceptionRefusal('2026-03-14', 'day_off')).toBe('weekend_already_off');
    expect(exceptionRefusal('2026-02-17', 'day_off')).toBe('holiday_already_off');
    expect(exceptionRefusal('2026-03-11', 'day_off')).toBeNull();
  });
});
