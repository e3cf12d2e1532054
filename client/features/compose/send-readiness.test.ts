import { describe, expect, it } from 'vitest';
import type { AttachmentItem, RecipientChip } from './compose-store';
import { sendReadiness } from './send-readiness';

const chip = (address: string, valid = true): RecipientChip => ({ key: address, address, valid });
const file = (filename: string, state: AttachmentItem['state'] = 'done'): AttachmentItem => ({
  key: filename,
  filename,
  size: 10,
  contentType: 'application/pdf',
  uploadId: state === 'done' ? filename : null,
  state,
  loaded: 10,
});
const lan = chip('lannt@binhphuoc.gov.vn');

describe('sendReadiness', () => {
  it.each([
    {
      name: 'nobody to send to',
      w: {},
      want: { kind: 'blocked', notice: { code: 'no_recipients', details: {} } },
    },
    {
      name: 'a Bcc alone is someone',
      w: { bcc: [lan] },
      want: { kind: 'ready' },
    },
    {
      name: 'invalid addresses, all of them named',
      w: { to: [lan, chip('abc', false)], cc: [chip('x@', false)] },
      want: { kind: 'blocked', notice: { code: 'invalid_recipients', details: { addresses: 'abc, x@' } } },
    },
    {
      name: 'an upload still going',
      w: { to: [lan], attachments: [file('a.pdf'), file('b.pdf', 'uploading')] },
      want: { kind: 'blocked', notice: { code: 'wait_uploads', details: {} } },
    },
    {
      name: 'a failed upload still listed',
      w: { to: [lan], attachments: [file('a.pdf', 'failed')] },
      want: { kind: 'blocked', notice: { code: 'remove_failed', details: {} } },
    },
    {
      name: 'an upload going wins over a failed one',
      w: { to: [lan], attachments: [file('a.pdf', 'failed'), file('b.pdf', 'uploading')] },
      want: { kind: 'blocked', notice: { code: 'wait_uploads', details: {} } },
    },
    {
      name: 'a stamp in the subject',
      w: { to: [lan], subject: 'Công văn MẬT số 12' },
      want: { kind: 'stamped', hits: [{ where: 'subject', stamp: 'MẬT' }] },
    },
    {
      name: 'a stamp in a file name',
      w: { to: [lan], attachments: [file('TUYET_MAT.docx')] },
      want: { kind: 'stamped', hits: [{ where: { filename: 'TUYET_MAT.docx' }, stamp: 'TUYỆT MẬT' }] },
    },
    {
      name: 'recipients are checked before stamps',
      w: { subject: 'TỐI MẬT' },
      want: { kind: 'blocked', notice: { code: 'no_recipients', details: {} } },
    },
    {
      name: 'a password is no stamp',
      w: { to: [lan], subject: 'Đổi MẬT KHẨU' },
      want: { kind: 'ready' },
    },
  ])('$name', ({ w, want }) => {
    expect(sendReadiness({ to: [], cc: [], bcc: [], attachments: [], subject: '', ...w })).toEqual(want);
  });
});
