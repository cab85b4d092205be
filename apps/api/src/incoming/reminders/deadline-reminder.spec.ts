import { reminderKey, reminderKind, reminderTitle } from './deadline-reminder';

describe('deadline reminders', () => {
  // Friday 27 November 2026: the next working day is Monday 30
  const today = '2026-11-27';
  const next = '2026-11-30';

  it('sorts an open assignment by its due date', () => {
    expect(reminderKind('2026-11-20', today, next)).toBe('incoming.overdue');
    expect(reminderKind('2026-11-26', today, next)).toBe('incoming.overdue');
    expect(reminderKind('2026-11-27', today, next)).toBe('incoming.due-today');
    expect(reminderKind('2026-11-28', today, next)).toBe('incoming.due-soon');
    expect(reminderKind('2026-11-30', today, next)).toBe('incoming.due-soon');
    expect(reminderKind('2026-12-01', today, next)).toBeNull();
  });

  it('writes the title in Vietnamese with the date as dd/MM/yyyy', () => {
    expect(reminderTitle('incoming.overdue', 'Về việc báo cáo', '2026-11-20')).toBe('Quá hạn: Về việc báo cáo (hạn 20/11/2026)');
    expect(reminderTitle('incoming.due-soon', 'Về việc báo cáo', '2026-11-30')).toBe('Sắp đến hạn: Về việc báo cáo (hạn 30/11/2026)');
    expect(reminderTitle('incoming.due-today', 'Về việc báo cáo', '2026-11-27')).toBe('Đến hạn hôm nay: Về việc báo cáo');
  });

  it('keys a reminder by assignment and day', () => {
    expect(reminderKey('a-1', today)).toBe('deadline:a-1:2026-11-27');
    expect(reminderKey('a-1', today)).not.toBe(reminderKey('a-1', next));
  });
});
