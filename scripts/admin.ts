// Admin commands until the Sở TT&TT console exists: `npm run admin -- <command> …`.
// Reads the same DATA_DIR as the proxy (the SQLite policy store).
import { createAuditLog } from '../proxy/audit/audit-log';
import { loadConfig } from '../proxy/config';
import { openDatabase } from '../proxy/store/database';

const [command, ...args] = process.argv.slice(2);
const usage = `Cách dùng / usage:
  npm run admin -- audit <email>    nhật ký của một tài khoản (6 tháng gần nhất) / an account's audit log`;

function formatTime(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

const config = loadConfig();
if (command === 'audit' && args[0]) {
  const email = args[0].normalize('NFC').toLowerCase();
  const entries = createAuditLog(openDatabase(config.dataDir)).forAccount(email);
  if (entries.length === 0) {
    console.log(`Không có mục nào trong nhật ký cho ${email}.`);
  } else {
    for (const e of entries) {
      const details = e.details ? ` ${JSON.stringify(e.details)}` : '';
      console.log(
        `${formatTime(e.at, config.org.timeZone)}  ${e.action.padEnd(8)} ${e.outcome.padEnd(20)} ${(e.ip ?? '-').padEnd(15)} ${e.actor}${details}`,
      );
    }
  }
} else {
  console.error(usage);
  process.exit(2);
}
