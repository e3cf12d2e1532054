import type { Role } from '../accounts/account-store';

/**
 * Who may do what in the Sở TT&TT console (Đ5.1: the Sở runs accounts; units only request).
 * PURE: the route guard and the client's navigation ask the same questions.
 */
export type ConsoleAccess = 'read' | 'write';

export function consoleRole(role: Role): Role | null {
  return role === 'admin' || role === 'unit_manager' ? role : null;
}

export function mayUseConsole(role: Role, access: ConsoleAccess): boolean {
  if (role === 'admin') return true;
  return role === 'unit_manager' && access === 'read';
}

export interface UnitNode {
  code: string;
  parentCode: string | null;
}

/**
 * The units a unit manager sees: their own and every unit below it. null = every unit (admins).
 * A manager whose unit is unknown sees nothing rather than everything.
 */
export function visibleUnits(
  viewer: { role: Role; unitCode: string | null },
  units: readonly UnitNode[],
): Set<string> | null {
  if (viewer.role === 'admin') return null;
  const visible = new Set<string>();
  if (viewer.role !== 'unit_manager' || !viewer.unitCode) return visible;
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u.code]);
  }
  const queue = units.some((u) => u.code === viewer.unitCode) ? [viewer.unitCode] : [];
  while (queue.length > 0) {
    const code = queue.pop() as string;
    if (visible.has(code)) continue;
    visible.add(code);
    queue.push(...(children.get(code) ?? []));
  }
  return visible;
}

/**
 * Whether a unit lies in a viewer's scope (`visibleUnits`): everything for null (admins); for a
 * unit manager only their units, so a record without a unit is outside.
 */
export function unitInScope(units: ReadonlySet<string> | null | undefined, unitCode: string | null): boolean {
  if (units === null || units === undefined) return true;
  return unitCode !== null && unitCode !== '' && units.has(unitCode);
}
