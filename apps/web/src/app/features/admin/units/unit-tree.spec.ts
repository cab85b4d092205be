import { UnitDto } from '@app/contracts';
import { buildUnitTree, flattenUnitTree, unitWithDescendants } from './unit-tree';

function unit(id: string, parentId: string | null, name = id, sortOrder = 0): UnitDto {
  return { id, code: id.toUpperCase(), name, kind: 'division', parentId, sortOrder, version: 1 };
}

/** "name@depth" per row, depth-first: easy to read in a failing assertion. */
function outline(units: UnitDto[], collapsed: Set<string> = new Set()): string[] {
  return flattenUnitTree(buildUnitTree(units), collapsed).map((node) => `${node.unit.id}@${node.depth}`);
}

describe('buildUnitTree', () => {
  it('nests units under their parents, whatever the order of the flat list', () => {
    const units = [unit('phong-1', 'vu-1'), unit('bo', null), unit('vu-1', 'bo'), unit('vu-2', 'bo')];
    expect(outline(units)).toEqual(['bo@0', 'vu-1@1', 'phong-1@2', 'vu-2@1']);
  });

  it('orders siblings by sort order, then by Vietnamese name', () => {
    const units = [
      unit('a', null, 'Văn phòng', 2),
      unit('b', null, 'Vụ Tổ chức cán bộ', 1),
      unit('c', null, 'Vụ Pháp chế', 1),
      unit('d', null, 'Cục Quản lý', 1),
    ];
    // "Cục" < "Vụ P…" < "Vụ T…" within sort order 1; "Văn phòng" comes last by sort order
    expect(outline(units)).toEqual(['d@0', 'c@0', 'b@0', 'a@0']);
  });

  it('puts a unit whose parent is unknown at the top level instead of losing it', () => {
    expect(outline([unit('orphan', 'missing'), unit('root', null)])).toEqual(['orphan@0', 'root@0']);
  });

  it('survives a parent cycle and a unit that is its own parent', () => {
    const units = [unit('x', 'y'), unit('y', 'x'), unit('self', 'self')];
    const rows = outline(units);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.split('@')[0]))).toEqual(new Set(['x', 'y', 'self']));
  });

  it('gives an empty tree for no units', () => {
    expect(buildUnitTree([])).toEqual([]);
  });
});

describe('flattenUnitTree', () => {
  it('leaves out the children of collapsed units', () => {
    const units = [unit('bo', null), unit('vu', 'bo'), unit('phong', 'vu')];
    expect(outline(units, new Set(['vu']))).toEqual(['bo@0', 'vu@1']);
    expect(outline(units, new Set(['bo']))).toEqual(['bo@0']);
  });
});

describe('unitWithDescendants', () => {
  it('collects a unit and every unit below it, and nothing else', () => {
    const tree = buildUnitTree([unit('bo', null), unit('vu', 'bo'), unit('phong', 'vu'), unit('cuc', 'bo')]);
    expect(unitWithDescendants(tree, 'vu')).toEqual(new Set(['vu', 'phong']));
    expect(unitWithDescendants(tree, 'unknown')).toEqual(new Set());
  });
});
