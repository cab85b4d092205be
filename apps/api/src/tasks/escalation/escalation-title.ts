/** `2026-12-05` → `05/12/2026`, as dates are written in Vietnamese administration. */
export function vietnameseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The line in the bell of a unit head or a leader when work given by them or to their unit is late. */
export function escalationTitle(kind: 'task' | 'document', subject: string, deadline: string, holder: string | null): string {
  const what = kind === 'task' ? 'Nhiệm vụ quá hạn' : 'Văn bản quá hạn xử lý';
  return `${what}: ${subject} (hạn ${vietnameseDate(deadline)}${holder ? `, ${holder}` : ''})`;
}

/**
 * One escalation per piece of work and deadline: an approved extension that is missed again is
 * escalated again; the same miss never twice, however often the job runs.
 */
export function escalationKey(kind: 'task' | 'document', id: string, deadline: string): string {
  return `escalation:${kind}:${id}:${deadline}`;
}
