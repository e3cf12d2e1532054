/**
 * Đ9 of QĐ 1956/QĐ-UBND, and what experience adds to it. PURE: no I/O, no Node APIs — the
 * client runs the very same function for the live checklist while the user types, and the proxy
 * runs it again before anything reaches the provider. Checks that need secrets (current and past
 * passwords) take place in the password service, with their own codes.
 */

export const passwordRuleCodes = [
  'password_too_short',
  'password_too_long',
  'password_needs_upper',
  'password_needs_lower',
  'password_needs_digit',
  'password_needs_special',
  'password_has_whitespace',
  'password_non_ascii',
  'password_common',
  'password_contains_personal',
] as const;
export type PasswordRuleCode = (typeof passwordRuleCodes)[number];

/** Codes the service adds after comparing with stored secrets. */
export type PasswordHistoryCode = 'password_same_as_current' | 'password_reused';

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** Đ9 lists exactly these: ! @ # % $ * & */
  specials: string;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, maxLength: 128, specials: '!@#%$*&' };

export interface PasswordContext {
  /** The account's address, e.g. thanhtv.sttt@binhphuoc.gov.vn. */
  email: string;
  /** The holder's name (Trần Văn Thanh): "Thanh@2026" is the first guess anyone would make. */
  displayName?: string;
}

export interface RuleResult {
  code: PasswordRuleCode;
  ok: boolean;
  /** Values the message quotes (the minimum length, the special characters). */
  params?: Record<string, string | number>;
}

/** Every rule with its verdict, in the order the checklist shows them. */
export function evaluatePassword(
  password: string,
  context: PasswordContext,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): RuleResult[] {
  const specials = [...policy.specials];
  return [
    {
      code: 'password_too_short',
      ok: [...password].length >= policy.minLength,
      params: { min: policy.minLength },
    },
    { code: 'password_needs_upper', ok: /[A-Z]/.test(password) },
    { code: 'password_needs_lower', ok: /[a-z]/.test(password) },
    { code: 'password_needs_digit', ok: /[0-9]/.test(password) },
    {
      code: 'password_needs_special',
      ok: specials.some((c) => password.includes(c)),
      params: { specials: specials.join(' ') },
    },
    { code: 'password_has_whitespace', ok: !/\s/u.test(password) },
    // A Vietnamese IME turns "a" + "s" into "á" in a password box; the user never sees it and is
    // locked out at the next log-in from another device. Only printable ASCII is accepted.
    { code: 'password_non_ascii', ok: /^[\x21-\x7e]*$/.test(password.replace(/\s/gu, '')) },
    {
      code: 'password_too_long',
      ok: [...password].length <= policy.maxLength,
      params: { max: policy.maxLength },
    },
    { code: 'password_common', ok: !isCommonPassword(password, context) },
    { code: 'password_contains_personal', ok: !containsPersonalData(password, context) },
  ];
}

export function checkPassword(
  password: string,
  context: PasswordContext,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): PasswordRuleCode[] {
  return evaluatePassword(password, context, policy)
    .filter((r) => !r.ok)
    .map((r) => r.code);
}

/** Lower-case ASCII letters only: "Bình Phước" → "binhphuoc", "Đông" → "dong". */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * Words people build passwords from, here: the regulation's own example (Matkhau@123), Vietnamese
 * words for "password", the province, the system. Combined with a trivial number they make the
 * passwords every attacker tries first.
 */
const WEAK_WORDS = new Set([
  'matkhau',
  'mk',
  'password',
  'passw',
  'pass',
  'abc',
  'abcd',
  'abcde',
  'abcdef',
  'aa',
  'aaa',
  'aaaa',
  'qwerty',
  'qwe',
  'asdf',
  'admin',
  'administrator',
  'user',
  'test',
  'welcome',
  'hello',
  'xinchao',
  'iloveyou',
  'anhyeuem',
  'emyeuanh',
  'vietnam',
  'hanoi',
  'saigon',
  'hcm',
  'binhphuoc',
  'dongxoai',
  'congvu',
  'thucongvu',
  'thudientu',
  'email',
  'mail',
  'hopthu',
  'sttt',
  'stttt',
  'ubnd',
  'ubndtinh',
  'tinhuy',
  'chinhphu',
  'congchuc',
  'canbo',
  'vanthu',
  'mothaiba',
  'mmmm',
  'zzzz',
  'xxxx',
]);

/** Exact strings seen in leaked lists and in training material, whatever the letters' case. */
const COMMON_EXACT = new Set(
  [
    'Matkhau@123',
    'Matkhau@1234',
    'Matkhau@12345',
    'Abc@12345',
    'Abc@123456',
    'Abc@123',
    'Abcd@1234',
    'Abcd@123',
    'Binhphuoc@123',
    'Binhphuoc@2021',
    'Admin@123',
    'Admin@1234',
    'P@ssw0rd',
    'P@ssword1',
    'Password@1',
    'Password@123',
    'Qwerty@123',
    'Aa@123456',
    'Aa123456@',
    '123456Aa@',
    'Abc123@@',
    'Vietnam@123',
    'Hanoi@123',
    'Zxcvbnm@123',
    'Asdfgh@123',
    'Qwe@1234',
    '1qaz@WSX',
    '1qaz!QAZ',
    'Anhyeuem@123',
    'Iloveyou@1',
    'Welcome@123',
  ].map((p) => p.toLowerCase()),
);

const TRIVIAL_NUMBER = /^(0*1?2?3?4?5?6?7?8?9?0?|(\d)\2*|(19|20)\d\d|\d{1,2}(0[1-9]|1[0-2])((19|20)?\d\d)?)$/;

function isCommonPassword(password: string, context: PasswordContext): boolean {
  if (COMMON_EXACT.has(password.toLowerCase())) return true;
  const letters = password.replace(/[^A-Za-z]/g, '').toLowerCase();
  const digits = password.replace(/[^0-9]/g, '');
  const domainWords = context.email
    .split('@')[1]
    ?.split('.')
    .map((w) => w.toLowerCase());
  const weak = WEAK_WORDS.has(letters) || (domainWords?.includes(letters) ?? false) || letters.length <= 2;
  // A weak word with a year, a sequence or a date after it: Binhphuoc#2026, Matkhau@0101.
  return weak && TRIVIAL_NUMBER.test(digits);
}

function containsPersonalData(password: string, context: PasswordContext): boolean {
  const lowered = password.toLowerCase();
  const local = context.email.split('@')[0]?.toLowerCase() ?? '';
  // The account name and its unit: thanhtv, sttt from thanhtv.sttt; thanhtv2 counts as thanhtv.
  // Digits are stripped before the length test: a piece of digits only (thanh.1985.sttt) would
  // otherwise become "", which every password contains, and no password could ever be set.
  const pieces = local
    .split(/[.\-_]/)
    .map((p) => p.replace(/\d+$/, ''))
    .filter((p) => p.length >= 3);
  const nameParts = (context.displayName ?? '')
    .split(/\s+/)
    .map(foldToAscii)
    .filter((p) => p.length >= 4);
  return [...pieces, ...nameParts].some((piece) => lowered.includes(piece));
}
