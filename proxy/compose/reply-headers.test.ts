import { describe, expect, it } from 'vitest';
import { baseSubject, forwardSubject, replyRecipients, replySubject, threadHeaders } from './reply-headers';

const me = 'thanhtv.sttt@binhphuoc.gov.vn';
const dung = { name: 'Phạm Quốc Dũng', address: 'dungpq.vpubnd@binhphuoc.gov.vn' };
const hanh = { name: 'Nguyễn Thị Mỹ Hạnh', address: 'hanhntm.sttt@binhphuoc.gov.vn' };
const vanthu = { name: 'Văn thư', address: 'sttt@binhphuoc.gov.vn' };
const self = { name: 'Trần Văn Thanh', address: me };

describe('one prefix, however long the thread', () => {
  it.each([
    ['Công văn 125', 'Re: Công văn 125', 'Fwd: Công văn 125'],
    ['Re: Re: Công văn 125', 'Re: Công văn 125', 'Fwd: Công văn 125'],
    ['RE: Fwd: TL: Giấy mời', 'Re: Giấy mời', 'Fwd: Giấy mời'],
    ['Trả lời: Chuyển tiếp: Báo cáo', 'Re: Báo cáo', 'Fwd: Báo cáo'],
    ['Re[2]: Kế hoạch', 'Re: Kế hoạch', 'Fwd: Kế hoạch'],
    ['Review: kế hoạch', 'Re: Review: kế hoạch', 'Fwd: Review: kế hoạch'],
  ])('%s → %s / %s', (subject, reply, forward) => {
    expect(replySubject(subject)).toBe(reply);
    expect(forwardSubject(subject)).toBe(forward);
  });

  it('keeps an empty subject empty after the prefix', () => {
    expect(baseSubject('Re: ')).toBe('');
  });
});

describe('who a reply goes to', () => {
  const original = {
    from: dung,
    to: [self, hanh],
    cc: [vanthu],
    replyTo: [],
    messageId: '<a@x>',
    references: [],
  };

  it('replies to the sender only', () => {
    expect(replyRecipients(original, me, false)).toEqual({ to: [dung], cc: [] });
  });

  it('replies to all without the user’s own address, others in Cc', () => {
    expect(replyRecipients(original, me.toUpperCase(), true)).toEqual({ to: [dung], cc: [hanh, vanthu] });
  });

  it('honours Reply-To', () => {
    expect(replyRecipients({ ...original, replyTo: [vanthu] }, me, false).to).toEqual([vanthu]);
  });

  it('answers one’s own sent message to its recipients', () => {
    expect(replyRecipients({ ...original, from: self, to: [dung] }, me, false).to).toEqual([dung]);
  });
});

describe('thread headers', () => {
  it('chains References and sets In-Reply-To', () => {
    expect(
      threadHeaders({
        from: dung,
        to: [],
        cc: [],
        replyTo: [],
        messageId: '<c@x>',
        references: ['<a@x>', '<b@x>'],
      }),
    ).toEqual({
      inReplyTo: '<c@x>',
      references: ['<a@x>', '<b@x>', '<c@x>'],
    });
  });
  it('has nothing to chain without a Message-ID', () => {
    expect(
      threadHeaders({ from: dung, to: [], cc: [], replyTo: [], messageId: null, references: [] }),
    ).toEqual({});
  });
});
