import { describe, expect, it } from 'vitest';
import { mayUseConsole, unitInScope, visibleUnits } from './roles';

const units = [
  { code: 'binhphuoc', parentCode: null },
  { code: 'sttt', parentCode: 'binhphuoc' },
  { code: 'vp.sttt', parentCode: 'sttt' },
  { code: 'dongxoai', parentCode: 'binhphuoc' },
  { code: 'tanphu.dongxoai', parentCode: 'dongxoai' },
];

describe('console roles', () => {
  it('lets admins write, unit managers only read, users nothing', () => {
    expect(mayUseConsole('admin', 'write')).toBe(true);
    expect(mayUseConsole('unit_manager', 'read')).toBe(true);
    expect(mayUseConsole('unit_manager', 'write')).toBe(false);
    expect(mayUseConsole('user', 'read')).toBe(false);
  });

  it('scopes a unit manager to their unit and everything below it', () => {
    expect(visibleUnits({ role: 'admin', unitCode: null }, units)).toBeNull();
    expect([...(visibleUnits({ role: 'unit_manager', unitCode: 'dongxoai' }, units) ?? [])].sort()).toEqual([
      'dongxoai',
      'tanphu.dongxoai',
    ]);
    expect(visibleUnits({ role: 'unit_manager', unitCode: 'nowhere' }, units)?.size).toBe(0);
    expect(visibleUnits({ role: 'unit_manager', unitCode: null }, units)?.size).toBe(0);
    expect(visibleUnits({ role: 'user', unitCode: 'sttt' }, units)?.size).toBe(0);
  });
});

describe('unitInScope', () => {
  const managed = new Set(['dongxoai', 'tanphu.dongxoai']);
  it.each([
    { units: null, unit: 'sttt', inScope: true },
    { units: null, unit: null, inScope: true },
    { units: managed, unit: 'tanphu.dongxoai', inScope: true },
    { units: managed, unit: 'sttt', inScope: false },
    // An account without a unit belongs to no manager.
    { units: managed, unit: null, inScope: false },
    { units: new Set<string>(), unit: 'dongxoai', inScope: false },
  ])('$unit for $units → $inScope', ({ units, unit, inScope }) => {
    expect(unitInScope(units, unit)).toBe(inScope);
  });
});
