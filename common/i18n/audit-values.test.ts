import { describe, expect, it } from 'vitest';
import { auditDetailLines, auditValue, type CatalogueLookup } from './audit-values';
import en from './en.json';
import vi from './vi.json';

/** The catalogue as i18next reads it: dotted keys, {{value}} filled in. */
const lookupIn =
  (catalogue: object): CatalogueLookup =>
  (key, values) => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue);
    if (typeof text !== 'string') return undefined;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values?.[name] ?? '');
  };
const viCtx = { lookup: lookupIn(vi), locale: 'vi' };
const enCtx = { lookup: lookupIn(en), locale: 'en' };

describe('audit values as people read them', () => {
  it.each([
    ['account_create', 'quotaBytes', 2147483648, '2 GB'],
    ['account_update', 'quotaBytes', 5 * 1024 ** 3 + 512 * 1024 ** 2, '5,5 GB'],
    ['account_create', 'quotaBytes', 1048576, '1 MB'],
    ['account_create', 'atProvider', true, 'Có'],
    ['account_state', 'atProvider', false, 'Không'],
    ['role_change', 'from', 'user', 'Người dùng'],
    ['role_change', 'to', 'unit_manager', 'Quản lý đơn vị'],
    ['account_state', 'state', 'suspended', 'Tạm khóa'],
    ['account_state', 'from', 'active', 'Đang hoạt động'],
    ['account_state', 'source', 'provider', 'Máy chủ thư'],
    ['account_create', 'kind', 'unit', 'Hộp thư đơn vị'],
    ['quota_warning', 'level', 'critical', 'Sắp đầy'],
    ['quota_warning', 'percent', 91.5, '91,5 %'],
    ['account_import', 'rows', 1200, '1.200'],
    // Instants in Viet Nam time, without seconds; calendar days as they are.
    ['departure', 'at', '2026-10-16T02:00:00.000Z', '16/10/2026 09:00'],
    ['departure', 'at', '2026-10-15T17:30:00Z', '16/10/2026 00:30'],
    ['lifecycle_job', 'day', '2026-12-07', '07/12/2026'],
    // Unknown words and free text stay as they were kept.
    ['role_change', 'from', 'auditor', 'auditor'],
    ['unit_request', 'kind', 'create', 'create'],
    ['account_state', 'reason', 'Vi phạm Điều 5', 'Vi phạm Điều 5'],
    ['send', 'messageId', '<a@b>', '<a@b>'],
    ['send', 'reason', '', '—'],
    ['send', 'reason', null, '—'],
  ] as const)('%s %s = %j → %s', (action, key, value, shown) => {
    expect(auditValue(action, key, value, viCtx)).toBe(shown);
  });

  it('labels the fields in the reader’s language, and keeps an unknown field’s own name', () => {
    const details = { quotaBytes: 2147483648, atProvider: true, somethingNew: 'x' };
    expect(auditDetailLines('account_create', details, viCtx)).toEqual([
      { key: 'quotaBytes', label: 'Dung lượng', value: '2 GB' },
      { key: 'atProvider', label: 'Đã áp dụng ở máy chủ thư', value: 'Có' },
      { key: 'somethingNew', label: 'somethingNew', value: 'x' },
    ]);
    expect(auditDetailLines('role_change', { from: 'user', to: 'admin' }, enCtx)).toEqual([
      { key: 'from', label: 'From', value: 'User' },
      { key: 'to', label: 'To', value: 'Administrator' },
    ]);
    expect(auditValue('account_create', 'quotaBytes', 5.5 * 1024 ** 3, enCtx)).toBe('5.5 GB');
    expect(auditDetailLines('login', null, viCtx)).toEqual([]);
  });
});
