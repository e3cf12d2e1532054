import { z } from 'zod';
import { BodyPart } from './message-parts';

/**
 * An attachment shown in the page without downloading it: a Word document or an Excel workbook
 * converted to HTML by the proxy (the client sanitises it like mail and shows it in the same
 * sandboxed frame), or a forwarded message as the reader's own body parts.
 */
export const PreviewSheet = z
  .object({
    name: z.string(),
    /** One HTML table of the first rows and columns, cell values as text (formulas: cached value). */
    html: z.string(),
    /** Rows and columns in the sheet, and how many of them the table shows. */
    rows: z.number().int().nonnegative(),
    shownRows: z.number().int().nonnegative(),
    columns: z.number().int().nonnegative(),
    shownColumns: z.number().int().nonnegative(),
  })
  .meta({ id: 'PreviewSheet' });
export type PreviewSheet = z.infer<typeof PreviewSheet>;

export const AttachmentPreview = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('document'), html: z.string() }),
    z.object({
      kind: z.literal('workbook'),
      sheets: z.array(PreviewSheet),
      /** Sheets past the cap are not converted. */
      omittedSheets: z.number().int().nonnegative(),
    }),
    /** One body part of kind "message": headers and parts, as the reader nests a forward. */
    z.object({ kind: z.literal('message'), parts: z.array(BodyPart) }),
  ])
  .meta({ id: 'AttachmentPreview' });
export type AttachmentPreview = z.infer<typeof AttachmentPreview>;
