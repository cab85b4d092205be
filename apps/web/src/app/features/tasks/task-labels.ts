import { TASK_STATE_LABELS, TaskPriority, TaskState } from '@app/contracts';
import { BilingualLabel } from '../../core/i18n/language';

export const TASK_PRIORITY_LABELS: Record<TaskPriority, BilingualLabel> = {
  normal: { vi: 'Bình thường', en: 'Normal' },
  high: { vi: 'Quan trọng', en: 'High' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
};

export const taskStateLabel = (state: TaskState): BilingualLabel => TASK_STATE_LABELS[state];

/** `2026-12-05` → `05/12/2026`. */
export function vietnameseDate(date: string | null): string {
  if (!date) return '';
  const [year, month, day] = date.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}
