import { randomInt } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccountDetail,
  AccountList,
  AddressProposal,
  CreatedAccount,
  UnitTree,
} from '../../common/contract';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { maildirOf, mailStackPaths, mailStackPorts } from '../../scripts/mailstack/paths';
import { withImapSession } from '../../scripts/seed/imap-append';
import { consoleUser } from '../test-support/console-admin';
import { freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

const GB = 1024 ** 3;
const DOMAIN = 'binhphuoc.gov.vn';

/** A Vietnamese-looking given name nobody else on the shared stack has: "Kiet" + 5 letters. */
function freshGivenName(): string {
  const letters = Array.from({ length: 5 }, () => 'abcdeghiklmnopqrstuvxy'[randomInt(22)]).join('');
  return `Kiet${letters}`;
}

describe('console accounts: Đ4 names, creation at the real provider, first log-in (Đ5.3a)', () => {
  let proxy: ProxyHarness;
  let admin: Awaited<ReturnType<typeof consoleUser>>;
  const created: string[] = [];
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    proxy = await startProxy();
    admin = await consoleUser(proxy, { role: 'admin', unitCode: 'sttt' });
    cleanup.push(admin.remove);
  });
  afterAll(async () => {
    await proxy.close();
    for (const c of cleanup) c();
    for (const email of created) {
      removeMailUser(email);
      rmSync(dirname(maildirOf(email)), { recursive: true, force: true });
    }
  });

  async function create(body: Record<string, unknown>) {
    const res = await admin.client.post('/api/console/accounts', body);
    if (res.statusCode === 200) created.push((res.json() as CreatedAccount).address);
    return res;
  }

  it('proposes thanhtv2.sttt for a second Trần Văn Thanh (NFD as pasted), and the unit tree is configured', async () => {
    const tree = (await admin.client.get('/api/console/units')).json() as UnitTree;
    expect(tree.units[0]).toMatchObject({ code: 'ubndt', level: 'province', depth: 0 });
    expect(tree.units.find((u) => u.code === 'sttt')).toMatchObject({
      name: 'Sở Thông tin và Truyền thông',
      depth: 1,
    });
    const nfd = encodeURIComponent('Trần Văn Thanh'.normalize('NFD'));
    const res = await admin.client.get(
      `/api/console/accounts/propose?fullName=${nfd}&unitCode=sttt&kind=personal`,
    );
    const proposal = res.json() as AddressProposal;
    // thanhtv.sttt is a demo account at the provider; the proposal numbers past every taken one.
    expect(proposal.ok).toBe(true);
    expect(proposal.address).toMatch(new RegExp(`^thanhtv([2-9]|\\d{2,})\\.sttt@${DOMAIN}$`));
    expect(proposal.clash).toBeGreaterThanOrEqual(2);
  });

  it('creates a new person at Dovecot and Postfix: temporary password, must change, mail arrives', async () => {
    const given = freshGivenName();
    const stem = `${given.toLowerCase()}dt`;
    const first = await create({
      fullName: `Đỗ Thị ${given}`,
      unitCode: 'sttt',
      kind: 'personal',
      title: 'Chuyên viên',
    });
    expect(first.statusCode, first.body).toBe(200);
    const one = first.json() as CreatedAccount;
    expect(one.address).toBe(`${stem}.sttt@${DOMAIN}`);
    expect(one.account).toMatchObject({
      fullName: `Đỗ Thị ${given}`,
      unitCode: 'sttt',
      mustChangePassword: true,
      quotaBytes: 2 * GB,
    });

    // The same name again (NFD, as from macOS): the clash gets 2 (Đ4.2b), at the real provider too.
    const second = await create({
      fullName: `Đỗ Thị ${given}`.normalize('NFD'),
      unitCode: 'sttt',
      kind: 'personal',
    });
    expect(second.statusCode, second.body).toBe(200);
    const two = second.json() as CreatedAccount;
    expect(two.address).toBe(`${stem}2.sttt@${DOMAIN}`);
    const proposal = (
      await admin.client.post('/api/console/accounts/propose', {
        fullName: `Đỗ Thị ${given}`,
        unitCode: 'sttt',
      })
    ).json() as AddressProposal;
    expect(proposal).toMatchObject({ ok: true, address: `${stem}3.sttt@${DOMAIN}`, clash: 3 });

    // The hook rewrote Postfix's table of mailboxes.
    expect(readFileSync(mailStackPaths.postfixVirtualMailboxes, 'utf8')).toContain(`${one.address} OK`);

    // First log-in with the temporary password: only the password change is allowed.
    const holder = await logIn(proxy, one.address, one.temporaryPassword);
    const blocked = await holder.get('/api/mailboxes/INBOX/messages');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const next = 'Hoa#Mai2026x';
    const changed = await holder.post('/api/password', { current: one.temporaryPassword, next });
    expect(changed.statusCode, changed.body).toBe(204);
    const after = await logIn(proxy, one.address, next);
    expect((await after.get('/api/mailboxes/INBOX/messages')).statusCode).toBe(200);

    // Mail to the new address is accepted by the real Postfix submission and arrives.
    const sender = freshMailbox('guithu');
    cleanup.push(sender.remove);
    // …and colleagues find the new person in compose's completion at once, without tones.
    const colleague = await logIn(proxy, sender.email, sender.password);
    const found = (
      await colleague.get(`/api/contacts?q=${encodeURIComponent(`do thi ${given}`)}`)
    ).json() as {
      contacts: { address: string; name: string | null }[];
    };
    expect(found.contacts.map((c) => c.address)).toContain(one.address);
    const transport = nodemailer.createTransport({
      host: mailStackPorts.host,
      port: mailStackPorts.submission,
      secure: false,
      auth: { user: sender.email, pass: sender.password },
      tls: { rejectUnauthorized: false },
    });
    const subject = `Chào mừng ${given}`;
    const info = await transport.sendMail({
      from: sender.email,
      to: one.address,
      subject,
      text: 'Chào đồng chí.',
    });
    transport.close();
    expect(info.accepted).toEqual([one.address]);
    const arrived = await waitFor(() =>
      withImapSession({ email: one.address, password: next }, async (client) => {
        const lock = await client.getMailboxLock('INBOX');
        try {
          const uids = await client.search({ subject: given });
          return (uids || []).length > 0;
        } finally {
          lock.release();
        }
      }),
    );
    expect(arrived).toBe(true);

    const audit = (await proxy.ctx.audit.forAccount(one.address)).map((e) => `${e.action}:${e.outcome}`);
    expect(audit).toContain('account_create:ok');
  }, 60_000);

  it('refuses an override without a reason, a quota under 2 GB and an unknown unit; accepts an override with a reason', async () => {
    const given = freshGivenName();
    const noReason = await create({
      fullName: `Lê ${given}`,
      unitCode: 'sttt',
      local: `${given.toLowerCase()}.sttt`,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('override_reason_required');

    const small = await create({ fullName: `Lê ${given}`, unitCode: 'sttt', quotaBytes: GB });
    expect(small.statusCode).toBe(400);
    expect(small.json().error).toMatchObject({ code: 'quota_below_minimum', details: { min: '2 GB' } });

    const unknown = await create({ fullName: `Lê ${given}`, unitCode: 'khongco' });
    expect(unknown.json().error.code).toBe('unit_not_found');

    const badLocal = await create({
      fullName: `Lê ${given}`,
      unitCode: 'sttt',
      local: 'Lê.sttt',
      overrideReason: 'x',
    });
    expect(badLocal.statusCode).toBe(400);
    expect(badLocal.json().error.code).toBe('local_has_uppercase');

    const withReason = await create({
      fullName: `Lê ${given}`,
      unitCode: 'sttt',
      local: `${given.toLowerCase()}le.sttt`,
      overrideReason: 'Người dân tộc Ê Đê, họ viết sau tên',
      quotaBytes: 5 * GB,
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    const detail = (
      await admin.client.get(
        `/api/console/accounts/${encodeURIComponent((withReason.json() as CreatedAccount).address)}`,
      )
    ).json() as AccountDetail;
    expect(detail).toMatchObject({
      nameOverrideReason: 'Người dân tộc Ê Đê, họ viết sau tên',
      quotaBytes: 5 * GB,
    });
    expect(detail.nextEvents.map((e) => e.kind)).toEqual(['suspend_inactive']);
  }, 30_000);

  it('lists with tone-less search, unit with sub-units, state and role; edits, quota, role and reset', async () => {
    const given = freshGivenName();
    const res = await create({ fullName: `Nguyễn Văn ${given}`, unitCode: 'ttcnttt', kind: 'personal' });
    expect(res.statusCode, res.body).toBe(200);
    const address = (res.json() as CreatedAccount).address;
    expect(address).toBe(`${given.toLowerCase()}nv.ttcnttt@${DOMAIN}`);

    const search = (
      await admin.client.get(
        `/api/console/accounts?q=${encodeURIComponent(`nguyen van ${given.toLowerCase()}`)}`,
      )
    ).json() as AccountList;
    expect(search.items.map((a) => a.email)).toEqual([address]);
    // ttcnttt is a division of sttt: the Sở's list includes it.
    const inSttt = (
      await admin.client.get(`/api/console/accounts?unit=sttt&pageSize=200&q=${given}`)
    ).json() as AccountList;
    expect(inSttt.total).toBe(1);
    const inOther = (
      await admin.client.get(`/api/console/accounts?unit=snv&q=${given}`)
    ).json() as AccountList;
    expect(inOther.total).toBe(0);
    // Provider accounts never described in the console list too (the demo thanhtv.sttt has a name there).
    const demo = (await admin.client.get('/api/console/accounts?q=thanhtv.sttt')).json() as AccountList;
    expect(demo.items.map((a) => a.email)).toContain(`thanhtv.sttt@${DOMAIN}`);

    const path = `/api/console/accounts/${encodeURIComponent(address)}`;
    const edited = (
      await admin.client.post(`${path}/profile`, { title: 'Phó Giám đốc', unitCode: 'sttt' })
    ).json() as AccountDetail;
    expect(edited).toMatchObject({
      title: 'Phó Giám đốc',
      unitCode: 'sttt',
      unitName: 'Sở Thông tin và Truyền thông',
    });

    const low = await admin.client.post(`${path}/quota`, { quotaBytes: GB });
    expect(low.json().error.code).toBe('quota_below_minimum');
    expect((await admin.client.post(`${path}/quota`, { quotaBytes: 3 * GB })).json()).toEqual({
      quotaBytes: 3 * GB,
      atProvider: true,
    });
    const line = readFileSync(mailStackPaths.usersFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${address}:`));
    expect(line).toContain('userdb_quota_rule=*:storage=3G');

    const role = (await admin.client.post(`${path}/role`, { role: 'unit_manager' })).json() as AccountDetail;
    expect(role.role).toBe('unit_manager');
    expect((await admin.client.get(`/api/console/accounts?role=unit_manager&q=${given}`)).json().total).toBe(
      1,
    );
    expect((await proxy.ctx.audit.forAccount(address)).map((e) => e.action)).toContain('role_change');

    const reset = await admin.client.post(`${path}/password-reset`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    const temp = reset.json().temporaryPassword as string;
    const holder = await logIn(proxy, address, temp);
    expect((await holder.get('/api/mailboxes/INBOX/messages')).json().error.code).toBe(
      'password_change_required',
    );
  }, 30_000);

  it('keeps an admin from removing their own admin role', async () => {
    const res = await admin.client.post(`/api/console/accounts/${encodeURIComponent(admin.email)}/role`, {
      role: 'user',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('own_admin_role');
  });

  it('shows a unit manager only their unit, and refuses every write with 403 forbidden', async () => {
    const manager = await consoleUser(proxy, { role: 'unit_manager', unitCode: 'vpubnd', prefix: 'quanly' });
    cleanup.push(manager.remove);
    const units = (await manager.client.get('/api/console/units')).json() as UnitTree;
    expect(units.units.map((u) => u.code)).toEqual(['vpubnd']);
    const list = (await manager.client.get('/api/console/accounts?pageSize=200')).json() as AccountList;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((a) => a.unitCode === 'vpubnd')).toBe(true);
    const outside = await manager.client.get(`/api/console/accounts/${encodeURIComponent(admin.email)}`);
    expect(outside.statusCode).toBe(404);

    for (const [url, body] of [
      ['/api/console/accounts', { fullName: 'Trần Văn Thanh', unitCode: 'vpubnd' }],
      [`/api/console/accounts/${encodeURIComponent(manager.email)}/role`, { role: 'admin' }],
      [`/api/console/accounts/${encodeURIComponent(manager.email)}/quota`, { quotaBytes: 3 * GB }],
      ['/api/console/units', { code: 'xyz', name: 'X', parentCode: 'vpubnd', level: 'division' }],
    ] as const) {
      const res = await manager.client.post(url, body);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(
      (await manager.client.get('/api/console/accounts/propose?fullName=A%20B&unitCode=vpubnd')).statusCode,
    ).toBe(403);
  });

  it('counts a mailbox made at the provider, with no unit recorded, in the unit its address names', async () => {
    const email = `cuhv${randomInt(1e6)}.snv@${DOMAIN}`;
    upsertMailUser({ email, password: 'Lua#Hong2026', quotaBytes: 2 * GB, suspendReason: null });
    cleanup.push(() => removeMailUser(email));
    const list = (
      await admin.client.get(`/api/console/accounts?unit=snv&q=${email.split('@')[0]}`)
    ).json() as AccountList;
    expect(list.items.map((a) => [a.email, a.unitCode])).toEqual([[email, 'snv']]);
  });

  it('manages units: valid codes only, no duplicates, deletes only an empty unit', async () => {
    const code = `tt${randomInt(1e6)}`;
    const bad = await admin.client.post('/api/console/units', {
      code: 'Sở-TT',
      name: 'X',
      parentCode: 'sttt',
      level: 'division',
    });
    expect(bad.json().error.code).toBe('unit_code_invalid');
    const made = await admin.client.post('/api/console/units', {
      code,
      name: 'Trung tâm Thử nghiệm'.normalize('NFD'),
      parentCode: 'sttt',
      level: 'division',
    });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ code, name: 'Trung tâm Thử nghiệm', depth: 2 });
    expect(
      (
        await admin.client.post('/api/console/units', {
          code,
          name: 'Y',
          parentCode: 'sttt',
          level: 'division',
        })
      ).json().error.code,
    ).toBe('unit_exists');
    const renamed = await admin.client.post(`/api/console/units/${code}`, {
      name: 'Trung tâm Kiểm thử',
      parentCode: 'sttt',
      level: 'division',
    });
    expect(renamed.json().name).toBe('Trung tâm Kiểm thử');
    expect(
      (
        await admin.client.post(`/api/console/units/sttt`, {
          name: 'Sở',
          parentCode: code,
          level: 'department',
        })
      ).json().error.code,
    ).toBe('parent_code_invalid');
    expect((await admin.client.delete('/api/console/units/sttt')).json().error.code).toBe('unit_in_use');
    expect((await admin.client.delete(`/api/console/units/${code}`)).statusCode).toBe(204);
    expect(
      (await admin.client.get('/api/console/units'))
        .json()
        .units.some((u: { code: string }) => u.code === code),
    ).toBe(false);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 300));
  }
}
