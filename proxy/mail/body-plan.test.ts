import type { MessageStructureObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { bodyPlan, needsParts } from './body-plan';
import { isAttachment } from './body-structure';

const leaf = (part: string | undefined, type: string, extra: Partial<MessageStructureObject> = {}) =>
  ({
    part,
    type,
    parameters: { charset: 'utf-8' },
    encoding: '8bit',
    size: 10,
    ...extra,
  }) as MessageStructureObject;
const multi = (type: string, childNodes: MessageStructureObject[], part?: string) =>
  ({ part, type, childNodes }) as MessageStructureObject;
const plan = (root: MessageStructureObject) => bodyPlan(root, isAttachment);

describe('bodyPlan', () => {
  it.each<[string, MessageStructureObject, unknown]>([
    ['a single text part is part 1', leaf(undefined, 'text/plain'), [{ kind: 'text', part: '1' }]],
    [
      'text then HTML in multipart/mixed: both, in order',
      multi('multipart/mixed', [leaf('1', 'text/plain'), leaf('2', 'text/html')]),
      [
        { kind: 'text', part: '1' },
        { kind: 'html', part: '2' },
      ],
    ],
    [
      'alternative: only the last alternative',
      multi('multipart/alternative', [leaf('1', 'text/plain'), leaf('2', 'text/html')]),
      [{ kind: 'html', part: '2' }],
    ],
    [
      'alternative whose last alternative shows nothing: the one before',
      multi('multipart/alternative', [leaf('1', 'text/plain'), leaf('2', 'text/calendar')]),
      [{ kind: 'text', part: '1' }],
    ],
    [
      'related: its root only, not the images',
      multi('multipart/mixed', [
        multi(
          'multipart/related',
          [leaf('1.1', 'text/html'), leaf('1.2', 'image/png', { id: '<a@b>' })],
          '1',
        ),
        leaf('2', 'application/pdf', {
          disposition: 'attachment',
          dispositionParameters: { filename: 'a.pdf' },
        }),
      ]),
      [{ kind: 'html', part: '1.1' }],
    ],
    [
      'text beside an inline HTML file: both',
      multi('multipart/mixed', [
        leaf('1', 'text/plain'),
        leaf('2', 'text/html', { disposition: 'inline', dispositionParameters: { filename: 'bang.html' } }),
      ]),
      [
        { kind: 'text', part: '1' },
        { kind: 'html', part: '2' },
      ],
    ],
    [
      'an HTML file attached (not inline) is no body part',
      multi('multipart/mixed', [
        leaf('1', 'text/plain'),
        leaf('2', 'text/html', { disposition: 'attachment', dispositionParameters: { filename: 'x.html' } }),
      ]),
      [{ kind: 'text', part: '1' }],
    ],
  ])('%s', (_name, root, expected) => {
    expect(plan(root)).toEqual(expected);
  });

  it('a forwarded message becomes a nested message with its own parts and envelope', () => {
    const envelope = { subject: 'Dự toán 2027', from: [{ name: 'Sở Tài chính', address: 'stc@x.vn' }] };
    const root = multi('multipart/mixed', [
      leaf('1', 'text/plain'),
      {
        part: '2',
        type: 'message/rfc822',
        envelope,
        childNodes: [
          multi('multipart/alternative', [leaf('2.1', 'text/plain'), leaf('2.2', 'text/html')], '2'),
        ],
      } as MessageStructureObject,
    ]);
    expect(plan(root)).toEqual([
      { kind: 'text', part: '1' },
      { kind: 'message', part: '2', envelope, parts: [{ kind: 'html', part: '2.2' }] },
    ]);
  });

  it('numbers the single-part body of a forwarded message <wrapper>.1, as IMAP does', () => {
    const root = multi('multipart/mixed', [
      leaf('1', 'text/plain'),
      { part: '2', type: 'message/rfc822', childNodes: [leaf('2', 'text/plain')] } as MessageStructureObject,
    ]);
    expect(plan(root)[1]).toMatchObject({ kind: 'message', parts: [{ kind: 'text', part: '2.1' }] });
  });

  it('stops nesting forwarded messages five deep', () => {
    let node: MessageStructureObject = leaf('x', 'text/plain');
    for (let i = 0; i < 10; i++)
      node = { part: 'x', type: 'message/rfc822', childNodes: [node] } as MessageStructureObject;
    let depth = 0;
    for (let p = plan(node)[0]; p?.kind === 'message'; p = p.parts[0]) depth++;
    expect(depth).toBe(5);
  });

  it('needs parts only when one merged text/html pair would lose something', () => {
    expect(needsParts([{ kind: 'html', part: '1' }])).toBe(false);
    expect(
      needsParts([
        { kind: 'text', part: '1' },
        { kind: 'html', part: '2' },
      ]),
    ).toBe(true);
    expect(needsParts([{ kind: 'message', part: '1', envelope: undefined, parts: [] }])).toBe(true);
  });
});
