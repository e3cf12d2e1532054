import type { MessageStructureObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { decodedSize, findAttachments, findPart, hasRealAttachments, previewPart } from './body-structure';

const text = (
  part: string,
  type = 'text/plain',
  extra: Partial<MessageStructureObject> = {},
): MessageStructureObject => ({
  part,
  type,
  parameters: { charset: 'utf-8' },
  encoding: 'quoted-printable',
  size: 100,
  ...extra,
});

const newsletter: MessageStructureObject = {
  type: 'multipart/mixed',
  childNodes: [
    {
      part: '1',
      type: 'multipart/related',
      childNodes: [
        {
          part: '1.1',
          type: 'multipart/alternative',
          childNodes: [text('1.1.1'), text('1.1.2', 'text/html')],
        },
        {
          part: '1.2',
          type: 'image/png',
          id: '<logo@sttt>',
          encoding: 'base64',
          size: 780,
          disposition: 'inline',
        },
      ],
    },
    {
      part: '2',
      type: 'application/pdf',
      encoding: 'base64',
      size: 7800,
      disposition: 'attachment',
      dispositionParameters: { filename: 'C:\\Users\\van thu\\Công văn số 12.pdf' },
    },
    { part: '3', type: 'message/rfc822', size: 500, envelope: { subject: 'Fwd: Kế hoạch / 2026' } },
  ],
};

describe('findAttachments', () => {
  it('lists real attachments and inline images with their IMAP part numbers', () => {
    const list = findAttachments(newsletter);
    expect(list.map((a) => a.id)).toEqual(['1.2', '2', '3']);
    expect(list[0]).toMatchObject({ contentId: 'logo@sttt', inline: true });
  });

  it('strips the sender machine path and keeps the Vietnamese name in NFC', () => {
    const pdf = findAttachments(newsletter)[1]!;
    expect(pdf.filename).toBe('Công văn số 12.pdf'.normalize('NFC'));
    expect(pdf.inline).toBe(false);
  });

  it('names a forwarded message after its subject, without path characters', () => {
    expect(findAttachments(newsletter)[2]!.filename).toBe('Fwd Kế hoạch 2026.eml');
  });

  it('names a nameless part by the extension a computer opens it with', () => {
    const nameless = (type: string, part: string): MessageStructureObject => ({
      part,
      type,
      encoding: 'base64',
      size: 780,
      disposition: 'attachment',
    });
    const mixed: MessageStructureObject = {
      type: 'multipart/mixed',
      childNodes: [
        text('1'),
        nameless('text/calendar', '2'),
        nameless('application/vnd.openxmlformats-officedocument.wordprocessingml.document', '3'),
        nameless('application/pdf', '4'),
      ],
    };
    expect(findAttachments(mixed).map((a) => a.filename)).toEqual([
      'tep-dinh-kem-1.ics',
      'tep-dinh-kem-2.docx',
      'tep-dinh-kem-3.pdf',
    ]);
  });

  it('treats a message that is only a PDF as one attachment in part 1', () => {
    const single: MessageStructureObject = {
      type: 'application/pdf',
      encoding: 'base64',
      size: 78,
      parameters: { name: 'a.pdf' },
    };
    expect(findAttachments(single)).toMatchObject([{ id: '1', filename: 'a.pdf' }]);
  });
});

describe('hasRealAttachments', () => {
  it('ignores inline images but counts files', () => {
    expect(hasRealAttachments(newsletter)).toBe(true);
    const onlyInline: MessageStructureObject = { ...newsletter, childNodes: [newsletter.childNodes![0]!] };
    expect(hasRealAttachments(onlyInline)).toBe(false);
    expect(hasRealAttachments(undefined)).toBe(false);
  });

  it('does not count an S/MIME signature as a file', () => {
    const p7s = { part: '2', type: 'application/pkcs7-signature', disposition: 'attachment', size: 3000 };
    const detached: MessageStructureObject = {
      type: 'multipart/signed',
      parameters: { protocol: 'application/pkcs7-signature' },
      childNodes: [text('1'), p7s],
    };
    expect(hasRealAttachments(detached)).toBe(false);
    const signedWithFile: MessageStructureObject = { ...detached, childNodes: [newsletter, p7s] };
    expect(hasRealAttachments(signedWithFile)).toBe(true);
    const opaque: MessageStructureObject = {
      type: 'application/pkcs7-mime',
      parameters: { 'smime-type': 'signed-data', name: 'smime.p7m' },
      disposition: 'attachment',
      size: 3000,
    };
    expect(hasRealAttachments(opaque)).toBe(false);
  });
});

describe('previewPart', () => {
  it('prefers the plain-text alternative', () => {
    expect(previewPart(newsletter)).toMatchObject({ part: '1.1.1', type: 'text/plain' });
  });
  it('falls back to HTML when that is all the sender wrote', () => {
    expect(previewPart(text('1', 'text/html', { part: undefined }))).toMatchObject({
      part: '1',
      type: 'text/html',
    });
  });
  it('never previews an attached text file', () => {
    const onlyFile = text('1', 'text/plain', {
      disposition: 'attachment',
      dispositionParameters: { filename: 'x.txt' },
    });
    expect(previewPart({ type: 'multipart/mixed', childNodes: [onlyFile] })).toBeNull();
  });
});

describe('decodedSize', () => {
  it('estimates base64 payloads at three quarters, less line breaks', () => {
    expect(decodedSize({ type: 'a/b', encoding: 'base64', size: 7800 })).toBe(5700);
    expect(decodedSize({ type: 'a/b', encoding: '7bit', size: 7800 })).toBe(7800);
  });
});

describe('findPart', () => {
  it('finds leaves only', () => {
    expect(findPart(newsletter, '2')?.type).toBe('application/pdf');
    expect(findPart(newsletter, '1')).toBeNull();
  });
});
