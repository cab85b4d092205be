import { UnitDto, UserDto } from '@app/contracts';
import { assigneeOptions, filterOptions, fold, toAssignees } from './assignee-options';

const unit = (id: string, code: string, name: string, sortOrder = 0): UnitDto => ({ id, code, name, kind: 'department', parentId: null, sortOrder, version: 1 });
const person = (id: string, fullName: string, unitId: string | null, active = true): UserDto => ({
  id,
  username: id,
  fullName,
  email: null,
  position: 'Chuyên viên',
  unitId,
  roles: ['officer'],
  active,
  lockedUntil: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
});

const units = [unit('pc', 'PC', 'Vụ Pháp chế', 2), unit('vp', 'VP', 'Văn phòng Bộ', 1)];
const people = [person('minh', 'Trần Văn Minh', 'pc'), person('old', 'Người Đã Nghỉ', 'pc', false)];

describe('assignee options', () => {
  it('folds Vietnamese marks and đ', () => {
    expect(fold('Vụ Pháp chế')).toBe('vu phap che');
    expect(fold('Đỗ Thị Mai')).toBe('do thi mai');
  });

  it('lists units in their order, then active people with position and unit', () => {
    const options = assigneeOptions(units, people);
    expect(options.map((option) => option.id)).toEqual(['vp', 'pc', 'minh']);
    expect(options[2]).toEqual({ kind: 'user', id: 'minh', label: 'Trần Văn Minh', hint: 'Chuyên viên · Vụ Pháp chế' });
  });

  it('finds by any word typed without marks, in the name or the hint, and skips those taken', () => {
    const options = assigneeOptions(units, people);
    expect(filterOptions(options, 'phap che', new Set()).map((option) => option.id)).toEqual(['pc', 'minh']);
    expect(filterOptions(options, 'PC', new Set()).map((option) => option.id)).toEqual(['pc']);
    expect(filterOptions(options, 'minh', new Set(['minh']))).toEqual([]);
    expect(filterOptions(options, '', new Set()).length).toBe(3);
  });

  it('builds the request: the lead, then support, then inform, each a unit or a person', () => {
    const [vp, pc, minh] = assigneeOptions(units, people);
    expect(toAssignees(pc, [minh], [vp])).toEqual([
      { role: 'lead', unitId: 'pc' },
      { role: 'support', userId: 'minh' },
      { role: 'inform', unitId: 'vp' },
    ]);
    expect(toAssignees(null, [], [])).toEqual([]);
  });
});
