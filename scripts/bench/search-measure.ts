import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ImapFlow, type SearchObject } from 'imapflow';
import type { SearchCriteria } from '../../common/contract';
import { searchMail } from '../../proxy/mail/search-mail';
import {
  readUsersFile,
  waitUntilDovecotSees,
  withUsersFileLock,
  writeUsersFile,
} from '../../proxy/password/drivers/passwd-file/files';
import { withExtraField } from '../../proxy/password/drivers/passwd-file/format';
import { removeMailUser, upsertMailUser } from '../mailstack/mail-users';
import { maildirOf, mailStackPaths, mailStackPorts, resolveMailDomain } from '../mailstack/paths';
import { seedSearchMailbox, vietnameseSearchSet } from '../seed/search-mail';
import { seedBulkMail } from '../seed/seed-bulk';

/**
 * The measurements behind docs/search.md, on the running mail stack, in a mailbox of its own:
 *
 *   npx tsx scripts/bench/search-measure.ts                 what Dovecot's SEARCH finds in Vietnamese
 *   npx tsx scripts/bench/search-measure.ts --bulk 20000    … plus latency on a 20,000-message folder,
 *                                                           Dovecot's SEARCH and the proxy's search
 *   … --fts                                                 the same with fts + fts_xapian turned on
 *                                                           for this one mailbox (userdb fields), so
 *                                                           nobody else's mail is indexed
 *   … --keep                                                leave the mailbox for more experiments
 *                                                           (else its login and maildir are removed)
 */
const args = process.argv.slice(2);
const bulkAt = args.indexOf('--bulk');
const bulk = bulkAt >= 0 ? Number(args[bulkAt + 1]) || 20_000 : 0;
const keep = args.includes('--keep');
const fts = args.includes('--fts');
const email = `search-bench-${Date.now().toString(36)}@${resolveMailDomain()}`;
const password = 'Tim#Kiem2026';
const doveadm = (...a: string[]) =>
  execFileSync('doveadm', ['-c', mailStackPaths.dovecotConf, ...a], { encoding: 'utf8' });

const FINDS: { label: string; criteria: SearchObject }[] = [
  { label: 'TEXT "công văn" (NFC)', criteria: { text: 'công văn' } },
  { label: 'TEXT "công văn" (NFD)', criteria: { text: 'công văn'.normalize('NFD') } },
  { label: 'TEXT "cong van"', criteria: { text: 'cong van' } },
  { label: 'SUBJECT "điện tử"', criteria: { subject: 'điện tử' } },
  { label: 'SUBJECT "dien tu"', criteria: { subject: 'dien tu' } },
  { label: 'SUBJECT "đien tu" (tones off, đ kept)', criteria: { subject: 'đien tu' } },
  { label: 'SUBJECT "tu" (2 letters)', criteria: { subject: 'tu' } },
  { label: 'BODY "ủy ban"', criteria: { body: 'ủy ban' } },
  { label: 'BODY "uy ban"', criteria: { body: 'uy ban' } },
  { label: 'SUBJECT "CÔNG VĂN"', criteria: { subject: 'CÔNG VĂN' } },
  { label: 'FROM "đặng"', criteria: { from: 'đặng' } },
  { label: 'FROM "dang"', criteria: { from: 'dang' } },
  { label: 'BODY "lịch trực" (HTML entities)', criteria: { body: 'lịch trực' } },
  { label: 'TEXT "Quyết định 45" (file name)', criteria: { text: 'Quyết định 45' } },
];

const TIMED: { label: string; imap: SearchObject; proxy: Partial<SearchCriteria> }[] = [
  { label: 'subject "công văn"', imap: { subject: 'công văn' }, proxy: { subject: 'công văn' } },
  { label: 'subject "dien tu"', imap: { subject: 'dien tu' }, proxy: { subject: 'dien tu' } },
  { label: 'from "nguyễn văn"', imap: { from: 'nguyễn văn' }, proxy: { from: 'nguyen van' } },
  { label: 'body "bao cao ket qua"', imap: { body: 'bao cao ket qua' }, proxy: { body: 'bao cao ket qua' } },
  { label: 'text "văn bản điện tử"', imap: { text: 'văn bản điện tử' }, proxy: { q: 'van ban dien tu' } },
  { label: 'text "125"', imap: { text: '125' }, proxy: { q: '125' } },
  { label: 'subject, no hit', imap: { subject: 'aeiou' }, proxy: { subject: 'aeiou' } },
  { label: 'text, no hit', imap: { text: 'aeiou' }, proxy: { q: 'aeiou' } },
  { label: 'unread', imap: { seen: false }, proxy: { unread: true } },
];

