import { UnitDto } from '@app/contracts';

export interface UnitTreeNode {
  unit: UnitDto;
  /** 0 for a top-level unit */
  depth: number;
  children: UnitTreeNode[];
}

/** Sibling order: the administrator's sort order first, then the name as Vietnamese sorts it. */
function compareUnits(left: UnitDto, right: UnitDto): number {
  return left.sortOrder - right.sortOrder || left.name.localeCompare(right.name, 'vi');
}

/**
 * Builds the unit tree from the flat list the API sends. A unit whose parent is missing (not visible,
 * or deleted meanwhile) becomes a top-level unit, and so does the first member of a parent cycle the
 * server should never allow: every unit appears exactly once, and the tree is always finite.
 */
export function buildUnitTree(units: readonly UnitDto[]): UnitTreeNode[] {
  const known = new Set(units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, UnitDto[]>();
  for (const unit of units) {
    const parentId = unit.parentId && unit.parentId !== unit.id && known.has(unit.parentId) ? unit.parentId : null;
    const siblings = childrenOf.get(parentId) ?? [];
    siblings.push(unit);
    childrenOf.set(parentId, siblings);
  }
  for (const siblings of childrenOf.values()) siblings.sort(compareUnits);

  const placed = new Set<string>();
  const grow = (unit: UnitDto, depth: number): UnitTreeNode => {
    placed.add(unit.id);
    const children: UnitTreeNode[] = [];
    for (const child of childrenOf.get(unit.id) ?? []) if (!placed.has(child.id)) children.push(grow(child, depth + 1));
    return { unit, depth, children };
  };

  const roots = (childrenOf.get(null) ?? []).map((unit) => grow(unit, 0));
  for (const unit of [...units].sort(compareUnits)) if (!placed.has(unit.id)) roots.push(grow(unit, 0));
  return roots;
}

/** The rows to draw, depth-first; the children of a collapsed unit are left out. */
export function flattenUnitTree(nodes: readonly UnitTreeNode[], collapsed: ReadonlySet<string> = new Set()): UnitTreeNode[] {
  const rows: UnitTreeNode[] = [];
  const walk = (level: readonly UnitTreeNode[]): void => {
    for (const node of level) {
      rows.push(node);
      if (!collapsed.has(node.unit.id)) walk(node.children);
    }
  };
  walk(nodes);
  return rows;
}

/** A unit and everything below it: none of these may become its parent. */
export function unitWithDescendants(nodes: readonly UnitTreeNode[], unitId: string): Set<string> {
  const found = new Set<string>();
  const collect = (node: UnitTreeNode): void => {
    found.add(node.unit.id);
    node.children.forEach(collect);
  };
  const search = (level: readonly UnitTreeNode[]): boolean =>
    level.some((node) => {
      if (node.unit.id === unitId) {
        collect(node);
        return true;
      }
      return search(node.children);
    });
  search(nodes);
  return found;
}
