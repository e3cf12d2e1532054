import { describe, expect, it } from 'vitest';
import { parsePdfsigOutput, parseSigningTime } from './pdfsig-output';

/** Real outputs of pdfsig 22.12 (Debian 12), captured from the test suite's own signed PDFs. */
const block = (lines: Record<string, string>, flags: string[]) =>
  [
    ...Object.entries(lines)
      .slice(0, 7)
      .map(([k, v]) => `  - ${k}: ${v}`),
    ...flags.map((f) => `  - ${f}`),
    ...Object.entries(lines)
      .slice(7)
      .map(([k, v]) => `  - ${k}: ${v}`),
  ].join('\n');

const head = (name: string, dn: string, ranges = '[0 - 535915], [541281 - 541782]') => ({
  'Signature Field Name': '16BFC5ECA7E2C58561377B94BD52D8AF',
  'Signer Certificate Common Name': name,
  'Signer full Distinguished Name': dn,
  'Signing Time': 'Dec 07 2026 12:02:48',
  'Signing Hash Algorithm': 'SHA-256',
  'Signature Type': 'adbe.pkcs7.detached',
  'Signed Ranges': ranges,
});
const THANH = head('Nguyễn Văn Thành', 'CN=Nguyễn Văn Thành,O=UBND tỉnh Bình Phước,C=VN');
const output = (...blocks: string[]) =>
  `Digital Signature Info of: /tmp/x/a.pdf\n${blocks.map((b, i) => `Signature #${i + 1}:\n${b}`).join('\n')}\n`;

const VALID = output(
  block(
    {
      ...THANH,
      'Signature Validation': 'Signature is Valid.',
      'Certificate Validation': 'Certificate is Trusted.',
    },
    ['Total document signed'],
  ),
);

describe('parsePdfsigOutput', () => {
  it('reads a valid, trusted signature with a Vietnamese signer', () => {
    expect(parsePdfsigOutput(VALID)).toEqual({
      kind: 'signatures',
      signatures: [
        {
          signerName: 'Nguyễn Văn Thành',
          signerDn: 'CN=Nguyễn Văn Thành,O=UBND tỉnh Bình Phước,C=VN',
          signingTime: '2026-12-07T12:02:48.000Z',
          wholeDocument: true,
          signedUpTo: 541782,
          signature: 'valid',
          certificate: 'trusted',
        },
      ],
    });
  });

  it.each([
    ['Digest Mismatch.', undefined, 'digest_mismatch', 'not_checked'],
    ['Signature is Invalid.', undefined, 'invalid', 'not_checked'],
    ["Document isn't signed or corrupted data.", undefined, 'invalid', 'not_checked'],
    ['Signature has not yet been verified.', undefined, 'unknown', 'not_checked'],
    ['Unknown Validation Failure.', undefined, 'unknown', 'not_checked'],
    ['Signature is Valid.', 'Certificate issuer is unknown.', 'valid', 'unknown_issuer'],
    ['Signature is Valid.', "Certificate issuer isn't Trusted.", 'valid', 'untrusted_issuer'],
    ['Signature is Valid.', 'Certificate has been Revoked.', 'valid', 'revoked'],
    ['Signature is Valid.', 'Certificate has Expired', 'valid', 'expired'],
    ['Signature is Valid.', 'Certificate has not yet been verified.', 'valid', 'not_checked'],
    ['Signature is Valid.', 'Unknown issue with Certificate or corrupted data.', 'valid', 'generic_error'],
    ['Signature is Valid.', 'Something a later poppler says.', 'valid', 'generic_error'],
  ])('signature "%s", certificate "%s"', (sigText, certText, signature, certificate) => {
    const lines: Record<string, string> = { ...THANH, 'Signature Validation': sigText };
    if (certText) lines['Certificate Validation'] = certText;
    const report = parsePdfsigOutput(output(block(lines, ['Total document signed'])));
    expect(report).toMatchObject({ kind: 'signatures', signatures: [{ signature, certificate }] });
  });

  it('tells "Not total document signed" (an update appended) from "Total document signed"', () => {
    const text = output(
      block({ ...THANH, 'Signature Validation': 'Signature is Valid.' }, ['Not total document signed']),
    );
    expect(parsePdfsigOutput(text)).toMatchObject({ signatures: [{ wholeDocument: false }] });
    const neither = output(block({ ...THANH, 'Signature Validation': 'Signature is Valid.' }, []));
    expect(parsePdfsigOutput(neither)).toMatchObject({ signatures: [{ wholeDocument: null }] });
  });

  it('reads two signatures (a leader, then the office) in order', () => {
    const hong = head(
      'Trần Thị Hồng',
      'CN=Trần Thị Hồng,O=UBND tỉnh Bình Phước,C=VN',
      '[0 - 542705], [548067 - 548454]',
    );
    const text = output(
      block({ ...THANH, 'Signature Validation': 'Signature is Valid.' }, ['Not total document signed']),
      block({ ...hong, 'Signature Validation': 'Signature is Valid.' }, ['Total document signed']),
    );
    const report = parsePdfsigOutput(text);
    expect(report).toMatchObject({
      signatures: [
        { signerName: 'Nguyễn Văn Thành', wholeDocument: false, signedUpTo: 541782 },
        { signerName: 'Trần Thị Hồng', wholeDocument: true, signedUpTo: 548454 },
      ],
    });
  });

  it('keeps names in NFC whatever form pdfsig printed', () => {
    const nfd = VALID.replace('Nguyễn Văn Thành', 'Nguyễn Văn Thành'.normalize('NFD'));
    const report = parsePdfsigOutput(nfd);
    expect(report.kind === 'signatures' && report.signatures[0]!.signerName).toBe('Nguyễn Văn Thành');
  });

  it('knows a PDF without signatures, and output it cannot read', () => {
    expect(parsePdfsigOutput("File '/tmp/x/a.pdf' does not contain any signatures\n")).toEqual({
      kind: 'not_signed',
    });
    expect(parsePdfsigOutput('', "File '/tmp/x/a.pdf' does not contain any signatures\n")).toEqual({
      kind: 'not_signed',
    });
    expect(parsePdfsigOutput("Syntax Error: Couldn't find trailer dictionary\n")).toEqual({
      kind: 'unreadable',
    });
  });

  it('treats "unknown" fields as missing', () => {
    const text = VALID.replace('Signing Time: Dec 07 2026 12:02:48', 'Signing Time: unknown').replace(
      'Signer Certificate Common Name: Nguyễn Văn Thành',
      'Signer Certificate Common Name: (null)',
    );
    expect(parsePdfsigOutput(text)).toMatchObject({
      signatures: [{ signingTime: null, signerName: '(null)' }],
    });
  });
});

describe('parseSigningTime', () => {
  it.each([
    ['Dec 07 2026 12:02:48', '2026-12-07T12:02:48.000Z'],
    ['Jan 1 2027 00:00:05', '2027-01-01T00:00:05.000Z'],
    ['2026-12-07T05:02:48+07:00', '2026-12-06T22:02:48.000Z'],
    ['Foo 07 2026 12:02:48', null],
    ['', null],
    [null, null],
  ])('%s → %s', (text, iso) => {
    expect(parseSigningTime(text)).toBe(iso);
  });
});
