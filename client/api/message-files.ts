import { routeUrl } from '../../common/contract/route';
import { messageFileRoutes } from '../../common/routes/mail';

// Addresses of a message's bytes (links, not queries), built from the route table.

/** inline: the browser shows it (raster images, PDF); anything else is always a download. */
export const attachmentFileUrl = (mailbox: string, uid: number, part: string, inline = false) =>
  routeUrl(messageFileRoutes.attachment, { mailbox, uid, part }, { inline });

export const attachmentsZipUrl = (mailbox: string, uid: number) =>
  routeUrl(messageFileRoutes.attachmentsZip, { mailbox, uid });

export const rawSourceUrl = (mailbox: string, uid: number, view = false) =>
  routeUrl(messageFileRoutes.raw, { mailbox, uid }, { view });

const IMAGE_PREVIEW = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/** How an attachment can be looked at without saving it; SVG and HTML never are. */
export function previewKind(contentType: string): 'image' | 'pdf' | null {
  const type = contentType.toLowerCase();
  if (IMAGE_PREVIEW.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  return null;
}
