import type { ErrorCode, ImportPreviewRow, ImportRowStatus } from '../../../common/contract';
import { proposeAddress } from '../../policy/account-name';
import { foldVietnamese } from '../../policy/fold-vietnamese';
import type { Unit } from '../units/unit-store';
import type { StaffListRow } from './staff-list-header';

/** Someone the directory already has: from the store (unit code) or the provider (unit name). */
export interface KnownPerson {
  email: string;
  fullName: string | null;
  unitCode: string | null;
  unitName: string | null;
}

/** A unit as a list writes it: its code (any case) or its official name (any tones, case). */
export function resolveUnit(text: string, units: readonly Unit[]): Unit | null {
  if (text === '') return null;
  const code = text.trim().toLowerCase();
  const folded = foldVietnamese(text);
  return units.find((u) => u.code === code) ?? units.find((u) => foldVietnamese(u.name) === folded) ?? null;
}

const personKey = (fullName: string, unitCode: string) => `${foldVietnamese(fullName)}|${unitCode}`;

/**
 * What importing the list would do, without doing it: each row's unit, the address Đ4 gives
 * it, and what stands in the way. Clashes count the accounts given out AND the rows above in the
 * same file (two Nguyễn Văn An at sttt → anvn.sttt, anvn2.sttt). A person with the same name in
 * the same unit already in the directory is a warning, not a refusal: namesakes exist. PURE.
 */
export function previewImport(input: {
  rows: readonly StaffListRow[];
  defaultUnitCode: string | null;
  units: readonly Unit[];
  /** Every address given out (lower-case, with the domain), revoked ones included. */
  existing: ReadonlySet<string>;
  people: readonly KnownPerson[];
  domain: string;
}): ImportPreviewRow[] {
  const domain = input.domain.toLowerCase();
  const taken = new Set(input.existing);
  const defaultUnit = input.defaultUnitCode
    ? (input.units.find((u) => u.code === input.defaultUnitCode) ?? null)
    : null;

  const known = new Map<string, string[]>();
  for (const person of input.people) {
    if (!person.fullName) continue;
    const unit =
      (person.unitCode && input.units.find((u) => u.code === person.unitCode)) ||
      (person.unitName ? resolveUnit(person.unitName, input.units) : null);
    if (!unit) continue;
    const key = personKey(person.fullName, unit.code);
    known.set(key, [...(known.get(key) ?? []), person.email]);
  }
  const seen = new Map<string, number[]>();

  return input.rows.map((row) => {
    const unit = row.unit === '' ? defaultUnit : resolveUnit(row.unit, input.units);
    const problems: ErrorCode[] = [];
    let proposedLocal: string | null = null;
    let proposedAddress: string | null = null;
    let possibleDuplicates: string[] = [];
    let sameInFile: number[] = [];
    if (!unit) problems.push('unit_not_found');
    const proposal = proposeAddress({
      fullName: row.fullName,
      // The name's own problems are worth showing even when the unit is unknown.
      unitCode: unit?.code ?? 'x',
      existing: taken,
      domain,
    });
    if (!proposal.ok) problems.push(proposal.code);
    else if (unit) {
      proposedLocal = proposal.local;
      proposedAddress = proposal.address;
      taken.add(proposal.address);
    }
    if (unit) {
      const key = personKey(row.fullName, unit.code);
      possibleDuplicates = [...new Set(known.get(key) ?? [])].sort();
      sameInFile = seen.get(key) ?? [];
      seen.set(key, [...sameInFile, row.line]);
    }
    const status: ImportRowStatus =
      problems.length > 0 ? 'bad' : possibleDuplicates.length + sameInFile.length > 0 ? 'warn' : 'ok';
    return {
      line: row.line,
      fullName: row.fullName,
      unitText: row.unit,
      unitCode: unit?.code ?? null,
      unitName: unit?.name ?? null,
      title: row.title,
      note: row.note,
      proposedLocal,
      proposedAddress,
      problems,
      possibleDuplicates,
      sameInFile,
      status,
    };
  });
}
