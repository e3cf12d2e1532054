import { parseArgs } from 'node:util';
import { mailStackPaths } from '../mailstack/paths';
import { type BulkDelivery, seedBulkMail } from './seed-bulk';
import { seedDemoMail } from './seed-demo';
import { seedSignedDemoMessage } from './signed-demo';

/**
 * npm run mail:seed                      demo mailboxes from scripts/seed/mail (idempotent)
 * npm run mail:seed -- --bulk 100000 --user thanhtv.sttt@binhphuoc.gov.vn [--folder INBOX]
 *                                        [--via maildir|lmtp]  benchmark mail, appended
 * The stack must be running (npm run mail:start); run as root, like the stack.
 */
const USAGE = 'usage: seed.ts [--bulk N --user EMAIL [--folder NAME] [--via maildir|lmtp]]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bulk: { type: 'string' },
      user: { type: 'string' },
      folder: { type: 'string', default: 'INBOX' },
      via: { type: 'string', default: 'maildir' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (process.getuid?.() !== 0)
    throw new Error('run as root: the seed empties and writes maildirs owned by "mail"');

  if (values.bulk === undefined) {
    const summary = await seedDemoMail();
    await seedSignedDemoMessage();
    for (const mailbox of summary.mailboxes) {
      const folders = mailbox.folders
        .map((f) => `${f.folder} ${f.messages} (${f.unseen} chưa đọc)`)
        .join(', ');
      console.log(`  ${mailbox.email}: ${folders}`);
    }
    const total = summary.mailboxes.flatMap((m) => m.folders).reduce((n, f) => n + f.messages, 0);
    console.log(
      `seeded ${total} messages into ${summary.mailboxes.length} demo mailboxes in ${summary.elapsedMs} ms ` +
        `(fixture dates moved by ${summary.shiftedByDays} days; state ${mailStackPaths.stateDir})`,
    );
    return;
  }

  const count = Number(values.bulk);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('--bulk takes 1..100000');
  if (!values.user) throw new Error(`--bulk needs --user\n${USAGE}`);
  if (values.via !== 'maildir' && values.via !== 'lmtp')
    throw new Error(`--via is maildir or lmtp\n${USAGE}`);
  const result = await seedBulkMail({
    user: values.user,
    count,
    folder: values.folder,
    via: values.via as BulkDelivery,
  });
  console.log(
    `added ${result.count} messages to ${result.user} ${result.folder} via ${result.via} in ${result.elapsedMs} ms ` +
      `(generate+write ${result.writeMs} ms, Dovecot sync ${result.syncMs} ms; folder now holds ${result.folderMessages})`,
  );
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') {
    console.error('seed: the mail stack is not running; start it with: npm run mail:start');
    process.exit(1);
  }
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
