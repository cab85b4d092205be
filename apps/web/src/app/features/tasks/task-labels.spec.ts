import { TASK_PRIORITY_LABELS, taskStateLabel, vietnameseDate } from './task-labels';

describe('task labels', () => {
  it('writes dates as Vietnamese forms do', () => {
    expect(vietnameseDate('2026-12-05')).toBe('05/12/2026');
    expect(vietnameseDate('2026-12-05T02:00:00.000Z')).toBe('05/12/2026');
    expect(vietnameseDate(null)).toBe('');
  });

  it('names states and priorities in both languages', () => {
    expect(taskStateLabel('completed')).toEqual({ vi: 'Chờ nghiệm thu', en: 'Waiting for acceptance' });
    expect(TASK_PRIORITY_LABELS.urgent.vi).toBe('Khẩn');
  });
});
