import { describe, expect, it } from 'vitest';
import { type MboxItem, type MboxOptions, quoteToRemove, splitMbox } from './mbox-splitter';

const rd: MboxOptions = { variant: 'mboxrd', maxMessageBytes: 20 * 1024 * 1024 };
const o: MboxOptions = { variant: 'mboxo', maxMessageBytes: 20 * 1024 * 1024 };

async function split(input: string | Buffer, options = rd, chunkSize = 0): Promise<MboxItem[]> {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input);
  const chunks: Buffer[] = [];
  if (chunkSize > 0)
    for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  else chunks.push(bytes);
  const items: MboxItem[] = [];
  for await (const item of splitMbox(
    (async function* () {
      yield* chunks;
    })(),
    options,
  ))
    items.push(item);
  return items;
}

const bodies = (items: MboxItem[]) => items.map((i) => (i.kind === 'message' ? i.raw.toString() : i.kind));

const two =
  'From alice@example.com Fri Jul  8 12:08:34 2011\n' +
  'Subject: một\n\nThân thư một.\n\n' +
  'From bob@example.com Sat Jul  9 08:00:00 2011\n' +
  'Subject: hai\n\nThân thư hai.\n';

describe('splitMbox', () => {
  it('splits at "From " separators, drops the blank line before each, and writes CRLF', async () => {
    const items = await split(two);
    expect(bodies(items)).toEqual([
      'Subject: một\r\n\r\nThân thư một.\r\n',
      'Subject: hai\r\n\r\nThân thư hai.\r\n',
    ]);
    expect(items.map((i) => (i.kind === 'message' ? [i.index, i.line, i.envelope] : null))).toEqual([
      [1, 1, 'alice@example.com Fri Jul  8 12:08:34 2011'],
      [2, 6, 'bob@example.com Sat Jul  9 08:00:00 2011'],
    ]);
  });

  it('gives the same messages whatever the chunk boundaries (one byte at a time, 7 bytes)', async () => {
    const whole = bodies(await split(two));
    expect(bodies(await split(two, rd, 1))).toEqual(whole);
    expect(bodies(await split(two, rd, 7))).toEqual(whole);
  });

  it('reads a CRLF file like an LF one', async () => {
    expect(bodies(await split(two.replace(/\n/g, '\r\n')))).toEqual(bodies(await split(two)));
  });

  it('keeps the last message when the file has no final newline', async () => {
    const items = await split('From a@b Fri Jul  8 12:08:34 2011\nSubject: x\n\nkhông có dòng cuối');
    expect(bodies(items)).toEqual(['Subject: x\r\n\r\nkhông có dòng cuối\r\n']);
  });

  it('gives nothing for an empty file, or for blank lines only', async () => {
    expect(await split('')).toEqual([]);
    expect(await split('\n\n\r\n')).toEqual([]);
  });

  it('says where the file stops being an mbox when it does not start with a separator', async () => {
    expect(await split('\n\nGarbage\x00\x01 here\nFrom a@b Fri Jul  8 12:08:34 2011\n')).toEqual([
      { kind: 'no_separator', line: 3 },
    ]);
  });

  it('mboxrd takes one ">" off every quoted From line', async () => {
    const file =
      'From a@b Fri Jul  8 12:08:34 2011\nSubject: q\n\n>From here\n>>From there\n>>>From far\n> From not quoted\n';
    expect(bodies(await split(file, rd))).toEqual([
      'Subject: q\r\n\r\nFrom here\r\n>From there\r\n>>From far\r\n> From not quoted\r\n',
    ]);
  });

  it('mboxo takes ">" off ">From " only and leaves deeper quotes as written', async () => {
    const file = 'From a@b Fri Jul  8 12:08:34 2011\nSubject: q\n\n>From here\n>>From there\n';
    expect(bodies(await split(file, o))).toEqual(['Subject: q\r\n\r\nFrom here\r\n>>From there\r\n']);
  });

  it('leaves an unquoted "From " inside a paragraph in the body', async () => {
    const file =
      'From a@b Fri Jul  8 12:08:34 2011\nSubject: q\n\nDòng đầu\nFrom Hà Nội 2011 gửi vào\n\nFrom the office, regards\n';
    expect(bodies(await split(file))).toEqual([
      'Subject: q\r\n\r\nDòng đầu\r\nFrom Hà Nội 2011 gửi vào\r\n\r\nFrom the office, regards\r\n',
    ]);
  });

  it('keeps blank lines a message ends with, less the separator’s', async () => {
    const file =
      'From a@b Fri Jul  8 12:08:34 2011\nSubject: q\n\nbody\n\n\n\nFrom c@d Fri Jul  8 12:08:35 2011\nSubject: r\n\n';
    expect(bodies(await split(file))).toEqual(['Subject: q\r\n\r\nbody\r\n\r\n\r\n', 'Subject: r\r\n']);
  });

  it('lets a message over the cap go, counting its size and keeping its head', async () => {
    const big = 'x'.repeat(200);
    const file = `From a@b Fri Jul  8 12:08:34 2011\nSubject: to\n\n${big}\n${big}\n\nFrom c@d Fri Jul  8 12:08:35 2011\nSubject: nhỏ\n\nok\n`;
    const items = await split(file, { variant: 'mboxrd', maxMessageBytes: 300 }, 16);
    expect(items[0]).toMatchObject({
      kind: 'too_large',
      index: 1,
      size: 'Subject: to\r\n\r\n'.length + 2 * 202,
    });
    expect(items[0]?.kind === 'too_large' && items[0].head.toString().startsWith('Subject: to')).toBe(true);
    expect(bodies(items.slice(1))).toEqual(['Subject: nhỏ\r\n\r\nok\r\n']);
  });

  it('passes a very long line on in pieces without taking it for a separator', async () => {
    const long = `${'y'.repeat(3 * 1024 * 1024)}`;
    const file = `From a@b Fri Jul  8 12:08:34 2011\nSubject: dài\n\n${long}\n`;
    const items = await split(file, rd, 64 * 1024);
    expect(items).toHaveLength(1);
    expect(items[0]?.kind === 'message' && items[0].raw.length).toBe(
      Buffer.byteLength('Subject: dài\r\n\r\n') + long.length + 2,
    );
  });

  it('passes garbage after a separator on as a message (the caller judges it)', async () => {
    const items = await split(
      Buffer.concat([Buffer.from('From a@b Fri Jul  8 12:08:34 2011\n'), Buffer.from([0, 1, 2, 0xff, 10])]),
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.kind).toBe('message');
  });
});

describe('quoteToRemove', () => {
  it.each([
    ['>From x', 'mboxrd', 1],
    ['>>From x', 'mboxrd', 1],
    ['>>From x', 'mboxo', 0],
    ['>From x', 'mboxo', 1],
    ['>Fromage', 'mboxrd', 0],
    ['From x', 'mboxrd', 0],
  ] as const)('%s in %s → %d', (line, variant, expected) => {
    expect(quoteToRemove(Buffer.from(line), variant)).toBe(expected);
  });
});
