import { assignmentDue, daysBetween, deadlineText, workingDaysPreview } from './deadline-text';

describe('deadline words', () => {
  it('counts calendar days across months, years and summer time', () => {
    expect(daysBetween('2026-11-30', '2026-12-07')).toBe(7);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-07', '2026-11-30')).toBe(-7);
    expect(daysBetween('07/12/2026', '2026-11-30')).toBeNull();
  });

  it('says how long is left, that it is today, or how late it is', () => {
    expect(deadlineText('2026-12-07', 'pending', '2026-11-30')).toEqual({ key: 'incoming.deadline.left', params: { days: 7 } });
    expect(deadlineText('2026-11-30', 'in_progress', '2026-11-30')).toEqual({ key: 'incoming.deadline.today' });
    expect(deadlineText('2026-11-27', 'pending', '2026-11-30')).toEqual({ key: 'incoming.deadline.overdue', params: { days: 3 } });
  });

  it('says nothing when there is no deadline or the part is finished', () => {
    expect(deadlineText(null, 'pending', '2026-11-30')).toBeNull();
    expect(deadlineText('2026-11-27', 'done', '2026-11-30')).toBeNull();
    expect(deadlineText('2026-11-27', 'returned', '2026-11-30')).toBeNull();
  });

  it('marks open parts overdue or due soon, finished ones not at all', () => {
    expect(assignmentDue('2026-11-27', 'pending', '2026-11-30')).toBe('overdue');
    expect(assignmentDue('2026-12-02', 'in_progress', '2026-11-30')).toBe('soon');
    expect(assignmentDue('2026-12-20', 'pending', '2026-11-30')).toBe('later');
    expect(assignmentDue('2026-11-27', 'done', '2026-11-30')).toBeNull();
  });

  it('previews working days with the date in dd/MM/yyyy', () => {
    expect(workingDaysPreview(5, '2026-12-07')).toEqual({ key: 'incoming.direction.workingDaysPreview', params: { days: 5, date: '07/12/2026' } });
  });
});
