import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { resolveMailDomain } from '../mailstack/paths';

export const DEMO_ACCOUNTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'accounts.json');

// Đ9: 8+ characters with upper, lower, digit and one of ! @ # % $ * &; the regulation's own
// example is the first password an attacker tries, so it is refused outright.
const password = z
  .string()
  .min(8)
  .refine((p) => /[A-Z]/.test(p) && /[a-z]/.test(p) && /\d/.test(p), 'needs upper, lower and digit')
  .refine((p) => /[!@#%$*&]/.test(p), 'needs one of ! @ # % $ * &')
  .refine((p) => p !== 'Matkhau@123', 'is the example from Đ9');

// Đ4 / Đ11.1: the address is lower-case ASCII, the display name Unicode NFC.
const DemoAccountSchema = z.object({
  email: z
    .string()
    .regex(/^[a-z0-9]+(\.[a-z0-9]+)*@[a-z0-9.-]+$/, 'lower-case ASCII without diacritics (Đ4)'),
  displayName: z
    .string()
    .min(1)
    .refine((s) => s === s.normalize('NFC'), 'must be NFC (Đ11.1)'),
  unit: z.string().regex(/^[a-z0-9.]+$/),
  unitName: z.string().min(1),
  password,
  quotaBytes: z.number().int().positive(),
  suspended: z.boolean(),
  suspendReason: z.string().min(1).nullable(),
  /** The Sở TT&TT console (issue 6): an admin, or a unit manager of `unit`; absent = a user. */
  consoleRole: z.enum(['admin', 'unit_manager']).optional(),
});

const DemoAccountsFileSchema = z.object({ accounts: z.array(DemoAccountSchema).min(1) });

export type DemoAccount = z.infer<typeof DemoAccountSchema>;

/**
 * The demo mailboxes from accounts.json, validated. Fails loudly when an address is outside the
 * stack's mail domain (BP_MAIL_DOMAIN), since Postfix would then relay it to the sink.
 */
export function readDemoAccounts(
  file: string = DEMO_ACCOUNTS_FILE,
  mailDomain: string = resolveMailDomain(),
): DemoAccount[] {
  const parsed = DemoAccountsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file} is invalid:\n${lines.join('\n')}`);
  }
  const accounts = parsed.data.accounts;
  for (const account of accounts) {
    if (!account.email.endsWith(`@${mailDomain}`)) {
      throw new Error(`${account.email} in ${file} is not in the mail domain ${mailDomain} (BP_MAIL_DOMAIN)`);
    }
    if (account.suspended !== (account.suspendReason !== null)) {
      throw new Error(`${account.email}: a suspended account needs a suspendReason, and only then`);
    }
  }
  return accounts;
}

export function findDemoAccount(email: string, accounts: DemoAccount[] = readDemoAccounts()): DemoAccount {
  const account = accounts.find((a) => a.email === email.toLowerCase());
  if (!account) throw new Error(`${email} is not a demo account (scripts/seed/accounts.json)`);
  return account;
}
