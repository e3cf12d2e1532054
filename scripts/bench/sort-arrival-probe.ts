import { ImapFlow } from 'imapflow';
import { mailStackPorts } from '../mailstack/paths';
import { prepareBenchMailbox } from './bench-mailbox';
import { sortUids } from '../../proxy/mail/imap-sort-thread';

const count = Number(process.argv[2] ?? 100000);
const box = await prepareBenchMailbox(count, true);
const client = new ImapFlow({ host: mailStackPorts.host, port: mailStackPorts.imap, secure: false, auth: { user: box.email, pass: box.password }, logger: false });
await client.connect();
await client.mailboxOpen('INBOX');
async function raw(key: string) {
  const t = performance.now();
  const uids: number[] = [];
  const r = await (client as any).exec('UID SORT', [[{ type: 'ATOM', value: 'REVERSE' }, { type: 'ATOM', value: key }], { type: 'ATOM', value: 'UTF-8' }, { type: 'ATOM', value: 'ALL' }], { untagged: { SORT: async (u: any) => { for (const a of u.attributes ?? []) uids.push(Number(a.value)); } } });
  r.next();
  return [performance.now() - t, uids.length];
}
for (const key of ['ARRIVAL', 'ARRIVAL', 'DATE', 'DATE']) console.log(key, await raw(key));
await client.append('INBOX', 'From: a@b\r\nSubject: x\r\n\r\nx\r\n');
await client.noop();
console.log('after append ARRIVAL', await raw('ARRIVAL'));
const t = performance.now(); await client.search({ all: true }, { uid: true }); console.log('search all', performance.now() - t);
void sortUids;
await client.logout();
