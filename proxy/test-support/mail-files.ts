import { randomUUID } from 'node:crypto';

/** One small message as a mail program saves it (.eml), dated and with a Vietnamese subject. */
export function emlMessage(
  subject: string,
  date: Date,
  options: { body?: string; eol?: string; id?: string } = {},
) {
  const eol = options.eol ?? '\r\n';
  const lines = [
    'From: Văn thư <vanthu@binhphuoc.gov.vn>',
    'To: nguoinhan@binhphuoc.gov.vn',
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${options.id ?? `<${randomUUID()}@binhphuoc.gov.vn>`}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    options.body ?? `Nội dung thư ${subject}.`,
    '',
  ];
  return Buffer.from(lines.join(eol));
}

const asctime = (d: Date) => {
  const [wd, mon, day, time, year] = [
    d.toUTCString().slice(0, 3),
    d.toUTCString().slice(8, 11),
    String(d.getUTCDate()).padStart(2, ' '),
    d.toISOString().slice(11, 19),
    d.getUTCFullYear(),
  ];
  return `${wd} ${mon} ${day} ${time} ${year}`;
};

/**
 * An mbox of the given messages, written as `variant` writes it: mboxrd quotes every /^>*From /,
 * mboxo only /^From /. Each message's envelope date is `envelopeDates[i]` (else its index in hours).
 */
export function mboxOf(messages: Buffer[], variant: 'mboxrd' | 'mboxo', envelopeDates: Date[] = []): Buffer {
  const parts: Buffer[] = [];
  messages.forEach((m, i) => {
    const date = envelopeDates[i] ?? new Date(Date.UTC(2025, 0, 1, i));
    const text = m
      .toString('latin1')
      .replace(/\r\n/g, '\n')
      .replace(variant === 'mboxrd' ? /^(>*From )/gm : /^(From )/gm, '>$1');
    parts.push(Buffer.from(`From vanthu@binhphuoc.gov.vn ${asctime(date)}\n`), Buffer.from(text, 'latin1'));
    if (!text.endsWith('\n')) parts.push(Buffer.from('\n'));
    parts.push(Buffer.from('\n'));
  });
  return Buffer.concat(parts);
}

/** multipart/form-data with the files under the field "file", as the browser sends them. */
export function multipartFiles(files: { name: string; bytes: Buffer; type?: string }[]) {
  const boundary = `----bp${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** A .zip of the given files (names as given; yazl refuses "..", so unsafe names are made apart). */
export async function zipOf(entries: Record<string, Buffer>): Promise<Buffer> {
  const { ZipFile } = await import('yazl');
  const zip = new ZipFile();
  for (const [name, data] of Object.entries(entries)) zip.addBuffer(data, name, { mtime: new Date(0) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
