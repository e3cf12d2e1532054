// `npm run demo`: gives the demo accounts marked with consoleRole in accounts.json their console
// role, name and unit in the proxy's store (DATA_DIR of .env), so the console can be tried at once.
import { createAccountStore } from '../../proxy/accounts/account-store';
import { createAuditLog } from '../../proxy/audit/audit-log';
import { loadConfig } from '../../proxy/config';
import { loadEnvFile } from '../../proxy/load-env-file';
import { openStore } from '../../proxy/store/open-store';
import { readDemoAccounts } from './demo-accounts';

loadEnvFile();
const config = loadConfig();
const store = await openStore({
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  poolSize: config.databasePoolSize,
});
const accounts = createAccountStore(store.db);
const audit = createAuditLog(store.db);
for (const a of readDemoAccounts()) {
  const current = await accounts.get(a.email);
  const role = a.consoleRole ?? 'user';
  await accounts.setProfile(a.email, {
    fullName: a.displayName,
    unitCode: a.unit,
    kind: a.email.split('@')[0]?.includes('.') ? 'personal' : 'unit',
    role,
  });
  if (current?.role !== role) {
    await audit.record({
      actor: 'demo:seed',
      email: a.email,
      action: 'role_change',
      outcome: 'ok',
      details: { role },
    });
  }
}
await store.close();
console.log('• demo console roles set (accounts.json consoleRole)');
