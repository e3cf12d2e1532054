import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults } from './authentication-results';
import { type HeaderLine, receivedBy, trustedAuthentication } from './trusted-auth-results';

describe('parseAuthenticationResults', () => {
  // Field bodies as real servers write them.
  const table: [string, string, string | null, [string, string][]][] = [
    ['RFC 8601 none', ' example.org 1; none', 'example.org', []],
    [
      'Gmail, folded, comments with addresses',
      ` mx.google.com;\r\n       dkim=pass header.i=@binhphuoc.gov.vn header.s=mail header.b=SuEKjwfk;\r\n       spf=pass (google.com: domain of vanthu@binhphuoc.gov.vn designates 203.0.113.5 as permitted sender) smtp.mailfrom=vanthu@binhphuoc.gov.vn;\r\n       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=binhphuoc.gov.vn`,
      'mx.google.com',
      [
        ['dkim', 'pass'],
        ['spf', 'pass'],
        ['dmarc', 'pass'],
      ],
    ],
    [
      'OpenDKIM with a quoted b= value and a version',
      ' mx.binhphuoc.gov.vn 1; dkim=fail reason="signature verification failed" (1024-bit key; unprotected) header.d=gmail.com header.i=@gmail.com header.b="AbC/dEf+"',
      'mx.binhphuoc.gov.vn',
      [['dkim', 'fail']],
    ],
    [
      'rspamd, several DKIM results, method versions',
      ' binhphuoc.gov.vn;\tdkim=pass header.d=a.vn header.s=x;\tdkim/1=fail header.d=b.vn; spf=softfail (binhphuoc.gov.vn: 198.51.100.7 is neither permitted nor denied) smtp.mailfrom=x@b.vn; dmarc=none',
      'binhphuoc.gov.vn',
      [
        ['dkim', 'pass'],
        ['dkim', 'fail'],
        ['spf', 'softfail'],
        ['dmarc', 'none'],
      ],
    ],
    [
      'nested comments and a quoted authserv-id comment',
      ' binhphuoc.gov.vn (Postfix (with (nested) comments)); spf=pass (sender "IP" is 203.0.113.9) smtp.mailfrom=binhphuoc.gov.vn; dkim=permerror (bad (very bad) key)',
      'binhphuoc.gov.vn',
      [
        ['spf', 'pass'],
        ['dkim', 'permerror'],
      ],
    ],
    [
      'Microsoft, upper-case results',
      ' spf=Pass (sender IP is 203.0.113.1) smtp.mailfrom=contoso.com; dkim=None (message not signed) header.d=none;dmarc=FAIL action=none header.from=contoso.com;compauth=fail reason=001',
      // Exchange Online writes no authserv-id: nothing to match ours.
      null,
      [],
    ],
    ['empty', '', null, []],
  ];

  it.each(table)('%s', (_, body, authservId, results) => {
    const parsed = parseAuthenticationResults(body);
    expect(parsed?.authservId ?? null).toBe(authservId);
    if (parsed && results.length) expect(parsed.results.map((r) => [r.method, r.result])).toEqual(results);
  });

  it('reads properties, quoted or not', () => {
    const parsed = parseAuthenticationResults(
      ' mx.binhphuoc.gov.vn; dkim=pass header.d=sttt.binhphuoc.gov.vn header.s="mail 2026"; spf=pass smtp.mailfrom=vanthu@binhphuoc.gov.vn',
    );
    expect(parsed?.results[0]?.properties).toEqual({
      'header.d': 'sttt.binhphuoc.gov.vn',
      'header.s': 'mail 2026',
    });
    expect(parsed?.results[1]?.properties['smtp.mailfrom']).toBe('vanthu@binhphuoc.gov.vn');
  });
});

describe('trustedAuthentication', () => {
  const server = { authservId: 'mx.binhphuoc.gov.vn', mailDomain: 'binhphuoc.gov.vn' };
  const field = (line: string): HeaderLine => ({ key: line.slice(0, line.indexOf(':')).toLowerCase(), line });
  const lmtp = field(
    'Received: from mx.binhphuoc.gov.vn ([127.0.0.1])\r\n\tby vm with LMTP id x; Mon, 7 Dec 2026',
  );
  const entry = field(
    'Received: from mail.example.com (mail.example.com [203.0.113.5])\r\n\tby mx.binhphuoc.gov.vn (Postfix) with ESMTPS id A; Mon, 7 Dec 2026',
  );
  const senderHop = field('Received: from [10.0.0.2] by mail.example.com (Postfix) with ESMTPSA id B');
  const ours = field(
    'Authentication-Results: mx.binhphuoc.gov.vn; spf=pass smtp.mailfrom=a@example.com; dkim=fail; dmarc=fail',
  );
  const forged = field('Authentication-Results: mx.binhphuoc.gov.vn; spf=pass; dkim=pass; dmarc=pass');
  const theirs = field('Authentication-Results: mail.example.com; spf=pass; dkim=pass; dmarc=pass');

  it('takes our server’s verdicts from above the hops it added', () => {
    expect(trustedAuthentication([lmtp, ours, entry, senderHop], server)).toEqual({
      authservId: 'mx.binhphuoc.gov.vn',
      spf: 'pass',
      dkim: 'fail',
      dmarc: 'fail',
    });
    // Some servers write it just below their own Received field.
    expect(trustedAuthentication([lmtp, entry, ours, senderHop], server)?.dmarc).toBe('fail');
  });

  it('ignores another server’s field and one below a hop the province did not add', () => {
    expect(trustedAuthentication([lmtp, theirs, entry, senderHop], server)).toBeNull();
    expect(trustedAuthentication([lmtp, entry, senderHop, forged], server)).toBeNull();
    expect(trustedAuthentication([lmtp, ours, entry, senderHop, forged], server)?.dkim).toBe('fail');
  });

  it('says none for a method the server did not report, and null without any field', () => {
    const spfOnly = field('Authentication-Results: mx.binhphuoc.gov.vn; spf=softfail smtp.mailfrom=x@y.vn');
    expect(trustedAuthentication([spfOnly], server)).toMatchObject({
      spf: 'softfail',
      dkim: 'none',
      dmarc: 'none',
    });
    expect(trustedAuthentication([lmtp, entry], server)).toBeNull();
  });

  it('reads the host after "by"', () => {
    expect(receivedBy(' from a (b [1.2.3.4])\r\n\tby MX.binhphuoc.gov.vn. (Postfix)')).toBe(
      'mx.binhphuoc.gov.vn',
    );
    expect(receivedBy(' from nearby.example.com (x)')).toBeNull();
  });
});
