import { encodeMailbox } from './http';

/** Addresses of a message's bytes, served by proxy/routes/attachments.ts (links, not queries). */
const base = (mailbox: string, uid: number) => `/api/mailboxes/${encodeMailbox(mailbox)}/messages/${uid}`;

/** inline: the browser shows it (raster images, PDF); anything else is always a download. */
export const attachmentFileUrl = (mailbox: string, uid: number, part: string, inline = false) =>
  `${base(mailbox, uid)}/attachments/${part}${inline ? '?inline=1' : ''}`;

export const attachmentsZipUrl = (mailbox: string, uid: number) => `${base(mailbox, uid)}/attachments.zip`;

export const rawSourceUrl = (mailbox: string, uid: number, view = false) =>
  `${base(mailbox, uid)}/raw${view ? '?view=1' : ''}`;

const IMAGE_PREVIEW = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/** How an attachment can be looked at without saving it; SVG and HTML never are. */
export function previewKind(contentType: string): 'image' | 'pdf' | null {
  const type = contentType.toLowerCase();
  if (IMAGE_PREVIEW.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  return null;
}