function enableXapianFor(user: string) {
  withUsersFileLock(mailStackPaths, () => {
    const entries = readUsersFile(mailStackPaths).map((e) => {
      if (e.user !== user) return e;
      let next = withExtraField(e, 'userdb_mail_plugins', 'quota,fts,fts_xapian');
      next = withExtraField(next, 'userdb_fts', 'xapian');
      next = withExtraField(next, 'userdb_fts_autoindex', 'yes');
      return withExtraField(next, 'userdb_fts_enforced', 'yes');
    });
    writeUsersFile(entries, mailStackPaths);
  });
  waitUntilDovecotSees();
}

async function timeIt<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - t0)];
}

async function main() {
  upsertMailUser({ email, password, quotaBytes: 4 * 1024 ** 3, suspendReason: null });
  if (fts) enableXapianFor(email);
  const now = new Date();
  await seedSearchMailbox({ email, password }, now);
  const client = new ImapFlow({
    host: mailStackPorts.host,
    port: mailStackPorts.imap,
    secure: false,
    auth: { user: email, pass: password },
    logger: false,
  });
  await client.connect();
  try {
    console.log(`mailbox ${email}${fts ? ' (fts_xapian)' : ''}\n`);
    console.log('| IMAP SEARCH in INBOX | found |\n|---|---|');
    const keys = new Map<number, string>();
    const lock = await client.getMailboxLock('INBOX');
    try {
      for await (const m of client.fetch('1:*', { uid: true, envelope: true }, { uid: true }))
        keys.set(m.uid, (m.envelope?.messageId ?? '').replace(/^<|@.*$/g, ''));
      for (const q of FINDS) {
        const uids = (await client.search(q.criteria, { uid: true })) || [];
        console.log(`| ${q.label} | ${uids.map((u) => keys.get(u)).join(', ') || '—'} |`);
      }
    } finally {
      lock.release();
    }
    console.log(
      `\n(${vietnameseSearchSet(email, now).length} messages; keys in scripts/seed/search-mail.ts)`,
    );
    if (bulk > 0) await measureBulk(client, now);
  } finally {
    await client.logout().catch(() => client.close());
    if (!keep) {
      removeMailUser(email);
      rmSync(dirname(maildirOf(email)), { recursive: true, force: true });
    }
  }
}

async function measureBulk(client: ImapFlow, now: Date) {
  const seeded = await seedBulkMail({ user: email, count: bulk, folder: 'Bulk', seed: 7, now });
  console.log(`\nseeded ${seeded.folderMessages} messages into Bulk in ${seeded.elapsedMs} ms`);
  if (fts) {
    const [, ms] = await timeIt(async () => doveadm('index', '-u', email, 'Bulk'));
    const home = doveadm('user', '-f', 'home', email).trim();
    const du = (dir: string) => execFileSync('du', ['-sh', dir], { encoding: 'utf8' }).split('\t')[0];
    console.log(
      `doveadm index Bulk: ${ms} ms; xapian index ${du(`${home}/Maildir/xapian-indexes`)}, mail ${du(`${home}/Maildir/.Bulk`)}`,
    );
  }
  console.log(
    '\n| on Bulk | IMAP hits | IMAP ms (1st/2nd) | proxy 1st page ms | proxy all pages ms | proxy hits |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const t of TIMED) {
    const lock = await client.getMailboxLock('Bulk');
    let hits = 0;
    const runs: number[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const [found, ms] = await timeIt(() => client.search(t.imap, { uid: true }));
        hits = (found || []).length;
        runs.push(ms);
      }
    } finally {
      lock.release();
    }
    const criteria = {
      limit: 50,
      hasAttachment: false,
      unread: false,
      mailbox: 'Bulk',
      ...t.proxy,
    } as SearchCriteria;
    const options = { timeZone: 'Asia/Ho_Chi_Minh' };
    const [first, firstMs] = await timeIt(() => searchMail(client, criteria, options));
    const [all, allMs] = await timeIt(async () => {
      let page = first;
      let n = page.hits.length;
      while (page.nextCursor) {
        page = await searchMail(client, { ...criteria, cursor: page.nextCursor }, options);
        n += page.hits.length;
      }
      return n;
    });
    console.log(`| ${t.label} | ${hits} | ${runs.join(' / ')} | ${firstMs} | ${firstMs + allMs} | ${all} |`);
  }
}

await main();
