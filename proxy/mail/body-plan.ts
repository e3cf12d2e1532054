import type { MessageEnvelopeObject, MessageStructureObject } from 'imapflow';

/**
 * Pure: which parts of a BODYSTRUCTURE the reader shows, in order (Đ10.2: nothing lost). Every
 * text/plain and text/html part that is not an attachment, each forwarded message (message/rfc822)
 * as a nested message with its own parts; of a multipart/alternative only the last alternative that
 * shows anything (RFC 2046 §5.1.4: the richest comes last); of a multipart/related only its root.
 */
export type PlannedPart =
  | { kind: 'text' | 'html'; part: string }
  | { kind: 'message'; part: string; envelope: MessageEnvelopeObject | undefined; parts: PlannedPart[] };

/** Deeper forwards stay downloadable as .eml; showing them nested would only cost the reader. */
const MAX_DEPTH = 5;
/** A message of thousands of tiny text parts is built to hurt: past this, the rest is attachments. */
const MAX_PARTS = 50;

export function bodyPlan(
  root: MessageStructureObject,
  isAttachment: (node: MessageStructureObject) => boolean,
): PlannedPart[] {
  let budget = MAX_PARTS;

  const walk = (node: MessageStructureObject, id: string, depth: number): PlannedPart[] => {
    const type = node.type.toLowerCase();
    if (type.startsWith('multipart/')) {
      const children = node.childNodes ?? [];
      const childId = (child: MessageStructureObject, i: number) => child.part ?? `${id}.${i + 1}`;
      if (type === 'multipart/alternative') {
        for (let i = children.length - 1; i >= 0; i--) {
          const planned = walk(children[i]!, childId(children[i]!, i), depth);
          if (planned.length > 0) return planned;
        }
        return [];
      }
      if (type === 'multipart/related') {
        const start = node.parameters?.start?.replace(/^<|>$/g, '');
        const index = start ? children.findIndex((c) => c.id?.replace(/^<|>$/g, '') === start) : -1;
        const at = Math.max(index, 0);
        return children[at] ? walk(children[at]!, childId(children[at]!, at), depth) : [];
      }
      return children.flatMap((child, i) => walk(child, childId(child, i), depth));
    }
    if (type === 'message/rfc822') {
      const inner = node.childNodes?.[0];
      if (depth >= MAX_DEPTH || !inner || budget <= 0) return [];
      budget--;
      // imapflow numbers a single-part body like its wrapper; IMAP calls it <wrapper>.1.
      const innerId = inner.type.toLowerCase().startsWith('multipart/') ? id : `${id}.1`;
      return [{ kind: 'message', part: id, envelope: node.envelope, parts: walk(inner, innerId, depth + 1) }];
    }
    if ((type === 'text/plain' || type === 'text/html') && !isAttachment(node) && budget > 0) {
      budget--;
      return [{ kind: type === 'text/html' ? 'html' : 'text', part: id }];
    }
    return [];
  };

  return walk(root, root.part ?? '1', 0);
}

/** True when the parts say more than one merged text/html pair can: the reader shows them apart. */
export function needsParts(plan: PlannedPart[]): boolean {
  return plan.length > 1 || plan.some((p) => p.kind === 'message');
}
