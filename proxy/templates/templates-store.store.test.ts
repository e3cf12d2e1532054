import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATE_LIMITS } from '../../common/contract/templates';
import { createAccountStore } from '../accounts/account-store';
import type { AppContext } from '../app-context';
import { createAuditLog } from '../audit/audit-log';
import { createSessionStore } from '../auth/session-store';
import { revokeAccount } from '../console/lifecycle/lifecycle-actions';
import { createRequestStore } from '../console/requests/request-store';
import { ApiError } from '../errors';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { deleteTemplate, renameTemplate, saveTemplate } from './templates-service';
import { createTemplatesStore } from './templates-store';

const CLERK = 'vanthu.sttt@binhphuoc.gov.vn';
const reply = {
  name: 'Xác nhận đã nhận văn bản',
  subject: 'V/v xác nhận đã nhận công văn',
  html: '<p>Văn thư Sở đã nhận được công văn.</p>',
  to: [{ name: 'Văn phòng UBND tỉnh', address: 'vanphong.vpubnd@binhphuoc.gov.vn' }],
  cc: [],
};

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof ApiError ? error.code : String(error)),
  );

describe.each(STORE_ENGINES)('message templates (%s)', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(engine);
  });
  afterEach(() => store.close());

  it('keeps each user their own templates, by name, the owner in any case', async () => {
    let now = 1_000;
    const templates = createTemplatesStore(store.db, () => now);
    const saved = await saveTemplate(templates, 'VanThu.Sttt@binhphuoc.gov.vn', reply);
    now = 2_000;
    await saveTemplate(templates, CLERK, { ...reply, name: 'Báo cáo tuần', to: [], html: '' });
    await saveTemplate(templates, 'thanhtv.sttt@binhphuoc.gov.vn', reply);
    const mine = await templates.list(CLERK);
    expect(mine.map((t) => t.name)).toEqual(['Báo cáo tuần', 'Xác nhận đã nhận văn bản']);
    expect(mine[1]).toEqual({ ...saved, updatedAt: 1_000 });
    expect(saved).toMatchObject({ subject: reply.subject, to: reply.to, cc: [] });
    expect(await templates.count('thanhtv.sttt@binhphuoc.gov.vn')).toBe(1);
  });

  it('sanitises the body as outgoing mail, and refuses a body over the limit', async () => {
    const templates = createTemplatesStore(store.db);
    const saved = await saveTemplate(templates, CLERK, {
      ...reply,
      html: '<p onclick="steal()">Kính gửi</p><script>alert(1)</script><img src="x" onerror="y">',
    });
    expect(saved.html).not.toMatch(/script|onclick|onerror/);
    expect(saved.html).toContain('Kính gửi');
    const big = `<p>${'ạ'.repeat(TEMPLATE_LIMITS.htmlBytes / 2)}</p>`;
    expect(await codeOf(saveTemplate(templates, CLERK, { ...reply, name: 'Dài', html: big }))).toBe(
      'template_too_large',
    );
    expect(
      await codeOf(
        saveTemplate(templates, CLERK, {
          ...reply,
          name: 'Sai',
          to: [{ name: '', address: 'khong hop le' }],
        }),
      ),
    ).toBe('invalid_address');
  });

  it('refuses a second template of the same name and more than the limit per user', async () => {
    const templates = createTemplatesStore(store.db);
    await saveTemplate(templates, CLERK, reply);
    expect(await codeOf(saveTemplate(templates, CLERK, { ...reply, name: ` ${reply.name} ` }))).toBe(
      'template_name_taken',
    );
    for (let i = 1; i < TEMPLATE_LIMITS.perUser; i++)
      await saveTemplate(templates, CLERK, { ...reply, name: `Mẫu ${i}` });
    expect(await codeOf(saveTemplate(templates, CLERK, { ...reply, name: 'Một mẫu nữa' }))).toBe(
      'template_limit_reached',
    );
    // Another user is not counted against this one.
    await expect(saveTemplate(templates, 'thanhtv.sttt@binhphuoc.gov.vn', reply)).resolves.toBeTruthy();
  });

  it('renames and deletes only the owner’s template', async () => {
    const templates = createTemplatesStore(store.db);
    const saved = await saveTemplate(templates, CLERK, reply);
    const other = await saveTemplate(templates, CLERK, { ...reply, name: 'Báo cáo tuần' });
    expect(await codeOf(renameTemplate(templates, 'thanhtv.sttt@binhphuoc.gov.vn', saved.id, 'X'))).toBe(
      'template_not_found',
    );
    expect(await codeOf(renameTemplate(templates, CLERK, saved.id, 'Báo cáo tuần'))).toBe(
      'template_name_taken',
    );
    expect((await renameTemplate(templates, CLERK, saved.id, 'Xác nhận')).name).toBe('Xác nhận');
    expect(await codeOf(deleteTemplate(templates, 'thanhtv.sttt@binhphuoc.gov.vn', other.id))).toBe(
      'template_not_found',
    );
    await deleteTemplate(templates, CLERK, other.id);
    expect((await templates.list(CLERK)).map((t) => t.name)).toEqual(['Xác nhận']);
  });

  it('go with the account when it is revoked', async () => {
    const templates = createTemplatesStore(store.db);
    await saveTemplate(templates, CLERK, reply);
    await saveTemplate(templates, 'thanhtv.sttt@binhphuoc.gov.vn', reply);
    const accounts = createAccountStore(store.db);
    await accounts.ensure(CLERK);
    const deps = {
      store,
      accounts,
      audit: createAuditLog(store.db),
      sessions: createSessionStore(store.db, { idleMs: 60_000, maxMs: 60_000 }),
      requests: createRequestStore(store.db),
      passwordDriver: { setSuspended: async () => true },
      imap: { release: async () => undefined },
    } as unknown as AppContext;
    await revokeAccount(deps, CLERK, { exported: true }, { name: 'admin:test' });
    expect(await templates.count(CLERK)).toBe(0);
    expect(await templates.count('thanhtv.sttt@binhphuoc.gov.vn')).toBe(1);
  });
});
