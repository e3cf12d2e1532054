import { describe, expect, it } from 'vitest';
import type { MailFilter, SieveRules } from '../../common/contract/sieve';
import { EMPTY_RULES, rulesFromScript, sieveScriptFor } from './sieve-script';
import { toneInsensitivePattern } from './tone-pattern';

const filter = (over: Partial<MailFilter> & Pick<MailFilter, 'conditions'>): MailFilter => ({
  id: 'f1',
  name: 'Công văn Sở',
  enabled: true,
  match: 'all',
  actions: { moveTo: null, markRead: false, flag: false, forwardTo: null, stop: false },
  ...over,
});

const vacation: SieveRules['vacation'] = {
  enabled: true,
  fromDay: '2026-12-20',
  untilDay: '2026-12-31',
  subject: 'Nghỉ phép',
  message: 'Tôi nghỉ phép đến 31/12/2026.\nViệc gấp xin gọi "Văn phòng".',
  days: 3,
};

/** The Sieve lines of a script, without its three header comment lines. */
const body = (rules: SieveRules) => sieveScriptFor(rules).split('\n').slice(3).join('\n').trim();

describe('sieveScriptFor: rules → Sieve', () => {
  it.each<[string, SieveRules, string]>([
    ['nothing on', EMPTY_RULES, ''],
    [
      'out-of-office with dates, quotes and a line break',
      { vacation, filters: [] },
      [
        'require ["date", "relational", "vacation"];',
        '',
        '# out-of-office',
        'if allof (currentdate :zone "+0700" :value "ge" "date" "2026-12-20",',
        '          currentdate :zone "+0700" :value "le" "date" "2026-12-31",',
        '          not exists "List-Id",',
        '          not exists "List-Unsubscribe",',
        '          not exists "List-Post",',
        '          not header :contains "Precedence" ["bulk", "list", "junk"],',
        '          anyof (not exists "Auto-Submitted", header :is "Auto-Submitted" "no")) {',
        '  vacation :days 3 :subject "Nghỉ phép" "Tôi nghỉ phép đến 31/12/2026.\nViệc gấp xin gọi \\"Văn phòng\\".";',
        '}',
      ].join('\n'),
    ],
    [
      'a size filter that files, marks read, flags and stops',
      {
        vacation: { ...vacation, enabled: false },
        filters: [
          filter({
            conditions: [{ kind: 'sizeOver', kilobytes: 5120 }],
            actions: { moveTo: 'Dự án/Lớn', markRead: true, flag: true, forwardTo: null, stop: true },
          }),
        ],
      },
      [
        'require ["fileinto", "imap4flags"];',
        '',
        '# filter: Công văn Sở',
        'if size :over 5120K {',
        '  addflag ["\\\\Seen", "\\\\Flagged"];',
        '  fileinto "Dự án/Lớn";',
        '  stop;',
        '}',
      ].join('\n'),
    ],
    [
      'any of attachment or recipient, forwarding a copy',
      {
        vacation: EMPTY_RULES.vacation,
        filters: [
          filter({
            match: 'any',
            conditions: [{ kind: 'hasAttachment' }, { kind: 'toCc', text: 'vanthu' }],
            actions: {
              moveTo: null,
              markRead: false,
              flag: false,
              forwardTo: 'vanthu.sttt@binhphuoc.gov.vn',
              stop: false,
            },
          }),
        ],
      },
      [
        'require ["copy", "mime", "regex"];',
        '',
        '# filter: Công văn Sở',
        `if anyof (header :mime :anychild :contains "Content-Disposition" "attachment", header :regex :comparator "i;ascii-casemap" ["to", "cc"] "${toneInsensitivePattern('vanthu').replace(/\\/g, '\\\\')}") {`,
        '  redirect :copy "vanthu.sttt@binhphuoc.gov.vn";',
        '}',
      ].join('\n'),
    ],
  ])('%s', (_, rules, expected) => {
    expect(body(rules)).toBe(expected);
  });

  it('leaves out disabled filters but keeps them in the rules', () => {
    const rules: SieveRules = {
      vacation: EMPTY_RULES.vacation,
      filters: [filter({ enabled: false, conditions: [{ kind: 'subject', text: 'x' }] })],
    };
    expect(body(rules)).toBe('');
    expect(rulesFromScript(sieveScriptFor(rules))).toEqual(rules);
  });

  it('writes a filter name with a line break on one comment line', () => {
    const rules = {
      vacation: EMPTY_RULES.vacation,
      filters: [filter({ name: 'a\nb', conditions: [{ kind: 'hasAttachment' as const }] })],
    };
    expect(sieveScriptFor(rules)).toContain('# filter: a b\n');
  });
});

describe('rulesFromScript', () => {
  it('gives back exactly what was written', () => {
    const rules: SieveRules = {
      vacation,
      filters: [
        filter({
          conditions: [
            { kind: 'from', text: 'Nguyễn Văn "A"\\' },
            { kind: 'subject', text: 'công văn' },
          ],
        }),
        filter({ id: 'f2', name: 'Đính kèm', conditions: [{ kind: 'hasAttachment' }] }),
      ],
    };
    expect(rulesFromScript(sieveScriptFor(rules))).toEqual(rules);
  });

  it.each([
    [
      'a script written by hand',
      'require "fileinto";\nif header :contains "subject" "x" { fileinto "X"; }\n',
    ],
    ['a broken rules line', '# bp-webmail-rules: {"vacation": \n'],
    ['rules of another shape', '# bp-webmail-rules: {"filters": 3}\n'],
  ])('does not take %s for its own', (_, script) => {
    expect(rulesFromScript(script)).toBeNull();
  });
});

describe('toneInsensitivePattern', () => {
  const matches = (typed: string, text: string) => new RegExp(toneInsensitivePattern(typed)).test(text);

  it.each([
    ['cong van', 'V/v CÔNG VĂN số 12'],
    ['công văn', 'cong van so 12'],
    ['dien tu', 'Chính phủ Điện tử'],
    ['Đảng ủy', 'dang uy xa'],
    ['ho  so', 'Hồ sơ'],
  ])('%j finds %j', (typed, text) => {
    expect(matches(typed, text)).toBe(true);
  });

  it.each([
    ['cong van', 'công việc'],
    ['a.b', 'axb'],
  ])('%j does not find %j', (typed, text) => {
    expect(matches(typed, text)).toBe(false);
  });
});
