import { AssignmentState } from '@app/contracts';
import { FieldMessage } from '../form-errors';
import { DueStatus, dueStatus, formatIsoDate } from '../incoming-format';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = 86_400_000;

/** Calendar days from one `yyyy-MM-dd` to another (negative when `to` is earlier); null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = ISO_DATE.exec(from);
  const b = ISO_DATE.exec(to);
  if (!a || !b) return null;
  // UTC on both sides: a date has no zone, and a summer-time change must not make a day 23 hours long
  return Math.round((Date.UTC(+b[1], +b[2] - 1, +b[3]) - Date.UTC(+a[1], +a[2] - 1, +a[3])) / DAY);
}

/** How pressing an assignment's deadline is; a part that is finished has none. */
export function assignmentDue(dueOn: string | null, state: AssignmentState, today: string): DueStatus | null {
  if (state === 'done' || state === 'returned') return null;
  return dueStatus(dueOn, 'assigned', today);
}

/**
 * The words beside a deadline: "còn 3 ngày", "hôm nay", "quá hạn 2 ngày". Calendar days, as people
 * count them when reading a date; the working days were counted when the deadline was set.
 */
export function deadlineText(dueOn: string | null, state: AssignmentState, today: string): FieldMessage | null {
  if (!dueOn || state === 'done' || state === 'returned') return null;
  const days = daysBetween(today, dueOn);
  if (days === null) return null;
  if (days < 0) return { key: 'incoming.deadline.overdue', params: { days: -days } };
  if (days === 0) return { key: 'incoming.deadline.today' };
  return { key: 'incoming.deadline.left', params: { days } };
}

/** The leader's preview before sending: "5 ngày làm việc → 07/12/2026". */
export function workingDaysPreview(workingDays: number, dueDate: string): FieldMessage {
  return { key: 'incoming.direction.workingDaysPreview', params: { days: workingDays, date: formatIsoDate(dueDate) } };
}
