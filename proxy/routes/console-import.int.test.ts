import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportCreateResponse, ImportPreview } from '../../common/contract';
import { readMailUsers, removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { consoleUser } from '../test-support/console-admin';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

type Admin = Awaited<ReturnType<typeof consoleUser>>;

function multipart(filename: string, bytes: Buffer) {
  const boundary = `----bp${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('bulk import of a unit’s staff list: preview, then create the kept rows', () => {
  let proxy: ProxyHarness;
  let admin: Admin;
  // A unit of this run's own, so names and clashes do not meet other tests' accounts.
  const code = `nk${randomUUID().replace(/\D/g, '').slice(0, 6)}`;
  const unitName = `Phòng Thử nhập ${code}`;
  let domain: string;
  const created: string[] = [];

  beforeAll(async () => {
    proxy = await startProxy();
    domain = proxy.ctx.config.org.mailDomain;
    await proxy.ctx.units.create({
      code,
      name: unitName,
      parentCode: null,
      level: 'department',
      mailbox: null,
      website: null,
    });
    admin = await consoleUser(proxy, { role: 'admin', prefix: 'nhapds' });
    // Trần Văn Thanh already has his mailbox in this unit.
    const thanh = `thanhtv.${code}@${domain}`;
    upsertMailUser({
      email: thanh,
      password: 'Lua#Hong2026',
      quotaBytes: 2 * 1024 ** 3,
      suspendReason: null,
    });
    created.push(thanh);
    await proxy.ctx.accounts.setProfile(thanh, { fullName: 'Trần Văn Thanh', unitCode: code });
  });
  afterAll(async () => {
    await proxy?.close();
    for (const email of created) removeMailUser(email);
    admin?.remove();
  });

  const preview = (bytes: Buffer, query = '') => {
    const { body, type } = multipart('danh-sach.csv', bytes);
    return proxy.app.inject({
      method: 'POST',
      url: `/api/console/import/preview${query}`,
      headers: {
        host: '127.0.0.1:8080',
        cookie: admin.client.cookie,
        'x-csrf-token': admin.client.csrfToken,
        'content-type': type,
      },
      payload: body,
    });
  };

  it('previews clashes, namesakes and bad rows without creating anything, then creates the kept rows', async () => {
    const csv = [
      'DANH SÁCH ĐỀ NGHỊ CẤP HỘP THƯ;;',
      'STT;Họ và tên;Đơn vị;Chức vụ',
      `1;Nguyễn Văn An;${code};Chuyên viên`,
      `2;Nguyễn Văn An;${unitName.toUpperCase()};Văn thư`,
      '3;Trần Văn Thanh;;Phó trưởng phòng',
      `4;Thanh;${code};`,
      '5;Lê Thị Thu Hà;Sở Không Có;',
      `6;${'Phạm Quốc Dũng'.normalize('NFD')};${code};Trưởng phòng`,
      '',
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);

    const res = await preview(bytes, `?defaultUnit=${code}`);
    expect(res.statusCode).toBe(200);
    const { rows } = res.json() as ImportPreview;
    expect(rows.map((r) => [r.line, r.fullName, r.proposedLocal, r.status, r.problems])).toEqual([
      [3, 'Nguyễn Văn An', `annv.${code}`, 'ok', []],
      [4, 'Nguyễn Văn An', `annv2.${code}`, 'warn', []],
      [5, 'Trần Văn Thanh', `thanhtv2.${code}`, 'warn', []],
      [6, 'Thanh', null, 'bad', ['name_single_word']],
      [7, 'Lê Thị Thu Hà', null, 'bad', ['unit_not_found']],
      [8, 'Phạm Quốc Dũng', `dungpq.${code}`, 'ok', []],
    ]);
    expect(rows[1]!.sameInFile).toEqual([3]);
    expect(rows[2]!.possibleDuplicates).toEqual([`thanhtv.${code}@${domain}`]);
    expect(rows[5]!.title).toBe('Trưởng phòng');
    // A preview is only a preview: none of the proposed addresses exists anywhere.
    const proposed = rows.flatMap((r) => (r.proposedAddress ? [r.proposedAddress] : []));
    expect(proposed).toHaveLength(4);
    const atProvider = new Set(readMailUsers().map((e) => e.user));
    const stored = new Set((await proxy.ctx.accounts.list()).map((a) => a.email));
    expect(proposed.filter((a) => atProvider.has(a) || stored.has(a))).toEqual([]);

    // The admin keeps the ok/warn rows, gives Dũng another address without a reason (refused),
    // and An's namesake one with a reason.
    const kept = [
      { line: 3, fullName: 'Nguyễn Văn An', unitCode: code, title: 'Chuyên viên' },
      // A row that fails in the middle does not stop the ones after it.
      { line: 8, fullName: 'Phạm Quốc Dũng', unitCode: code, local: `dungpham.${code}` },
      {
        line: 4,
        fullName: 'Nguyễn Văn An',
        unitCode: code,
        local: `annguyen.${code}`,
        overrideReason: 'Trùng tên, theo đề nghị của đơn vị',
      },
      { line: 5, fullName: 'Trần Văn Thanh', unitCode: code },
    ];
    const out = await admin.client.post('/api/console/import/create', { rows: kept });
    expect(out.statusCode).toBe(200);
    const result = out.json() as ImportCreateResponse;
    for (const r of result.results) if (r.address) created.push(r.address);
    expect(result).toMatchObject({ created: 3, failed: 1 });
    expect(result.results.map((r) => [r.line, r.address, r.error?.code ?? null])).toEqual([
      [3, `annv.${code}@${domain}`, null],
      [8, null, 'override_reason_required'],
      [4, `annguyen.${code}@${domain}`, null],
      [5, `thanhtv2.${code}@${domain}`, null],
    ]);

    // The new people log in at the real Dovecot with the temporary password and must change it.
    const an = result.results.find((r) => r.line === 3)!;
    const client = await logIn(proxy, an.address!, an.temporaryPassword!);
    const blocked = await client.get('/api/mailboxes');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({
      code: 'password_change_required',
      details: { reason: 'first_login' },
    });
    expect(await proxy.ctx.accounts.get(`annguyen.${code}@${domain}`)).toMatchObject({
      fullName: 'Nguyễn Văn An',
      unitCode: code,
      nameOverrideReason: 'Trùng tên, theo đề nghị của đơn vị',
      provisionedBy: admin.email,
    });
    expect((await proxy.ctx.accounts.get(`annv.${code}@${domain}`))?.title).toBe('Chuyên viên');

    const summary = (await proxy.ctx.audit.forAccount(admin.email)).find(
      (e) => e.action === 'account_import',
    );
    expect(summary).toMatchObject({ outcome: 'partial', details: { rows: 4, created: 3, failed: 1 } });
    // Nothing of the passwords was kept.
    expect(JSON.stringify(await proxy.ctx.audit.forAccount(an.address!))).not.toContain(
      an.temporaryPassword!,
    );
  });

  it('links the list to the unit’s written request (Đ5.2) and refuses an unknown one before creating', async () => {
    const unknown = await admin.client.post('/api/console/import/create', {
      rows: [{ line: 2, fullName: 'Hồ Thị Lan', unitCode: code }],
      requestId: 999_999,
    });
    expect(unknown.json().error.code).toBe('request_not_found');
    expect(await proxy.ctx.accounts.get(`lanht.${code}@${domain}`)).toBeUndefined();

    const request = await proxy.ctx.requests.create(
      { unitCode: code, kind: 'create', documentNumber: '15/CV-STTT' },
      admin.email,
    );
    const res = await admin.client.post('/api/console/import/create', {
      rows: [{ line: 2, fullName: 'Hồ Thị Lan', unitCode: code }],
      requestId: request.id,
    });
    const [row] = (res.json() as ImportCreateResponse).results;
    if (row?.address) created.push(row.address);
    expect(row?.address).toBe(`lanht.${code}@${domain}`);
    expect(await proxy.ctx.requests.get(request.id)).toMatchObject({
      status: 'done',
      outcome: `account_import lanht.${code}@${domain}`,
    });
  });

  it('refuses unreadable files, too large ones and an unknown default unit', async () => {
    const garbage = await preview(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect(garbage.json().error.code).toBe('import_file_unreadable');
    const big = await preview(Buffer.alloc(2 * 1024 * 1024 + 10, 0x41));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'import_too_large', details: { limit: '2 MB' } });
    const unknown = await preview(Buffer.from('Họ và tên\nTrần Văn Thanh\n'), '?defaultUnit=khongco');
    expect(unknown.json().error.code).toBe('unit_not_found');
  });

  it('is for admins only: a unit manager may not import', async () => {
    const manager = await consoleUser(proxy, { role: 'unit_manager', unitCode: code, prefix: 'qlnhap' });
    try {
      const res = await manager.client.post('/api/console/import/create', {
        rows: [{ line: 2, fullName: 'Hồ Văn Nam', unitCode: code }],
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    } finally {
      manager.remove();
    }
  });
});
