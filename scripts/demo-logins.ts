// Prints where to log in and the demo accounts, read from the seed's own account list.
import { readDemoAccounts } from './seed/demo-accounts';

const url = process.argv[2] ?? 'http://127.0.0.1:8080';
const accounts = readDemoAccounts();
const rows = accounts.map((a) => [
  a.email,
  a.password,
  a.displayName,
  a.suspended
    ? 'tạm khóa (suspended)'
    : a.consoleRole === 'admin'
      ? 'quản trị (console admin)'
      : a.consoleRole === 'unit_manager'
        ? `quản lý đơn vị ${a.unit} (unit manager, read-only)`
        : '',
]);
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
console.log(`\n  Hộp thư công vụ Bình Phước is running at ${url}\n`);
for (const r of rows) console.log(`  ${r.map((c, i) => (c ?? '').padEnd(widths[i] ?? 0)).join('  ')}`);
console.log('');
console.log(`  Console (Sở TT&TT): ${url}/quan-tri — the first visit sets up two-step verification`);
console.log('  (any TOTP app: Google/Microsoft Authenticator, FreeOTP…) and shows 10 recovery codes.');
console.log('');
