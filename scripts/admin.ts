// Admin commands for the terminal (the Sở TT&TT console does the same from the browser):
// `npm run admin -- <command> …`.
// Reads the same configuration (.env and environment) and DATA_DIR as the proxy.

import { vietnameseDateTime } from '../common/policy/vietnam-date';
import { createAccountStore } from '../proxy/accounts/account-store';
import {
  type AdminDeps,
  resetPassword,
  setAccountState,
  setSendingLock,
} from '../proxy/accounts/admin-actions';
import { createAuditLog } from '../proxy/audit/audit-log';
import { createSessionStore } from '../proxy/auth/session-store';
import { ConfigError, loadConfig } from '../proxy/config';
import { loadDataKey } from '../proxy/console/data-key';
import { createSecondFactors } from '../proxy/console/second-factor';
import { loadEnvFile } from '../proxy/load-env-file';
import { createPasswordDriver } from '../proxy/password/drivers/create-driver';
import { DriverError } from '../proxy/password/drivers/password-driver';
import { openStore } from '../proxy/store/open-store';

const usage = `Cách dùng / usage: npm run admin -- <lệnh> …
  audit <email>                  nhật ký của một tài khoản (6 tháng gần nhất) / an account's audit log
  reset-password <email>         cấp mật khẩu tạm, bắt đổi khi đăng nhập lần đầu / temporary password, change at first log-in
  suspend <email> <lý do…>       tạm khóa (vẫn nhận thư) / suspend (mail still delivered)
  revoke <email> [lý do…]        thu hồi, không đăng nhập được / revoke
  restore <email>                mở lại / restore
  lock-sending <email> <lý do…>  khóa chức năng gửi thư (vẫn đọc được) / lock sending (Đ5.3b)
  unlock-sending <email>         mở lại chức năng gửi / unlock sending
  grant-role <email> <admin|unit_manager|user> [mã đơn vị]
                                 vai trò trong trang quản trị / console role (unit manager: their unit)
  reset-second-factor <email>    xóa xác thực hai lớp (mất điện thoại) / clear a lost second factor`;

const ADMIN = { name: 'admin:cli' };

async function main(): Promise<number> {
  const [command, rawEmail, ...rest] = process.argv.slice(2);
  if (!command || !rawEmail) {
    console.error(usage);
    return 2;
  }
  loadEnvFile();
  const config = loadConfig();
  const email = rawEmail.normalize('NFC').trim().toLowerCase();
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
  });
  const deps: AdminDeps = {
    config,
    accounts: createAccountStore(store.db),
    audit: createAuditLog(store.db),
    sessions: createSessionStore(store.db, config.session),
    passwordDriver: createPasswordDriver(config.passwordDriver),
  };
  const reason = rest.join(' ').trim() || null;

  switch (command) {
    case 'audit': {
      const entries = await deps.audit.forAccount(email);
      if (entries.length === 0) console.log(`Không có mục nào trong nhật ký cho ${email}.`);
      for (const e of entries) {
        const details = e.details ? ` ${JSON.stringify(e.details)}` : '';
        console.log(
          `${vietnameseDateTime(e.at, { timeZone: config.org.timeZone })}  ${e.action.padEnd(15)} ${e.outcome.padEnd(26)} ${(e.ip ?? '-').padEnd(15)} ${e.actor}${details}`,
        );
      }
      return 0;
    }
    case 'reset-password': {
      const password = await resetPassword(deps, email, ADMIN);
      console.log(`Đã cấp mật khẩu tạm cho ${email}. Mật khẩu chỉ hiện một lần, hãy chuyển cho người dùng:`);
      console.log(`\n    ${password}\n`);
      console.log('Người dùng phải đặt mật khẩu mới khi đăng nhập lần đầu (Quy chế, Điều 6.3c).');
      return 0;
    }
    case 'suspend':
    case 'revoke':
    case 'restore': {
      if (command === 'suspend' && !reason) {
        console.error(
          'Cần ghi lý do tạm khóa / a reason is required: npm run admin -- suspend <email> <lý do>',
        );
        return 2;
      }
      const state = command === 'suspend' ? 'suspended' : command === 'revoke' ? 'revoked' : 'active';
      const { atProvider } = await setAccountState(deps, email, state, reason, ADMIN);
      const done = { suspended: 'Đã tạm khóa', revoked: 'Đã thu hồi', active: 'Đã mở lại' }[state];
      console.log(`${done} ${email}${atProvider ? ' (cả ở máy chủ thư)' : ' (trong kho chính sách)'}.`);
      return 0;
    }
    case 'lock-sending':
    case 'unlock-sending': {
      const locking = command === 'lock-sending';
      if (locking && !reason) {
        console.error('Cần ghi lý do / a reason is required: npm run admin -- lock-sending <email> <lý do>');
        return 2;
      }
      await setSendingLock(deps, email, locking ? reason : null, ADMIN);
      console.log(`${locking ? 'Đã khóa' : 'Đã mở lại'} chức năng gửi thư của ${email}.`);
      return 0;
    }
    case 'grant-role': {
      const [role, unitCode] = rest;
      if (role !== 'admin' && role !== 'unit_manager' && role !== 'user') {
        console.error(usage);
        return 2;
      }
      if (role === 'unit_manager' && !unitCode) {
        console.error('Cần mã đơn vị / a unit code is required: grant-role <email> unit_manager <mã đơn vị>');
        return 2;
      }
      await deps.accounts.setProfile(email, { role, ...(unitCode ? { unitCode } : {}) });
      await deps.audit.record({
        actor: ADMIN.name,
        email,
        action: 'role_change',
        outcome: 'ok',
        details: { role, ...(unitCode ? { unitCode } : {}) },
      });
      console.log(`${email}: vai trò ${role}${unitCode ? ` (${unitCode})` : ''}.`);
      return 0;
    }
    case 'reset-second-factor': {
      await createSecondFactors(store.db, loadDataKey(config.dataKeyFile), config.org.productName).reset(
        email,
      );
      await deps.sessions.destroyAllFor(email);
      await deps.audit.record({ actor: ADMIN.name, email, action: 'second_factor_reset', outcome: 'ok' });
      console.log(`Đã xóa xác thực hai lớp của ${email}; lần vào trang quản trị tới sẽ đăng ký lại.`);
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof DriverError && error.reason === 'no_such_account')
      console.error(`Không có tài khoản này ở máy chủ thư / no such account: ${error.message}`);
    else console.error(error);
    process.exit(1);
  },
);
