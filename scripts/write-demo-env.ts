// `npm run demo` writes .env for the local mail stack when there is none, so that the proxy and
// `npm run admin` read the same provider settings. An existing .env is the operator's and stays.
import { existsSync, writeFileSync } from 'node:fs';
import { mailStackProxyEnv } from './mailstack/proxy-env';

const file = process.argv[2] ?? '.env';
if (existsSync(file)) {
  console.log(`• ${file} exists: kept as it is`);
} else {
  const lines = Object.entries(mailStackProxyEnv()).map(([k, v]) => `${k}=${v}`);
  writeFileSync(
    file,
    `# Written by npm run demo for the local mail stack (scripts/mailstack).\n${lines.join('\n')}\n`,
    {
      mode: 0o600,
    },
  );
  console.log(`• wrote ${file} for the local mail stack`);
}
