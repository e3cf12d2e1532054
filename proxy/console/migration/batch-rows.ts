import type { MigrationBatchRowProblem } from '../../../common/contract/console-migration';

/** One line of the admin's CSV: old user, old password, new mailbox (in that order). */
export interface BatchRow {
  line: number;
  oldUser: string;
  oldPassword: string;
  mailbox: string;
}

/** What the console knows of a new mailbox: its unit, or undefined when it is no account. */
export type MailboxUnit = (email: string) => { unitCode: string | null } | undefined;

const HEADER_WORDS = /user|tài khoản|tai khoan|mật khẩu|mat khau|password|hộp thư|hop thu|mailbox|email/i;

/**
 * The CSV's records as rows. A first line whose third cell is no address but a column name
 * ("Hộp thư mới", "new mailbox") is a header and skipped; empty lines were dropped by the parser.
 * Old passwords are kept as written (a space may belong to one); the other cells are trimmed and
 * the mailbox lower-cased.
 */
export function batchRows(records: readonly { line: number; cells: readonly string[] }[]): BatchRow[] {
  const first = records[0];
  const hasHeader =
    first !== undefined && !(first.cells[2] ?? '').includes('@') && HEADER_WORDS.test(first.cells.join(' '));
  return (hasHeader ? records.slice(1) : records).map((r) => ({
    line: r.line,
    oldUser: (r.cells[0] ?? '').trim(),
    oldPassword: r.cells[1] ?? '',
    mailbox: (r.cells[2] ?? '').trim().toLowerCase(),
  }));
}

/**
 * Every line's problem, in line order: a missing cell, a new mailbox that is no account or is of
 * another unit, or the same new mailbox on an earlier line (two jobs would copy into one mailbox).
 * Empty: the batch may start. PURE.
 */
export function batchProblems(
  rows: readonly BatchRow[],
  unitCode: string,
  mailboxUnit: MailboxUnit,
): MigrationBatchRowProblem[] {
  const problems: MigrationBatchRowProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const value = row.mailbox || row.oldUser || null;
    if (!row.oldUser || !row.oldPassword || !row.mailbox) {
      problems.push({ line: row.line, code: 'migration_row_incomplete', value, sameAs: null });
      continue;
    }
    const earlier = seen.get(row.mailbox);
    if (earlier !== undefined) {
      problems.push({ line: row.line, code: 'migration_row_duplicate', value, sameAs: earlier });
      continue;
    }
    seen.set(row.mailbox, row.line);
    const account = mailboxUnit(row.mailbox);
    if (!account)
      problems.push({ line: row.line, code: 'migration_row_mailbox_unknown', value, sameAs: null });
    else if (account.unitCode !== unitCode)
      problems.push({ line: row.line, code: 'migration_row_other_unit', value, sameAs: null });
  }
  return problems;
}
