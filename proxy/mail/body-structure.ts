import type { MessageStructureObject } from 'imapflow';
import type { AttachmentInfo } from '../../common/contract';
import { safeContentType, safeFileName } from '../../common/policy/file-name';
import { signatureParts, signedLayout } from './signed-parts';

/**
 * Pure reading of an IMAP BODYSTRUCTURE: which parts are the body, which are attachments. The part
 * numbers it returns let the proxy stream one attachment without downloading the whole message.
 */

export interface TextPart {
  part: string;
  type: 'text/plain' | 'text/html';
  charset: string;
  encoding: string;
}

const isMultipart = (n: MessageStructureObject) => n.type.startsWith('multipart/');

function filenameOf(node: MessageStructureObject): string | null {
  const name = node.dispositionParameters?.filename ?? node.parameters?.name;
  if (!name) return null;
  // Path parts, bidi overrides, invisible and control characters from the sender never reach a
  // shown or downloaded name: "…\u202Efdp.exe" must read as the .exe it is.
  const base = safeFileName(name, '');
  return base || null;
}

export function isAttachment(node: MessageStructureObject): boolean {
  if (node.type === 'message/rfc822') return true;
  if (node.disposition === 'attachment') return true;
  if (node.type === 'text/plain' || node.type === 'text/html')
    return Boolean(filenameOf(node)) && node.disposition !== 'inline';
  return true;
}

/** Decoded size from the encoded size the server reports (base64: 3 bytes per 4, CRLF every 76). */
export function decodedSize(node: MessageStructureObject): number {
  const size = node.size ?? 0;
  if (node.encoding?.toLowerCase() === 'base64') return Math.floor(((size * 76) / 78) * 0.75);
  return size;
}

function leaves(root: MessageStructureObject): MessageStructureObject[] {
  const out: MessageStructureObject[] = [];
  const walk = (node: MessageStructureObject) => {
    if (isMultipart(node)) {
      for (const child of node.childNodes ?? []) walk(child);
    } else {
      // A forwarded message (message/rfc822) is one attachment: its insides are not ours to list.
      out.push(node);
    }
  };
  walk(root);
  return out;
}

/** A single-part message has no part number in BODYSTRUCTURE; IMAP calls its body part "1". */
const partId = (node: MessageStructureObject) => node.part ?? '1';

export function findAttachments(root: MessageStructureObject): AttachmentInfo[] {
  return leaves(root)
    .filter(isAttachment)
    .map((node, index) => {
      const contentId = node.id ? node.id.replace(/^<|>$/g, '') : null;
      return {
        id: partId(node),
        filename: filenameOf(node) ?? fallbackName(node, index),
        contentType: safeContentType(node.type),
        size: decodedSize(node),
        contentId,
        inline: node.disposition !== 'attachment' && contentId !== null,
      };
    });
}

function fallbackName(node: MessageStructureObject, index: number): string {
  if (node.type === 'message/rfc822') {
    const subject = node.envelope?.subject?.trim();
    const stem = subject ? subject.replace(/[\\/:*?"<>|\r\n]+/g, ' ').slice(0, 120) : '';
    return safeFileName(`${stem}.eml`, `thu-${index + 1}.eml`);
  }
  const type = safeContentType(node.type);
  const subtype = (type.split('/')[1] ?? '').replace(/[^a-z0-9]+/gi, '').slice(0, 10);
  return `tep-dinh-kem-${index + 1}.${KNOWN_EXTENSIONS[type] ?? (subtype || 'bin')}`;
}

// Nameless parts people receive whose subtype is not the extension a computer opens them by
// (a meeting invitation is .ics, not .calendar); any other subtype serves as it is.
const KNOWN_EXTENSIONS: Record<string, string> = {
  'text/calendar': 'ics',
  'text/plain': 'txt',
  'text/x-vcard': 'vcf',
  'text/vcard': 'vcf',
  'application/octet-stream': 'bin',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
};

/** True when the list should show a paper clip: something other than inline cid images. */
export function hasRealAttachments(root: MessageStructureObject | undefined): boolean {
  if (!root) return false;
  // Đ14.2h: an S/MIME signature (smime.p7s, or the smime.p7m holding the message) is not a file.
  const layout = signedLayout(root);
  const signature = layout ? signatureParts(layout) : [];
  return findAttachments(root).some((a) => !a.inline && !signature.includes(a.id));
}

/** The part to preview in the list: plain text if the sender wrote one, else the HTML. */
export function previewPart(root: MessageStructureObject | undefined): TextPart | null {
  if (!root) return null;
  const bodies = leaves(root).filter((n) => !isAttachment(n));
  const pick = bodies.find((n) => n.type === 'text/plain') ?? bodies.find((n) => n.type === 'text/html');
  if (!pick) return null;
  return {
    part: partId(pick),
    type: pick.type as TextPart['type'],
    charset: pick.parameters?.charset ?? 'utf-8',
    encoding: pick.encoding ?? '7bit',
  };
}

export function findPart(root: MessageStructureObject, id: string): MessageStructureObject | null {
  let found: MessageStructureObject | null = null;
  const walk = (node: MessageStructureObject) => {
    if (found) return;
    if (partId(node) === id && !isMultipart(node)) {
      found = node;
      return;
    }
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(root);
  return found;
}
