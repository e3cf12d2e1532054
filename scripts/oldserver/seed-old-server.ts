/**
 * Fills a mailbox of the old server (scripts/oldserver/oldserver.sh) from old-mailbox.ts, after
 * emptying it: `tsx scripts/oldserver/seed-old-server.ts [main|bench|small]`. Folders are filled
 * over a few connections at once; APPEND keeps each message's flags and internal date.
 */
import { ImapFlow } from 'imapflow';
import {
  BENCH_FOLDERS,
  MAIN_FOLDERS,
  OLD_SERVER,
  type OldFolderPlan,
  oldMessage,
  SMALL_FOLDERS,
} from './old-mailbox';

function connect(user: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: OLD_SERVER.host,
    port: OLD_SERVER.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user, pass: OLD_SERVER.password },
    logger: false,
  });
  return client.connect().then(() => client);
}

/** Deletes every folder but INBOX and empties INBOX. */
async function emptyMailbox(user: string): Promise<void> {
  const client = await connect(user);
  try {
    const folders = (await client.list()).map((f) => f.path).filter((p) => p !== 'INBOX');
    // Children before parents.
    for (const path of folders.sort((a, b) => b.length - a.length)) await client.mailboxDelete(path);
    const box = await client.mailboxOpen('INBOX');
    if (box.exists > 0) await client.messageDelete('1:*');
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function fillFolder(user: string, plan: OldFolderPlan, bigBody: boolean): Promise<void> {
  const client = await connect(user);
  try {
    if (plan.path !== 'INBOX') {
      await client.mailboxCreate(plan.path).catch(() => undefined);
      await client.mailboxSubscribe(plan.path);
    }
    for (let i = 0; i < plan.count; i++) {
      const m = oldMessage(plan.path, i, bigBody);
      const done = await client.append(plan.path, m.raw, m.flags, m.internalDate);
      if (!done) throw new Error(`APPEND to ${plan.path} failed`);
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export async function seedOldMailbox(
  user: string,
  folders: OldFolderPlan[],
  bigBody = false,
): Promise<number> {
  await emptyMailbox(user);
  // Parents first (a nested folder's parent must exist on some servers), then four at a time.
  const queue = [...folders].sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  const workers = Array.from({ length: 4 }, async () => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) await fillFolder(user, plan, bigBody);
  });
  await Promise.all(workers);
  return folders.reduce((n, f) => n + f.count, 0);
}

const SETS: Record<string, [string, OldFolderPlan[], boolean]> = {
  main: [OLD_SERVER.users.main, MAIN_FOLDERS, false],
  bench: [OLD_SERVER.users.bench, BENCH_FOLDERS, true],
  small: [OLD_SERVER.users.small, SMALL_FOLDERS, false],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'main';
  const set = SETS[which];
  if (!set) throw new Error(`unknown set ${which}; use main or bench`);
  const started = Date.now();
  const n = await seedOldMailbox(...set);
  console.log(
    `old server: ${set[0]} filled with ${n} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
