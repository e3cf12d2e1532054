import type { ImapFlow, MessageStructureObject } from 'imapflow';
import type { MessageSignature } from '../../common/contract';
import type { SignatureVerifier } from '../trust/signature-verifier';

/**
 * Where a message's S/MIME signature is (RFC 8551 §3.5), read from BODYSTRUCTURE: the two parts of
 * a top-level multipart/signed, or the one application/pkcs7-mime signed-data body. Signatures
 * deeper in the structure (a signed forward inside a mixed message) are not the sender's.
 */
export type SignedLayout =
  | { form: 'detached'; content: string; signature: string; encoding: string }
  | { form: 'opaque'; part: string; encoding: string };

const SIGNATURE_TYPES = ['application/pkcs7-signature', 'application/x-pkcs7-signature'];
const OPAQUE_TYPES = ['application/pkcs7-mime', 'application/x-pkcs7-mime'];

export function signedLayout(root: MessageStructureObject | undefined): SignedLayout | null {
  if (!root) return null;
  const type = root.type.toLowerCase();
  if (type === 'multipart/signed') {
    const protocol = root.parameters?.protocol?.toLowerCase() ?? '';
    const [content, signature] = root.childNodes ?? [];
    if (!SIGNATURE_TYPES.includes(protocol) || !content || !signature) return null;
    if (!SIGNATURE_TYPES.includes(signature.type.toLowerCase())) return null;
    return {
      form: 'detached',
      content: content.part ?? '1',
      signature: signature.part ?? '2',
      encoding: signature.encoding ?? '7bit',
    };
  }
  if (OPAQUE_TYPES.includes(type) && root.parameters?.['smime-type']?.toLowerCase() === 'signed-data')
    return { form: 'opaque', part: root.part ?? '1', encoding: root.encoding ?? '7bit' };
  return null;
}

/** The part numbers that carry the signature itself: not listed as attachments once verified. */
export function signatureParts(layout: SignedLayout): string[] {
  return layout.form === 'detached' ? [layout.signature] : [layout.part];
}

export interface MessageSignatureResult {
  signature: MessageSignature;
  /** Opaque form: the signed MIME entity, which is the message the reader shows. */
  content: Uint8Array | null;
}

/**
 * Fetches the exact bytes a signature covers and checks it. The first part of multipart/signed is
 * its MIME header and body as IMAP returns them (BODY[1.MIME] and BODY[1]): byte for byte what the
 * sender signed, in canonical CRLF form.
 */
export async function checkMessageSignature(
  client: ImapFlow,
  uid: number,
  layout: SignedLayout,
  facts: { from: string | null; arrivalTime: Date },
  verifier: SignatureVerifier,
): Promise<MessageSignatureResult> {
  const wanted =
    layout.form === 'detached' ? [`${layout.content}.MIME`, layout.content, layout.signature] : [layout.part];
  const fetched = await client.fetchOne(String(uid), { uid: true, bodyParts: wanted }, { uid: true });
  const parts = fetched ? fetched.bodyParts : undefined;
  const part = (id: string) => parts?.get(id.toLowerCase()) ?? parts?.get(id) ?? null;
  if (layout.form === 'detached') {
    const header = part(`${layout.content}.MIME`);
    const body = part(layout.content);
    const cms = decodeTransfer(part(layout.signature), layout.encoding);
    const detachedContent = header && body ? toCrlf(Buffer.concat([header, body])) : new Uint8Array();
    return verifier.verify({ cms, detachedContent, ...facts });
  }
  const cms = decodeTransfer(part(layout.part), layout.encoding);
  return verifier.verify({ cms, detachedContent: null, ...facts });
}

function decodeTransfer(raw: Buffer | null, encoding: string): Uint8Array<ArrayBuffer> {
  if (!raw) return new Uint8Array();
  if (encoding.toLowerCase() === 'base64')
    return new Uint8Array(Buffer.from(raw.toString('latin1'), 'base64'));
  return new Uint8Array(raw);
}

/** RFC 8551 §3.1.1: signatures are over canonical CRLF text; a store that kept bare LF is undone. */
function toCrlf(bytes: Buffer): Uint8Array {
  return new Uint8Array(Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'));
}
