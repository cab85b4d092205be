import { AssignmentDto, Permission } from '@app/contracts';
import { Actor, assignmentTree, availableActions, ownAssignment } from './direction-actions';

const PC = 'unit-pc';
const clerk: Actor = { id: 'u-clerk', unitId: 'unit-vp', roles: ['clerk'], permissions: [Permission.IncomingRegister] };
const leader: Actor = { id: 'u-leader', unitId: 'unit-vp', roles: ['leader'], permissions: [Permission.IncomingDirect] };
const head: Actor = { id: 'u-head', unitId: PC, roles: ['unit_head', 'officer'], permissions: [] };
const officer: Actor = { id: 'u-officer', unitId: PC, roles: ['officer'], permissions: [] };

function part(values: Partial<AssignmentDto>): AssignmentDto {
  return {
    id: 'a1',
    documentId: 'd1',
    role: 'lead',
    unit: null,
    user: null,
    assignedBy: { id: 'u-leader', fullName: 'Phạm Quốc Hùng' },
    assignedAt: '2026-11-30T02:00:00.000Z',
    directive: 'Giao Vụ Pháp chế chủ trì',
    dueOn: '2026-12-07',
    state: 'pending',
    parentId: null,
    completedAt: null,
    note: null,
    version: 1,
    ...values,
  };
}

const unitLead = part({ id: 'lead', unit: { id: PC, name: 'Vụ Pháp chế' } });
const passedOn = part({ id: 'child', parentId: 'lead', user: { id: officer.id, fullName: 'Trần Văn Minh' } });

describe('availableActions', () => {
  it('offers nothing to nobody', () => {
    expect(availableActions(null, 'registered', [])).toEqual({ actions: [], assignment: null });
  });

  it('lets the clerk submit a registered or returned document, and submit again to another leader', () => {
    expect(availableActions(clerk, 'registered', []).actions).toEqual(['submit', 'reject']);
    expect(availableActions(clerk, 'returned', []).actions).toEqual(['submit', 'reject']);
    expect(availableActions(clerk, 'submitted', []).actions).toEqual(['submit', 'reject']);
    expect(availableActions(clerk, 'assigned', []).actions).toEqual([]);
    expect(availableActions(clerk, 'done', []).actions).toEqual([]);
  });

  it('lets the clerk register a document received through the System, or refuse it', () => {
    expect(availableActions(clerk, 'received', []).actions).toEqual(['register', 'reject']);
    expect(availableActions(leader, 'received', []).actions).toEqual([]);
  });

  it('lets the leader it was submitted to refuse it, and no other leader', () => {
    expect(availableActions(leader, 'submitted', [], leader.id).actions).toEqual(['direct', 'reject']);
    expect(availableActions(leader, 'submitted', [], 'u-other-leader').actions).toEqual(['direct']);
    expect(availableActions(leader, 'assigned', [unitLead], leader.id).actions).toEqual([]);
    expect(availableActions(clerk, 'rejected', []).actions).toEqual([]);
  });

  it('lets a leader direct until the document is assigned', () => {
    expect(availableActions(leader, 'submitted', []).actions).toEqual(['direct']);
    expect(availableActions(leader, 'registered', []).actions).toEqual(['direct']);
    expect(availableActions(leader, 'assigned', [unitLead]).actions).toEqual([]);
  });

  it('gives the head of the unit its part: pass on, progress, complete, return', () => {
    const offer = availableActions(head, 'assigned', [unitLead]);
    expect(offer.actions).toEqual(['delegate', 'progress', 'complete', 'return']);
    expect(offer.assignment?.id).toBe('lead');
  });

  it('leaves the unit part to the head while nobody holds it, and to the officer once passed on', () => {
    expect(availableActions(officer, 'assigned', [unitLead]).actions).toEqual([]);
    const offer = availableActions(officer, 'assigned', [unitLead, passedOn]);
    expect(offer.actions).toEqual(['progress', 'complete', 'return']);
    expect(offer.assignment?.id).toBe('child');
    expect(availableActions(head, 'assigned', [unitLead, passedOn]).actions).toEqual([]);
  });

  it('offers nothing on a closed part or a finished document', () => {
    expect(availableActions(officer, 'in_progress', [unitLead, { ...passedOn, state: 'done' }]).actions).toEqual([]);
    expect(availableActions(head, 'done', [unitLead]).actions).toEqual([]);
  });

  it('acts on the lead part before a support one held by the same person', () => {
    const support = part({ id: 'support', role: 'support', user: { id: officer.id, fullName: 'Trần Văn Minh' } });
    const lead = part({ id: 'mine', role: 'lead', user: { id: officer.id, fullName: 'Trần Văn Minh' } });
    expect(ownAssignment(officer, [support, lead])?.id).toBe('mine');
  });
});

describe('assignmentTree', () => {
  it('indents the parts passed on under their unit', () => {
    const grandchild = part({ id: 'grandchild', parentId: 'child' });
    const support = part({ id: 'support', role: 'support', unit: { id: 'unit-vp', name: 'Văn phòng Bộ' } });
    expect(assignmentTree([unitLead, passedOn, grandchild, support]).map((node) => [node.assignment.id, node.depth])).toEqual([
      ['lead', 0],
      ['child', 1],
      ['grandchild', 2],
      ['support', 0],
    ]);
  });

  it('puts a part whose parent is not visible at the top', () => {
    expect(assignmentTree([passedOn])[0].depth).toBe(0);
  });
});
