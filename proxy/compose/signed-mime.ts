import { randomBytes } from 'node:crypto';

const CONTENT_HEADER = /^content-(type|transfer-encoding|disposition|id|description)$/i;

/**
 * A built message cut into what S/MIME signs and what it does not (RFC 8551 §3.5): the entity is
 * the message's own content headers and body, byte for byte as it would be sent (CRLF lines,
 * 7-bit transfer encodings); the outer header keeps From, To, Subject, Date, Message-ID and the
 * rest, which mail clients show from the outer message.
 */
export function splitForSigning(raw: Buffer): { header: Buffer; entity: Buffer } {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error('message without a body');
  const outer: string[] = [];
  const content: string[] = [];
  for (const field of unfoldedFields(raw.subarray(0, end).toString('latin1'))) {
    const name = field.slice(0, field.indexOf(':')).trim();
    if (CONTENT_HEADER.test(name)) content.push(field);
    else if (name.toLowerCase() !== 'mime-version') outer.push(field);
  }
  if (!content.some((f) => /^content-type:/i.test(f)))
    content.unshift('Content-Type: text/plain; charset=us-ascii');
  // The CRLF before the next boundary belongs to that boundary (RFC 2046 §5.1.1), and verifiers
  // (OpenSSL among them) leave it out of the signed content: so must the signer.
  let bodyEnd = raw.length;
  while (bodyEnd >= end + 6 && raw[bodyEnd - 2] === 0x0d && raw[bodyEnd - 1] === 0x0a) bodyEnd -= 2;
  // Canonical CRLF lines (RFC 8551 §3.1.1): a bare LF (the composer leaves the user's own line
  // breaks so in quoted-printable text) would become CRLF on the way and break the signature.
  const body = Buffer.from(
    raw
      .subarray(end + 4, bodyEnd)
      .toString('latin1')
      .replace(/\r?\n|\r/g, '\r\n'),
    'latin1',
  );
  if (!isSevenBit(body)) throw new Error('the entity to sign must be 7-bit');
  return {
    header: Buffer.from(outer.join('\r\n'), 'latin1'),
    entity: Buffer.concat([Buffer.from(`${content.join('\r\n')}\r\n\r\n`, 'latin1'), body]),
  };
}

/**
 * The message as sent: multipart/signed (RFC 1847, RFC 8551) with the entity first, unchanged,
 * and the detached CMS signature as application/pkcs7-signature.
 */
export function wrapSigned(
  parts: { header: Buffer; entity: Buffer },
  signature: Uint8Array,
  boundary = `----=_signed_${randomBytes(12).toString('hex')}`,
): Buffer {
  const base64 = Buffer.from(signature)
    .toString('base64')
    .replace(/.{1,76}/g, '$&\r\n');
  const head = [
    parts.header.toString('latin1'),
    'MIME-Version: 1.0',
    `Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256;\r\n boundary="${boundary}"`,
    '',
    'This is a digitally signed message (S/MIME).',
    `--${boundary}`,
    '',
  ].join('\r\n');
  const tail = [
    '',
    `--${boundary}`,
    'Content-Type: application/pkcs7-signature; name="smime.p7s"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="smime.p7s"',
    '',
    `${base64}--${boundary}--`,
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), parts.entity, Buffer.from(tail, 'latin1')]);
}

function unfoldedFields(header: string): string[] {
  const fields: string[] = [];
  for (const line of header.split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length) fields[fields.length - 1] += `\r\n${line}`;
    else fields.push(line);
  }
  return fields;
}

function isSevenBit(bytes: Buffer): boolean {
  for (const b of bytes) if (b > 127 || b === 0) return false;
  return true;
}
