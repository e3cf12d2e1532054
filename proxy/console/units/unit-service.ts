import type { UnitCreate, UnitNode, UnitUpdate } from '../../../common/contract';
import type { Actor } from '../../accounts/admin-actions';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { visibleUnits } from '../roles';
import type { Unit } from './unit-store';
import { UNIT_CODE } from './units-config';

type Deps = Pick<AppContext, 'units' | 'accounts' | 'audit'>;

/** A unit and every unit below it. */
export function unitWithSubUnits(units: readonly Unit[], code: string): Set<string> {
  // The same walk as a unit manager's scope (roles.ts).
  return visibleUnits({ role: 'unit_manager', unitCode: code }, units) ?? new Set();
}

/**
 * The tree as a depth-first list (parents before children, siblings by name), with account
 * counts. `visible` (a unit manager's scope) cuts it to their own subtree.
 */
export async function unitTree(
  deps: Deps,
  visible: ReadonlySet<string> | null,
  accounts: readonly { unitCode: string | null }[],
): Promise<UnitNode[]> {
  const units = (await deps.units.list()).filter((u) => !visible || visible.has(u.code));
  const present = new Set(units.map((u) => u.code));
  const direct = new Map<string, number>();
  for (const a of accounts) {
    if (a.unitCode) direct.set(a.unitCode, (direct.get(a.unitCode) ?? 0) + 1);
  }
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentCode && present.has(u.parentCode) ? u.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: UnitNode[] = [];
  const walk = (parent: string | null, depth: number): number => {
    let total = 0;
    const siblings = (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const u of siblings) {
      const node: UnitNode = {
        ...u,
        depth,
        accounts: direct.get(u.code) ?? 0,
        accountsWithSubUnits: 0,
        subUnits: children.get(u.code)?.length ?? 0,
      };
      out.push(node);
      node.accountsWithSubUnits = node.accounts + walk(u.code, depth + 1);
      total += node.accountsWithSubUnits;
    }
    return total;
  };
  walk(null, 0);
  return out;
}

async function checkParent(
  deps: Deps,
  code: string,
  input: { parentCode: string | null; level: Unit['level'] },
) {
  if (input.parentCode === null) {
    // Only the province stands alone; everything else hangs under a unit of the tree.
    if (input.level !== 'province') throw new ApiError('parent_code_invalid');
    return;
  }
  if (!(await deps.units.get(input.parentCode)))
    throw new ApiError('unit_not_found', { code: input.parentCode });
  // A unit cannot move below itself.
  if (unitWithSubUnits(await deps.units.list(), code).has(input.parentCode))
    throw new ApiError('parent_code_invalid');
}

async function audit(deps: Deps, actor: Actor, outcome: string, details: Record<string, string>) {
  await deps.audit.record({
    actor: actor.name,
    email: '',
    action: 'unit_change',
    outcome,
    ip: actor.ip,
    details,
  });
}

const fields = (input: UnitUpdate) => ({
  name: input.name.normalize('NFC').trim(),
  parentCode: input.parentCode ?? null,
  level: input.level,
  mailbox: input.mailbox?.trim().toLowerCase() || null,
  website: input.website?.trim() || null,
});

export async function createUnit(deps: Deps, input: UnitCreate, actor: Actor): Promise<Unit> {
  const code = input.code.trim();
  // The code goes into addresses (Đ4): typed in lower-case ASCII, never folded silently.
  if (!UNIT_CODE.test(code)) throw new ApiError('unit_code_invalid');
  if (await deps.units.get(code)) throw new ApiError('unit_exists', { code });
  const unit: Unit = { code, ...fields(input) };
  await checkParent(deps, code, unit);
  if (!(await deps.units.create(unit))) throw new ApiError('unit_exists', { code });
  await audit(deps, actor, 'ok', { op: 'create', code, name: unit.name });
  return unit;
}

export async function updateUnit(deps: Deps, code: string, input: UnitUpdate, actor: Actor): Promise<Unit> {
  const before = await deps.units.get(code);
  if (!before) throw new ApiError('unit_not_found', { code });
  const unit: Unit = { code, ...fields(input) };
  await checkParent(deps, code, unit);
  await deps.units.update(unit);
  await audit(deps, actor, 'ok', {
    op: 'update',
    code,
    name: unit.name,
    ...(before.name !== unit.name ? { previousName: before.name } : {}),
  });
  return unit;
}

/** Only an empty unit goes: no sub-units, no accounts (their addresses carry its code). */
export async function deleteUnit(
  deps: Deps,
  code: string,
  actor: Actor,
  known: readonly { unitCode: string | null }[],
): Promise<void> {
  if (!(await deps.units.get(code))) throw new ApiError('unit_not_found', { code });
  const subUnits = (await deps.units.list()).filter((u) => u.parentCode === code).length;
  const accounts = known.filter((a) => a.unitCode === code).length;
  if (subUnits > 0 || accounts > 0) throw new ApiError('unit_in_use', { subUnits, accounts });
  await deps.units.remove(code);
  await audit(deps, actor, 'ok', { op: 'delete', code });
}
