// `npm run demo` writes .env for the local mail stack when there is none, so that the proxy and
// `npm run admin` read the same provider settings. An existing .env is the operator's and stays.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mailStackProxyEnv } from './mailstack/proxy-env';
import { demoTrustAnchorsDir } from './seed/signed-demo';

const file = process.argv[2] ?? '.env';
// Đ14.2h: the demo trusts the demo root the seed made, and nothing else.
const trustAnchors = `TRUST_ANCHORS_DIR=${demoTrustAnchorsDir()}`;
const DEMO_MARK = '# Written by npm run demo';
if (existsSync(file)) {
  const current = readFileSync(file, 'utf8');
  // A demo .env from before the demo had signed mail gets the one line it lacks; an operator's stays.
  if (current.startsWith(DEMO_MARK) && !/^TRUST_ANCHORS_DIR=/m.test(current)) {
    appendFileSync(file, `${trustAnchors}\n`);
    console.log(`• ${file}: added ${trustAnchors}`);
  } else console.log(`• ${file} exists: kept as it is`);
} else {
  const lines = [...Object.entries(mailStackProxyEnv()).map(([k, v]) => `${k}=${v}`), trustAnchors];
  writeFileSync(file, `${DEMO_MARK} for the local mail stack (scripts/mailstack).\n${lines.join('\n')}\n`, {
    mode: 0o600,
  });
  console.log(`• wrote ${file} for the local mail stack`);
}
