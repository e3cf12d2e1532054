import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compileCriteria, containsPhrase, foldForSearch } from '../mail/search-match';
import { FTS_COLUMNS, ftsExpression } from './fts-query';

describe('ftsExpression', () => {
  it('quotes each phrase, prefixes its last word and names the field', () => {
    expect(ftsExpression(compileCriteria({ q: 'Công văn, 125', from: 'Đặng' }))).toBe(
      '("cong van" *) AND ("125" *) AND sender : ("dang" *)',
    );
    expect(ftsExpression({ q: [], from: [], to: ['x'], subject: ['a"b'], body: ['//'] })).toBe(
      'recipients : ("x" *) AND subject : ("a""b" *)',
    );
    expect(ftsExpression(compileCriteria({}))).toBeNull();
  });

  // The same texts and phrases as search-match.test.ts: whatever the rules accept, FTS5 finds.
  const texts = [
    'Công văn số 125 về chuyển đổi số',
    'cong van khong dau',
    'Lịch công tác tuần 48, Văn phòng UBND tỉnh',
    'Số 4040/SNV-VP ngày 12',
    'Ban chỉ đạo; bản tin',
    'thanhtv.sttt@binhphuoc.gov.vn',
    'Giấy mời họp giao ban — Về công văn số 88 của Ủy ban nhân dân tỉnh',
    'số 1252 và 125',
    'e-mail: họp_giao-ban',
  ];
  const phrases = [
    'cong van',
    'cong va',
    'an',
    'ban',
    '125',
    '4040/snv',
    'snv-vp',
    '/snv',
    'nhtv.sttt',
    'thanhtv.sttt',
    'uy ban nhan',
    'cong tac van',
    'giao-ban',
    'hop giao',
    'so 12',
    '@binhphuoc',
  ];

  it('never misses what the rules accept (a superset)', () => {
    const db = new Database(':memory:');
    db.exec(
      `CREATE VIRTUAL TABLE t USING fts5(${FTS_COLUMNS.join(', ')}, tokenize = 'unicode61 remove_diacritics 0')`,
    );
    const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
    for (const [i, text] of texts.entries()) insert.run(i + 1, foldForSearch(text));
    for (const raw of phrases) {
      const criteria = compileCriteria({ body: raw });
      const expected = texts.flatMap((text, i) =>
        criteria.body.every((p) => containsPhrase(foldForSearch(text), p)) ? [i + 1] : [],
      );
      const expression = ftsExpression(criteria);
      const found = expression
        ? (db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(expression) as { rowid: number }[]).map(
            (r) => r.rowid,
          )
        : texts.map((_, i) => i + 1);
      for (const id of expected) expect(found, `${raw} in ${texts[id - 1]}`).toContain(id);
    }
  });
});
