// Prints where to log in and the demo accounts, read from the seed's own account list.
import { readDemoAccounts } from './seed/demo-accounts';

const url = process.argv[2] ?? 'http://127.0.0.1:8080';
const accounts = readDemoAccounts();
const rows = accounts.map((a) => [
  a.email,
  a.password,
  a.displayName,
  a.suspended ? 'tạm khóa (suspended)' : '',
]);
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
console.log(`\n  Hộp thư công vụ Bình Phước is running at ${url}\n`);
for (const r of rows) console.log(`  ${r.map((c, i) => (c ?? '').padEnd(widths[i] ?? 0)).join('  ')}`);
console.log('');
