import { fileExtension } from './file-name';

export type AttachmentPreviewKind = 'docx' | 'xlsx' | 'message';

/**
 * Which attachments open as a preview in the page. The real extension decides for Office files,
 * as for the chip's badge: the sender's declared type is only their word. Macro-enabled
 * (.docm, .xlsm) and old binary formats (.doc, .xls) are not converted: they download.
 */
export function attachmentPreviewKind(filename: string, contentType: string): AttachmentPreviewKind | null {
  const ext = fileExtension(filename);
  if (ext === 'docx') return 'docx';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'eml' || contentType.toLowerCase() === 'message/rfc822') return 'message';
  return null;
}
