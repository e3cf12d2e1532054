import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { readMailFixture } from '../../scripts/seed/mail-fixtures';
import type { Directory } from '../accounts/directory';
import { loadConfig } from '../config';
import { replyNeedsCaution, senderTrustCheck } from './sender-trust';

const directory = {
  entries: async () => [{ email: 'thanhtv.sttt@binhphuoc.gov.vn', name: 'Trần Văn Thanh', unit: 'Sở TT&TT' }],
} as unknown as Directory;
const check = senderTrustCheck(loadConfig({}), directory);

async function assess(file: string) {
  const parsed = await simpleParser(readMailFixture(file));
  const address = (v: typeof parsed.from) =>
    (v?.value ?? []).map((a) => ({ name: a.name ?? '', address: a.address ?? '' }));
  return check([...parsed.headerLines], address(parsed.from)[0] ?? null, address(parsed.replyTo));
}

describe('sender trust of the demo mail', () => {
  it('warns of the look-alike Văn phòng UBND a new user finds in the demo inbox', async () => {
    const trust = await assess('26-gia-danh-van-phong-ubnd.eml');
    expect(trust.authentication).toEqual({
      authservId: 'binhphuoc.gov.vn',
      spf: 'pass',
      dkim: 'none',
      dmarc: 'none',
    });
    expect(trust.outside).toBe(true);
    expect(trust.warnings.map((w) => w.code)).toEqual([
      'lookalike_domain',
      'official_title_outside',
      'reply_to_other_domain',
    ]);
  });

  it('finds nothing to say about a colleague’s letter, and a colleague’s name from outside', async () => {
    const letter = await assess('01-cong-van-ke-hoach-chuyen-doi-so.eml');
    expect(letter).toMatchObject({ authentication: null, outside: false, warnings: [] });
    const posing = await check([], { name: 'Tran Van Thanh', address: 'thanh.tv@free-mail.example' }, []);
    expect(posing.warnings).toEqual([
      {
        code: 'colleague_name_outside',
        facts: { name: 'Trần Văn Thanh', address: 'thanh.tv@free-mail.example' },
      },
    ]);
  });

  it('asks a reply to show its destination when Reply-To differs or the sender is doubtful', () => {
    const from = { name: '', address: 'a@binhphuoc.gov.vn' };
    const calm = { authentication: null, outside: false, warnings: [] };
    expect(replyNeedsCaution({ from, replyTo: [], sender: calm })).toBe(false);
    expect(
      replyNeedsCaution({ from, replyTo: [{ name: '', address: 'b@binhphuoc.gov.vn' }], sender: calm }),
    ).toBe(true);
    expect(replyNeedsCaution({ from, replyTo: [], sender: { ...calm, outside: true } })).toBe(true);
  });
});
