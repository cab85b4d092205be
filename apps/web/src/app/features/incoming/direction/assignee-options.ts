import { AssigneeInput, AssignmentRole, UnitDto, UserDto } from '@app/contracts';

/** A unit or a person a leader can give a part of the work to. */
export interface AssigneeOption {
  kind: 'unit' | 'user';
  id: string;
  label: string;
  /** the unit code, or the person's position and unit */
  hint: string;
}

/** Lowercase, without Vietnamese marks: "vu phap che" finds "Vụ Pháp chế", as the API's search does. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}

/** Units first (a document usually goes to a unit), then people, each with what tells them apart. */
export function assigneeOptions(units: readonly UnitDto[], users: readonly UserDto[]): AssigneeOption[] {
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const unitOptions = [...units]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi'))
    .map((unit): AssigneeOption => ({ kind: 'unit', id: unit.id, label: unit.name, hint: unit.code }));
  const userOptions = users
    .filter((user) => user.active)
    .map((user): AssigneeOption => ({
      kind: 'user',
      id: user.id,
      label: user.fullName,
      hint: [user.position, user.unitId ? unitNames.get(user.unitId) : null].filter(Boolean).join(' · '),
    }));
  return [...unitOptions, ...userOptions];
}

/** The options matching what was typed (every word, in the name or the hint), minus those already chosen. */
export function filterOptions(options: readonly AssigneeOption[], typed: string, taken: ReadonlySet<string>, limit = 30): AssigneeOption[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  const matches = options.filter((option) => {
    if (taken.has(option.id)) return false;
    const haystack = fold(`${option.label} ${option.hint}`);
    return words.every((word) => haystack.includes(word));
  });
  return matches.slice(0, limit);
}

/** The request's assignees: one lead, then those supporting, then those informed. */
export function toAssignees(lead: AssigneeOption | null, support: readonly AssigneeOption[], inform: readonly AssigneeOption[]): AssigneeInput[] {
  const entry = (role: AssignmentRole, option: AssigneeOption): AssigneeInput =>
    option.kind === 'unit' ? { role, unitId: option.id } : { role, userId: option.id };
  return [...(lead ? [entry('lead', lead)] : []), ...support.map((option) => entry('support', option)), ...inform.map((option) => entry('inform', option))];
}
