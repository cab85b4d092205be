/**
 * Which reminder an open assignment gets on a given working day, and its wording. Pure, so the
 * rules are tested without a database; the job (DeadlineReminders) only feeds it rows.
 */
export type ReminderKind = 'incoming.overdue' | 'incoming.due-today' | 'incoming.due-soon';

/**
 * `today` is the job's date in Vietnam, `nextWorkingDay` the first working day after it (both
 * `yyyy-MM-dd`, which compare as text). Due before today: overdue. Due today: the last day. Due
 * after today up to the next working day: due soon — so on a Friday, work due on Saturday,
 * Sunday or Monday is announced, as nobody is at work to hear it in between.
 */
export function reminderKind(dueOn: string, today: string, nextWorkingDay: string): ReminderKind | null {
  if (dueOn < today) return 'incoming.overdue';
  if (dueOn === today) return 'incoming.due-today';
  if (dueOn <= nextWorkingDay) return 'incoming.due-soon';
  return null;
}

/** `2026-12-05` → `05/12/2026`, as dates are written in Vietnamese administration. */
function vietnameseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The line in the bell; stored in Vietnamese (the agency's working language). */
export function reminderTitle(kind: ReminderKind, subject: string, dueOn: string): string {
  switch (kind) {
    case 'incoming.overdue':
      return `Quá hạn: ${subject} (hạn ${vietnameseDate(dueOn)})`;
    case 'incoming.due-today':
      return `Đến hạn hôm nay: ${subject}`;
    case 'incoming.due-soon':
      return `Sắp đến hạn: ${subject} (hạn ${vietnameseDate(dueOn)})`;
  }
}

/** One reminder per assignment, person and day, however often the job runs. */
export function reminderKey(assignmentId: string, today: string): string {
  return `deadline:${assignmentId}:${today}`;
}
