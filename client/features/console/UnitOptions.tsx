/** The unit tree as a select's options, indented by depth and with the code: "  Sở Nội vụ (snv)". */
export function UnitOptions({ units }: { units: readonly { code: string; name: string; depth: number }[] }) {
  return units.map((u) => (
    <option key={u.code} value={u.code}>
      {`${'\u00a0\u00a0'.repeat(u.depth)}${u.name} (${u.code})`}
    </option>
  ));
}
